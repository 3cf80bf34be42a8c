package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.RequestState;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.stub.RequestMatcher;
import dev.dhcpembedded.stub.Responses;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Issue 23, item 3: the wall-clock window of the REBIND at T2, the twin of renewedWithin at T1. */
@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_reboundWithin_Test {

    static final String MAC = Wire.MAC;

    final TestClock clock = TestClock.at(Wire.START);
    final TestClock wall = TestClock.at(Instant.parse("2031-01-01T12:00:00Z"));
    final InMemoryTransport transport = new InMemoryTransport();
    /** A 20 s lease: T1 = 10 s, T2 = 17.5 s; renewals are ignored, so the client goes on to rebind. */
    final DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.20.0.1")
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").leaseTime(Duration.ofSeconds(20)))
            .clock(clock).wallClock(wall).start();

    @AfterEach
    void stop() {
        server.close();
    }

    private void send(DhcpMessage message) {
        transport.exchange(message);
    }

    /** DORA, then a renewal at T1 (ignored) and a rebinding request {@code t2} after the ACK (both clocks). */
    private void leaseRenewThenRebindAfter(Duration t2) {
        server.stub(RequestMatcher.onRequest().inState(RequestState.RENEWING).respond(Responses.ignore()));
        send(Wire.message(MessageType.DISCOVER, MAC, 1).build());
        send(Wire.selecting(MAC, 1, "10.20.0.100").build());
        both(Duration.ofSeconds(10));
        send(Wire.renewing(MAC, 2, "10.20.0.100").build());
        both(t2.minusSeconds(10));
        send(Wire.renewing(MAC, 3, "10.20.0.100").build());
    }

    private void both(Duration time) {
        clock.advance(time);
        wall.advance(time);
    }

    @Test
    void passesWhenTheRebindCameInTheWindow() {
        leaseRenewThenRebindAfter(Duration.ofMillis(17_600));

        assertThat(server).client(MAC).reboundWithin(Duration.ofSeconds(16), Duration.ofSeconds(19))
                .renewedWithin(Duration.ofSeconds(9), Duration.ofSeconds(11));
    }

    @Test
    void failsOutsideTheWindowSayingWhenItCame() {
        leaseRenewThenRebindAfter(Duration.ofMillis(17_600));

        assertThatThrownBy(() -> assertThat(server).client(MAC)
                .reboundWithin(Duration.ofSeconds(12), Duration.ofSeconds(15)))
                .hasMessageStartingWith("Expecting client 02:00:00:00:00:42 to have rebound 12s to 15s after the ACK"
                        + " of its address (wall time)\nbut it rebound 17.600s after #4 ACK (xid 0x00000001): #6"
                        + " REQUEST (xid 0x00000003)");
    }

    @Test
    void aRenewalBeforeT2IsNoRebind() {
        server.stub(RequestMatcher.onRequest().inState(RequestState.RENEWING).respond(Responses.ignore()));
        send(Wire.message(MessageType.DISCOVER, MAC, 1).build());
        send(Wire.selecting(MAC, 1, "10.20.0.100").build());
        both(Duration.ofSeconds(10));
        send(Wire.renewing(MAC, 2, "10.20.0.100").build());

        assertThatThrownBy(() -> assertThat(server).client(MAC)
                .reboundWithin(Duration.ofSeconds(16), Duration.ofSeconds(19)))
                .hasMessageContaining("but it sent no REBINDING REQUEST");
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> assertThat(server).client(MAC).reboundWithin(Duration.ofSeconds(5),
                Duration.ofSeconds(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reboundWithin(PT5S, PT4S)");
    }
}
