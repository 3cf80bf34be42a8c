package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.wire.Ipv4;
import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole server path (decode, journal, engine, encode, send, journal) over the in-memory transport. */
class InMemoryDoraTest {

    final TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    final InMemoryTransport memory = new InMemoryTransport();
    DhcpServer server;
    int xid = 0x3d1d;

    DhcpServer start(int poolSize) {
        server = DhcpServer.builder().transport(memory).serverId("10.20.0.1").clock(clock)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0." + (99 + poolSize))
                        .router("10.20.0.1").dns("10.20.0.53").leaseTime(Duration.ofMinutes(10)))
                .subnet("10.30.0.0/24", s -> s.pool("10.30.0.100", "10.30.0.199").router("10.30.0.1"))
                .staticLease("02:00:00:00:00:42", "10.20.0.42", l -> l.hostname("thermostat"))
                .start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    DhcpMessageBuilder msg(String mac, MessageType type) {
        return DhcpMessage.builder().xid(++xid).chaddr(mac).messageType(type)
                .option(DhcpOptions.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                        OptionCode.DOMAIN_NAME_SERVER));
    }

    DhcpMessage one(DhcpMessage request) {
        List<DhcpMessage> replies = memory.exchange(request);
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    DhcpMessage dora(String mac) {
        DhcpMessage offer = one(msg(mac, DISCOVER).build());
        return one(msg(mac, REQUEST).option(DhcpOptions.requestedIpAddress(offer.yiaddr().getHostAddress()))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
    }

    JournalEntry lastReceived() {
        List<JournalEntry> received = server.journal().entries(e -> e.kind() != JournalEntry.Kind.SENT);
        return received.get(received.size() - 1);
    }

    @Test
    void doraOverMemory() {
        start(100);
        DhcpMessage discover = msg("02:00:00:00:00:01", DISCOVER).build();
        DhcpMessage offer = one(discover);
        assertThat(offer.is(OFFER)).isTrue();
        assertThat(offer.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
        DhcpMessage ack = one(discover.toBuilder().messageType(REQUEST)
                .option(DhcpOptions.requestedIpAddress("10.20.0.100"))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
        assertThat(ack.is(ACK)).isTrue();
        assertThat(ack.leaseTime()).contains(Duration.ofMinutes(10));
        assertThat(ack.renewalTime()).contains(Duration.ofMinutes(5));
        assertThat(ack.rebindingTime()).contains(Duration.ofSeconds(525));
        assertThat(server.leases()).singleElement().satisfies(l -> {
            assertThat(l.addressText()).isEqualTo("10.20.0.100");
            assertThat(l.state()).isEqualTo(LeaseState.BOUND);
        });
        assertThat(server.journal().transcript().lines()).containsExactly(
                "0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x3d1e",
                "10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x3d1e",
                "0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x3d1e",
                "10.20.0.1:67 -> 10.20.0.100:68 DHCP ACK - Transaction ID 0x3d1e");
        assertThat(server.journal().entries()).extracting(JournalEntry::note).containsExactly(
                "DISCOVER: offer a free pool address", "DISCOVER: offer a free pool address",
                "REQUEST(SELECTING) for 10.20.0.100: ACK", "REQUEST(SELECTING) for 10.20.0.100: ACK");
    }

    @Test
    void renewRebindReleaseInformAndNak() {
        start(100);
        dora("02:00:00:00:00:01");
        clock.advance(Duration.ofMinutes(5));
        DhcpMessage renewed = one(msg("02:00:00:00:00:01", REQUEST).ciaddr("10.20.0.100").build());
        assertThat(renewed.is(ACK)).isTrue();
        assertThat(server.lease("02:00:00:00:00:01").orElseThrow().expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        // the reply goes to ciaddr, as RFC 2131 §4.1 says
        assertThat(server.journal().sent().get(server.journal().sent().size() - 1).destination())
                .isEqualTo(new InetSocketAddress("10.20.0.100", 68));
        DhcpMessage nak = one(msg("02:00:00:00:00:01", REQUEST).option(DhcpOptions.requestedIpAddress("10.9.9.9"))
                .build());
        assertThat(nak.is(NAK)).isTrue();
        assertThat(server.journal().sent().get(server.journal().sent().size() - 1).destination())
                .isEqualTo(new InetSocketAddress("255.255.255.255", 68));
        assertThat(memory.exchange(msg("02:00:00:00:00:01", MessageType.RELEASE).ciaddr("10.20.0.100")
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build())).isEmpty();
        assertThat(server.lease("02:00:00:00:00:01").orElseThrow().state()).isEqualTo(LeaseState.RELEASED);
        assertThat(lastReceived().note()).isEqualTo("RELEASE: 10.20.0.100 freed");
        DhcpMessage inform = one(msg("02:00:00:00:00:07", MessageType.INFORM).ciaddr("10.20.0.7").build());
        assertThat(inform.is(ACK)).isTrue();
        assertThat(inform.leaseTime()).isEmpty();
        assertThat(Ipv4.toInt(inform.yiaddr())).isZero();
    }

    @Test
    void declineSetsTheAddressAside() {
        start(1);
        dora("02:00:00:00:00:01");
        assertThat(memory.exchange(msg("02:00:00:00:00:01", MessageType.DECLINE)
                .option(DhcpOptions.requestedIpAddress("10.20.0.100"))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build())).isEmpty();
        assertThat(server.lease("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.DECLINED);
        assertThat(memory.exchange(msg("02:00:00:00:00:02", DISCOVER).build())).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(one(msg("02:00:00:00:00:02", DISCOVER).build()).yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
    }

    @Test
    void relayedRequestsSelectTheSubnetByGiaddrAndAreAnsweredToTheRelay() {
        start(100);
        DhcpMessage offer = one(msg("02:00:00:00:00:01", DISCOVER).giaddr("10.30.0.1").hops(1).build());
        assertThat(offer.yiaddr().getHostAddress()).isEqualTo("10.30.0.100");
        assertThat(offer.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.30.0.1");
        assertThat(memory.sent().get(0).destination()).isEqualTo(new InetSocketAddress("10.30.0.1", 67));
        assertThat(server.journal().transcript().lines()).containsExactly(
                "10.30.0.1:67 -> 10.20.0.1:67 DHCP Discover - Transaction ID 0x3d1e",
                "10.20.0.1:67 -> 10.30.0.1:67 DHCP Offer - Transaction ID 0x3d1e");
    }

    @Test
    void giaddrOutsideEverySubnetIsJournaledAndSilent() {
        start(100);
        assertThat(memory.exchange(msg("02:00:00:00:00:01", DISCOVER).giaddr("172.16.0.1").build())).isEmpty();
        assertThat(lastReceived().note()).isEqualTo("giaddr 172.16.0.1 is in no configured subnet: not answered");
        assertThat(one(msg("02:00:00:00:00:01", DISCOVER).build()).is(OFFER)).isTrue();
    }

    @Test
    void poolExhaustionIsJournaledAndAReleaseFreesAnAddress() {
        start(2);
        dora("02:00:00:00:00:01");
        dora("02:00:00:00:00:02");
        assertThat(memory.exchange(msg("02:00:00:00:00:03", DISCOVER).build())).isEmpty();
        assertThat(lastReceived().note()).contains("pool exhausted");
        memory.exchange(msg("02:00:00:00:00:01", MessageType.RELEASE).ciaddr("10.20.0.100")
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
        assertThat(dora("02:00:00:00:00:03").yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
    }

    @Test
    void badInputIsJournaledUnansweredAndTheServerKeepsServing() {
        start(100);
        InetSocketAddress from = InMemoryTransport.CLIENT;
        // a BOOTREPLY sent to the server
        DhcpMessage offerToServer = msg("02:00:00:00:00:01", OFFER).op(DhcpMessage.BOOTREPLY).build();
        assertThat(memory.deliver(DhcpCodec.encode(offerToServer), from)).isEmpty();
        assertThat(lastReceived().note()).contains("BOOTREPLY");
        // an unknown message type
        assertThat(memory.exchange(msg("02:00:00:00:00:01", MessageType.of(77)).build())).isEmpty();
        assertThat(lastReceived().note()).contains("is not one a server answers");
        // plain BOOTP, no option 53
        assertThat(memory.exchange(DhcpMessage.builder().xid(5).chaddr("02:00:00:00:00:01").build())).isEmpty();
        assertThat(lastReceived().note()).contains("plain BOOTP");
        // malformed: truncated header, a bad cookie, an option running past the end
        byte[] good = DhcpCodec.encode(msg("02:00:00:00:00:01", DISCOVER).build());
        byte[] badCookie = good.clone();
        badCookie[236] = 0;
        byte[] pastEnd = Arrays.copyOf(good, 243);
        pastEnd[240] = 53;
        pastEnd[241] = 9;
        for (byte[] bad : List.of(new byte[10], badCookie, pastEnd, new byte[0])) {
            List<Datagram> replies = memory.deliver(bad, from);
            assertThat(replies).isEmpty();
            JournalEntry rejected = lastReceived();
            assertThat(rejected.kind()).isEqualTo(JournalEntry.Kind.REJECTED);
            assertThat(rejected.error()).isPresent();
            assertThat(rejected.note()).startsWith("dropped: ");
        }
        assertThat(server.journal().rejectedCount()).isEqualTo(4);
        assertThat(server.journal().sent()).isEmpty();
        assertThat(one(msg("02:00:00:00:00:01", DISCOVER).build()).is(OFFER)).isTrue();
    }

    @Test
    void addMoveAndRemoveAStaticLeaseWhileRunning() {
        start(100);
        assertThat(dora("02:00:00:00:00:42").yiaddr().getHostAddress()).isEqualTo("10.20.0.42");
        server.addStaticLease("02:00:00:00:00:42", "10.20.0.43", l -> l.hostname("thermostat2"));
        assertThat(server.lease("10.20.0.42")).isEmpty();
        DhcpMessage moved = one(msg("02:00:00:00:00:42", DISCOVER).build());
        assertThat(moved.yiaddr().getHostAddress()).isEqualTo("10.20.0.43");
        server.addStaticLease("02:00:00:00:00:07", "10.20.0.7");
        assertThat(dora("02:00:00:00:00:07").yiaddr().getHostAddress()).isEqualTo("10.20.0.7");
        assertThat(server.removeStaticLease("02:00:00:00:00:07")).isTrue();
        assertThat(server.removeStaticLease("02:00:00:00:00:99")).isFalse();
        assertThat(one(msg("02:00:00:00:00:07", DISCOVER).build()).yiaddr().getHostAddress())
                .isEqualTo("10.20.0.100");
    }

    @Test
    void setOptionAddsAnOptionWhileRunning() {
        start(100);
        server.setOption(DhcpOptions.domainName("lab.test"));
        DhcpMessage offer = one(msg("02:00:00:00:00:01", DISCOVER)
                .option(DhcpOptions.parameterRequestList(OptionCode.DOMAIN_NAME)).build());
        assertThat(offer.domainName()).contains("lab.test");
    }

    @Test
    void setOptionReplacesTheSubnetsOptionWhileRunning() {
        start(100);
        server.setOption(DhcpOptions.router("10.20.0.254"));
        DhcpMessage offer = one(msg("02:00:00:00:00:01", DISCOVER).build());
        assertThat(offer.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.20.0.254");
    }

    @Test
    void expireLeaseNow() {
        start(100);
        dora("02:00:00:00:00:01");
        assertThat(server.expireLease("10.20.0.100")).isTrue();
        assertThat(server.lease("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.EXPIRED);
        assertThat(server.expireLease("10.20.0.150")).isFalse();
        // expired but free: the client's renewal is ACKed again
        assertThat(one(msg("02:00:00:00:00:01", REQUEST).ciaddr("10.20.0.100").build()).is(ACK)).isTrue();
    }

    @Test
    void resetForgetsLeasesJournalAndRunTimeChanges() {
        start(100);
        dora("02:00:00:00:00:01");
        server.removeStaticLease("02:00:00:00:00:42");
        server.reset();
        assertThat(server.leases()).isEmpty();
        assertThat(server.journal().size()).isZero();
        assertThat(server.config().staticLeases()).hasSize(1);
        assertThat(dora("02:00:00:00:00:42").yiaddr().getHostAddress()).isEqualTo("10.20.0.42");
        assertThat(dora("02:00:00:00:00:02").yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
    }
}
