package dev.dhcpembedded.junit.assertions;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Checks once, or, when awaiting, polls the check with Awaitility until it passes or time runs out. A check returns
 * its failure message, or {@code null} when it passes. Interrupts are never swallowed: an interrupted wait ends at
 * once, with the thread's interrupt flag set again.
 */
final class Waiter {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private final Optional<Duration> timeout;

    private Waiter(Optional<Duration> timeout) {
        this.timeout = timeout;
    }

    static Waiter now() {
        return new Waiter(Optional.empty());
    }

    static Waiter atMost(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the time to wait must be positive, got " + timeout);
        }
        return new Waiter(Optional.of(timeout));
    }

    boolean awaits() {
        return timeout.isPresent();
    }

    /** Runs {@code check} (until it passes, when awaiting); hands its last failure to {@code fail}. */
    void check(Supplier<String> check, Consumer<String> fail) {
        if (timeout.isEmpty()) {
            String failure = check.get();
            if (failure != null) {
                fail.accept(failure);
            }
            return;
        }
        Duration limit = timeout.get();
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(limit, new InterruptedException("interrupted before the wait began"));
        }
        try {
            Awaitility.await()
                    .dontCatchUncaughtExceptions()
                    .atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .pollInSameThread()
                    .until(() -> {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new InterruptedException("interrupted while waiting");
                        }
                        return check.get() == null;
                    });
        } catch (ConditionTimeoutException timedOut) {
            String failure = check.get();
            if (failure != null) {
                fail.accept("Timed out after " + human(limit) + " waiting for what follows; the transcript shows what"
                        + " arrived instead.\n" + failure);
            }
        } catch (Throwable e) { // Awaitility rethrows the condition's checked InterruptedException as it is
            if (Thread.currentThread().isInterrupted() || causedByInterrupt(e)) {
                throw interrupted(limit, e);
            }
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof Error) {
                throw (Error) e;
            }
            throw new IllegalStateException(e);
        }
    }

    private static DhcpAwaitInterruptedException interrupted(Duration limit, Throwable cause) {
        Thread.currentThread().interrupt();
        return new DhcpAwaitInterruptedException("interrupted while waiting up to " + human(limit)
                + "; the interrupt flag is set again", cause);
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
