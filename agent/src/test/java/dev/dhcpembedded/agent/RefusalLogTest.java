package dev.dhcpembedded.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Refused connections cost the container's log a bounded number of lines (issue 21, item 6: every refusal wrote a
 * WARN line before): per interval the first few one by one, then one line that counts the rest.
 */
class RefusalLogTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog log = new RefusalLog(5, Duration.ofSeconds(10), now::get, lines::add);

    @Test
    void aFloodOfRefusalsWritesTheFirstFewAndOneSummaryPerInterval() {
        for (int i = 0; i < 10_000; i++) {
            log.refused("/172.17.0.9:" + (40000 + i % 1000), "wrong token");
        }
        assertThat(lines).hasSize(5).allMatch(l -> l.startsWith("refused /172.17.0.9:") && l.endsWith("wrong token"));

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        log.flush();

        assertThat(lines).hasSize(6);
        assertThat(lines.get(5)).startsWith("refused 9995 more connections in 10 s")
                .contains("the last: refused /172.17.0.9:40999: wrong token");
    }

    @Test
    void aNewIntervalWritesItsFirstFewAgainAfterThePastOnesSummary() {
        for (int i = 0; i < 7; i++) {
            log.refused("/10.0.0." + i + ":1", "garbage");
        }
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        log.refused("/10.0.0.99:1", "garbage");

        assertThat(lines).hasSize(7);
        assertThat(lines.get(5)).startsWith("refused 2 more connections in 11 s");
        assertThat(lines.get(6)).isEqualTo("refused /10.0.0.99:1: garbage");
    }

    @Test
    void aQuietIntervalWritesNoSummary() {
        log.refused("/10.0.0.1:1", "garbage");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        log.flush();
        assertThat(lines).containsExactly("refused /10.0.0.1:1: garbage");
    }
}
