package dev.dhcpembedded.agent;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The agent's log of refused connections, at a bounded rate: in each interval the first {@code burst} refusals are
 * written one by one, the others only counted, and one line at the interval's end says how many there were and the
 * last of them. A peer that hammers the control port therefore costs the container's log a few lines per interval,
 * and nobody loses the fact that it happened. Thread-safe.
 */
final class RefusalLog {

    private final int burst;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Consumer<String> sink;
    private long windowStart;
    private int written;
    private long suppressed;
    private String lastSuppressed;

    /**
     * @param burst     refusals written one by one per interval
     * @param interval  the interval
     * @param nanoClock the time, in nanoseconds ({@link System#nanoTime} but in tests)
     * @param sink      where lines go (the logger)
     */
    RefusalLog(int burst, Duration interval, LongSupplier nanoClock, Consumer<String> sink) {
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.sink = sink;
        this.windowStart = nanoClock.getAsLong();
    }

    /** Notes one refusal: {@code peer} and why. */
    void refused(String peer, String reason) {
        String line = "refused " + peer + ": " + reason;
        String summary;
        synchronized (this) {
            summary = rollWindow();
            if (written < burst) {
                written++;
            } else {
                suppressed++;
                lastSuppressed = line;
                line = null;
            }
        }
        emit(summary);
        emit(line);
    }

    /** Writes the summary of a past interval, if it has one; the agent's timer calls it once per interval. */
    void flush() {
        String summary;
        synchronized (this) {
            summary = rollWindow();
        }
        emit(summary);
    }

    /** Starts a new interval if the current one is over; its summary, or null. */
    private String rollWindow() {
        long now = nanoClock.getAsLong();
        if (now - windowStart < intervalNanos) {
            return null;
        }
        String summary = suppressed == 0 ? null : "refused " + suppressed + " more connection"
                + (suppressed == 1 ? "" : "s") + " in " + Duration.ofNanos(now - windowStart).toSeconds()
                + " s, not written one by one; the last: " + lastSuppressed;
        windowStart = now;
        written = 0;
        suppressed = 0;
        lastSuppressed = null;
        return summary;
    }

    private void emit(String line) {
        if (line != null) {
            sink.accept(line);
        }
    }
}
