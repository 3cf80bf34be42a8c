package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.codec.MessageType.DECLINE;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.MessageType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpServerAssert_awaitingAtMost_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void waits_for_a_message_that_arrives_later() {
        CompletableFuture.runAsync(() -> wire.send(Wire.discover(Wire.MAC, 1)),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        assertThat(wire.server).awaitingAtMost(Duration.ofSeconds(5)).received(DISCOVER).from(Wire.MAC).once();
        assertThat(wire.server).awaiting().client(Wire.MAC).sentInOrder(DISCOVER);
    }

    @Test
    void says_what_was_awaited_and_what_arrived_instead() {
        wire.send(Wire.discover(Wire.MAC, 0x2a));
        long start = System.nanoTime();
        assertThatThrownBy(() -> assertThat(wire.server).awaitingAtMost(Duration.ofMillis(300)).received(DECLINE))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Timed out after 300ms waiting for what follows; the transcript shows what arrived instead.
                        Expecting the server to have received at least 1 message:
                          a DECLINE
                        but it received none; the closest is #1 DISCOVER (xid 0x0000002a):
                          field              expected  observed
                          message type (53)  DECLINE   DISCOVER  <<< differs
                        Transcript (2 entries):
                          #1 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x2a
                          #2 10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x2a""");
        Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
                Duration.ofMillis(300));
    }

    @Test
    void never_swallows_an_interrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> assertThat(wire.server).awaitingAtMost(Duration.ofSeconds(30))
                    .received(MessageType.INFORM))
                    .isInstanceOf(DhcpAwaitInterruptedException.class);
            Assertions.assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void an_interrupt_during_the_wait_ends_it_at_once() throws Exception {
        Thread waiting = Thread.currentThread();
        CompletableFuture.runAsync(waiting::interrupt, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        try {
            assertThatThrownBy(() -> assertThat(wire.server).awaitingAtMost(Duration.ofSeconds(30))
                    .received(MessageType.INFORM))
                    .isInstanceOf(DhcpAwaitInterruptedException.class);
            Assertions.assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isTrue();
            Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void works_inside_a_plain_awaitility_wait_too() {
        CompletableFuture.runAsync(() -> wire.send(Wire.discover(Wire.MAC, 1)),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(wire.server).received(DISCOVER).from(Wire.MAC));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !wire.server.journal().sent().isEmpty());
    }

    @Test
    void rejects_a_non_positive_timeout() {
        assertThatThrownBy(() -> assertThat(wire.server).awaitingAtMost(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
