package dev.dhcpembedded.stub;

import java.time.Duration;

/** The one check every delay of the stub API goes through. */
final class Delays {

    private Delays() {
    }

    static Duration check(String method, Duration time) {
        if (time == null) {
            throw new IllegalArgumentException(method + "(null): give a duration, e.g. Duration.ofMillis(300)");
        }
        if (time.isNegative()) {
            throw new IllegalArgumentException(method + "(" + time + "): a delay cannot be negative; use"
                    + " Duration.ZERO or a positive duration");
        }
        return time;
    }
}
