package dev.dhcpembedded.examples.modern;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.ignore;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timing assertions for clients on real time (real clients cannot follow a TestClock): they measure the journal's
 * wall time. Against a real client, leave the wall clock alone; here a TestClock stands in for it, so the example
 * runs in no time and shows both: {@code renewedWithin(from, to)} after the ACK, and the RFC 2131 §4.1 backoff.
 */
class WallClockTimingExampleTest {

    static final String MAC = "02:00:00:00:00:42";

    @Test
    void renewalAtT1AndRetransmissionBackoff() {
        TestClock wall = TestClock.at(Instant.parse("2030-01-01T00:00:00Z"));
        InMemoryTransport link = new InMemoryTransport();
        try (DhcpServer dhcp = DhcpServer.builder().transport(link).wallClock(wall)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").leaseTime(Duration.ofSeconds(20)))
                .start()) {
            DhcpMessage offer = link.exchange(discover(1)).get(0);
            link.exchange(DhcpMessage.builder().xid(1).chaddr(MAC).messageType(MessageType.REQUEST)
                    .option(DhcpOptions.requestedIpAddress(offer.yiaddr().getHostAddress()))
                    .option(DhcpOptions.serverIdentifier(offer.serverIdentifier().orElseThrow().getHostAddress()))
                    .build());
            wall.advance(Duration.ofMillis(10_300));                       // T1 of a 20 s lease is 10 s
            link.exchange(DhcpMessage.builder().xid(2).chaddr(MAC).messageType(MessageType.REQUEST)
                    .ciaddr(offer.yiaddr()).build());
            assertThat(dhcp).client(MAC).renewedWithin(Duration.ofSeconds(8), Duration.ofSeconds(12));

            dhcp.stub(onDiscover().respond(ignore()));                     // no answer: the device retransmits
            for (long gap : List.of(0L, 4_200L, 7_900L, 16_400L)) {
                wall.advance(Duration.ofMillis(gap));
                link.exchange(discover(3));
            }
            assertThat(dhcp).client(MAC).retransmittedWithBackoff();        // 4 s, 8 s, 16 s ... each ±1 s
        }
    }

    private static DhcpMessage discover(int xid) {
        return DhcpMessage.builder().xid(xid).chaddr(MAC).messageType(MessageType.DISCOVER).build();
    }
}
