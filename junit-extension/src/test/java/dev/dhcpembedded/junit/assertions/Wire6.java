package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/**
 * The DHCPv6 twin of {@link Wire}: a server on an in-memory transport with a fixed clock and server DUID, so that
 * journals (and so failure messages) are the same on every run; and client messages built by hand.
 */
final class Wire6 implements AutoCloseable {

    static final Duid ALICE = Duid.ll(MacAddress.parse("02:00:00:00:00:0a"));
    static final Duid BOB = Duid.ll(MacAddress.parse("02:00:00:00:00:0b"));
    static final Duid SERVER = Duid.ll(MacAddress.parse("02:00:00:00:00:01"));
    static final InetSocketAddress CLIENT = new InetSocketAddress(Ipv6.parse("fe80::a"), 546);

    final TestClock clock = TestClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemoryTransport transport = new InMemoryTransport();
    final DhcpServer server = DhcpServer.builder().clock(clock).transport6(transport).serverDuid(SERVER)
            .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
                    .prefixDelegation("2001:db8:100::/48", 56))
            .start();

    List<Dhcp6Message> send(Dhcp6Message m) {
        return transport.deliver(Dhcp6Codec.encode(m), CLIENT).stream().map(d -> Dhcp6Codec.decode(d.bytes()))
                .toList();
    }

    static Dhcp6Message.Builder message(Dhcp6MessageType type, Duid client, int xid) {
        return Dhcp6Message.builder(type).transactionId(xid).option(Dhcp6Option.clientId(client))
                .option(Dhcp6Option.elapsedTime(0)).option(Dhcp6Option.oro(23, 24));
    }

    /** SOLICIT, ADVERTISE, REQUEST, REPLY for an IA_NA (IAID 1) and an IA_PD (IAID 2); returns the REPLY. */
    Dhcp6Message bind(Duid client, int xid) {
        Dhcp6Message advertise = send(message(Dhcp6MessageType.SOLICIT, client, xid)
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build())
                .get(0);
        IaAddress address = advertise.iaNa().get(0).addresses().get(0);
        IaPrefix prefix = advertise.iaPd().get(0).prefixes().get(0);
        return send(message(Dhcp6MessageType.REQUEST, client, xid + 1).option(Dhcp6Option.serverId(SERVER))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0, Dhcp6Option.iaAddress(address))))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0, Dhcp6Option.iaPrefix(prefix)))).build()).get(0);
    }

    @Override
    public void close() {
        server.close();
    }
}
