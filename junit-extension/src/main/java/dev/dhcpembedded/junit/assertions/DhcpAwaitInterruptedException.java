package dev.dhcpembedded.junit.assertions;

/**
 * Thrown when the thread waiting in {@code awaiting()} is interrupted: the wait ends at once and the thread's
 * interrupt flag is set again, so whatever interrupted it (a JUnit timeout, a shutdown) sees it.
 */
public final class DhcpAwaitInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DhcpAwaitInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
