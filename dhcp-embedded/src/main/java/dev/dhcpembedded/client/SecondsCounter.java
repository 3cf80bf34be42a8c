package dev.dhcpembedded.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The 'secs' field of one acquisition or renewal process: seconds since it began on the client's clock, never
 * decreasing, and at least one more than the last value for a retransmission (so a retransmission is always
 * visible in 'secs', even when the clock has not moved a whole second).
 */
final class SecondsCounter {

    private static final int MAX = 0xFFFF;

    private final Clock clock;
    private final Instant start;
    private int last = -1;

    SecondsCounter(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    int next(boolean retransmission) {
        long elapsed = Math.max(Duration.between(start, clock.instant()).getSeconds(), 0);
        long floor = retransmission ? last + 1L : Math.max(last, 0);
        last = (int) Math.min(Math.max(elapsed, floor), MAX);
        return last;
    }
}
