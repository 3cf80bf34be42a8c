package dev.dhcpembedded.testcontainers;

/**
 * A {@link DhcpNetwork} could not be set up: no Docker, the bridge is not visible from this JVM (Docker Desktop,
 * rootless or remote Docker), or port 67 of the bridge cannot be bound (not root). The message says which, and
 * what to do about it.
 */
public final class DhcpNetworkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DhcpNetworkException(String message) {
        super(message);
    }

    public DhcpNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
