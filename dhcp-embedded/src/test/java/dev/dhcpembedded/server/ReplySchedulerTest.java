package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.runtime.ManualClock;
import dev.dhcpembedded.internal.runtime.ReplyScheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.stub.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Replies delayed on the server's clock count from the request's arrival, whenever they are handed over. */
class ReplySchedulerTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger sent = new AtomicInteger();
    private final Reply delayed = Reply.of(DhcpMessage.builder().messageType(MessageType.ACK).build(), "ack")
            .delayedOnServerClock(Duration.ofSeconds(30));

    /**
     * The race a test met now and then: it saw the REQUEST in the journal and advanced the clock before the
     * packet thread handed the delayed reply over. Counting the delay from the hand-over left the reply waiting for
     * another advance that never came.
     */
    @Test
    void aReplyHandedOverAfterTheClockPassedItsDueTimeGoesAtOnce() {
        try (ReplyScheduler scheduler = new ReplyScheduler(clock, ManualClock.of(clock::onAdvance, clock::removeListener), "test")) {
            long receivedAt = clock.millis();
            clock.advance(Duration.ofSeconds(30));

            scheduler.dispatch(delayed, receivedAt, sent::incrementAndGet);

            assertThat(sent).hasValue(1);
        }
    }

    @Test
    void aReplyNotYetDueWaitsForTheAdvanceThatReachesIt() {
        try (ReplyScheduler scheduler = new ReplyScheduler(clock, ManualClock.of(clock::onAdvance, clock::removeListener), "test")) {
            scheduler.dispatch(delayed, clock.millis(), sent::incrementAndGet);
            clock.advance(Duration.ofSeconds(29));
            assertThat(sent).hasValue(0);

            clock.advance(Duration.ofSeconds(1));

            assertThat(sent).hasValue(1);
        }
    }

    @Test
    void nothingIsSentOnceClosed() {
        ReplyScheduler scheduler = new ReplyScheduler(clock, ManualClock.of(clock::onAdvance, clock::removeListener), "test");
        scheduler.dispatch(delayed, clock.millis(), sent::incrementAndGet);
        scheduler.close();

        clock.advance(Duration.ofMinutes(1));
        scheduler.dispatch(delayed, clock.millis() - 60_000, sent::incrementAndGet);

        assertThat(sent).hasValue(0);
    }
}
