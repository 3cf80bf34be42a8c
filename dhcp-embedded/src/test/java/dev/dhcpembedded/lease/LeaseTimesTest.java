package dev.dhcpembedded.lease;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default T1 and T2 are Duration's own arithmetic to the nanosecond, short and long lease times alike. */
class LeaseTimesTest {

    static final List<Duration> TIMES = List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(7),
            Duration.ofSeconds(1), Duration.ofSeconds(3601, 7), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofSeconds(1_317_624_574L, 999_999_999), Duration.ofSeconds(1_317_624_575L, 999_999_999),
            Duration.ofSeconds(1_317_624_577L),
            Duration.ofSeconds(0xFFFFFFFFL), Duration.ofDays(365L * 1000), Duration.ofSeconds(-10, 3));

    @Test
    void renewalIsHalfTheLeaseTime() {
        for (Duration time : TIMES) {
            assertThat(LeaseTimes.renewal(time)).as("T1 of %s", time).isEqualTo(time.dividedBy(2));
        }
    }

    @Test
    void rebindingIsSevenEighthsOfTheLeaseTime() {
        for (Duration time : TIMES) {
            assertThat(LeaseTimes.rebinding(time)).as("T2 of %s", time)
                    .isEqualTo(time.multipliedBy(7).dividedBy(8));
        }
    }
}
