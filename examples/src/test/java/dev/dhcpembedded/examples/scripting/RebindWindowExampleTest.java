package dev.dhcpembedded.examples.scripting;

import static dev.dhcpembedded.codec.RequestState.RENEWING;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ignore;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The REBIND at T2 in a wall-clock window: {@code reboundWithin(from, to)}, the twin of {@code renewedWithin} at T1.
 * The server ignores renewals, so the device goes on to rebind. Against a real client leave the clocks alone; here
 * TestClocks stand in for them so the example runs in no time (on a link that cannot show the broadcast, the
 * server clock tells which REQUEST came at or after T2).
 */
class RebindWindowExampleTest {

    static final String MAC = "02:00:00:00:00:42";

    @Test
    void theDeviceRebindsAtT2() {
        TestClock clock = TestClock.at(Instant.parse("2030-01-01T00:00:00Z"));
        TestClock wall = TestClock.at(Instant.parse("2030-01-01T00:00:00Z"));
        InMemoryTransport link = new InMemoryTransport();
        try (DhcpServer dhcp = DhcpServer.builder().transport(link).clock(clock).wallClock(wall)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").leaseTime(Duration.ofSeconds(20)))
                .start()) {
            dhcp.stub(onRequest().inState(RENEWING).respond(ignore()));   // renewals go unanswered
            link.exchange(DhcpMessage.builder().xid(1).chaddr(MAC).messageType(MessageType.DISCOVER).build());
            link.exchange(request(1).option(DhcpOptions.requestedIpAddress("10.20.0.100"))
                    .option(DhcpOptions.serverIdentifier(dhcp.serverIdentifier().getHostAddress())).build());
            pass(clock, wall, Duration.ofSeconds(10));                       // T1 of a 20 s lease
            link.exchange(request(2).ciaddr("10.20.0.100").build());
            pass(clock, wall, Duration.ofMillis(7_700));                     // T2 is 17.5 s
            link.exchange(request(3).ciaddr("10.20.0.100").build());

            assertThat(dhcp).client(MAC).renewedWithin(Duration.ofSeconds(8), Duration.ofSeconds(12))
                    .reboundWithin(Duration.ofSeconds(16), Duration.ofSeconds(19));
        }
    }

    private static DhcpMessageBuilder request(int xid) {
        return DhcpMessage.builder().xid(xid).chaddr(MAC).messageType(MessageType.REQUEST);
    }

    private static void pass(TestClock clock, TestClock wall, Duration time) {
        clock.advance(time);
        wall.advance(time);
    }
}
