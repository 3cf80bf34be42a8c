package dev.dhcpembedded.lease;

import java.time.Duration;

/**
 * RFC 2131 §4.4.5's default timers: T1 (renewal) is half the lease time and T2 (rebinding) seven eighths of it. The
 * server's subnets, the test client and the assertions all use these, so a test can say when a client should renew
 * without restating the rule.
 */
public final class LeaseTimes {

    private LeaseTimes() {
    }

    /**
     * T1 when none is configured: half of {@code leaseTime}.
     *
     * @param leaseTime the lease time (option 51)
     * @return the renewal time
     */
    public static Duration renewal(Duration leaseTime) {
        return fraction(leaseTime, 1, 2);
    }

    /**
     * T2 when none is configured: seven eighths of {@code leaseTime}.
     *
     * @param leaseTime the lease time (option 51)
     * @return the rebinding time
     */
    public static Duration rebinding(Duration leaseTime) {
        return fraction(leaseTime, 7, 8);
    }

    /**
     * {@code time * numerator / denominator}, rounded toward zero to the nanosecond, exactly as
     * {@code time.multipliedBy(numerator).dividedBy(denominator)}; in plain long arithmetic when the nanoseconds fit
     * (a time from 0 to 41 years at least): Duration's own goes through BigDecimal, which is slow in a JVM that has
     * only just started, where a suite builds its servers.
     */
    static Duration fraction(Duration time, int numerator, int denominator) {
        long seconds = time.getSeconds();
        if (seconds >= 0 && seconds < Long.MAX_VALUE / 1_000_000_000L / numerator - 1) {
            return Duration.ofNanos(time.toNanos() * numerator / denominator);
        }
        return time.multipliedBy(numerator).dividedBy(denominator);
    }
}
