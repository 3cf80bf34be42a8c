package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A server on an in-memory transport with a fixed clock and server id, so that journals (and so failure messages)
 * are the same on every run; and the messages a client sends, built by hand so that they can break rules.
 */
final class Wire implements AutoCloseable {

    static final String MAC = "02:00:00:00:00:42";
    static final String OTHER_MAC = "02:00:00:00:00:99";
    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    final TestClock clock = TestClock.at(START);
    final InMemoryTransport transport = new InMemoryTransport();
    final DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.20.0.1")
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                    .leaseTime(Duration.ofMinutes(10)))
            .clock(clock).start();

    List<DhcpMessage> send(DhcpMessage message) {
        return transport.exchange(message);
    }

    List<DhcpMessage> send(DhcpMessageBuilder message) {
        return send(message.build());
    }

    static DhcpMessageBuilder message(MessageType type, String mac, int xid) {
        return DhcpMessage.builder().xid(xid).chaddr(mac).messageType(type);
    }

    static DhcpMessageBuilder discover(String mac, int xid) {
        return message(MessageType.DISCOVER, mac, xid)
                .option(DhcpOptions.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                        OptionCode.DOMAIN_NAME_SERVER));
    }

    static DhcpMessageBuilder selecting(String mac, int xid, String address) {
        return message(MessageType.REQUEST, mac, xid).option(DhcpOptions.requestedIpAddress(address))
                .option(DhcpOptions.serverIdentifier("10.20.0.1"));
    }

    static DhcpMessageBuilder renewing(String mac, int xid, String address) {
        return message(MessageType.REQUEST, mac, xid).ciaddr(address);
    }

    /** DISCOVER, OFFER, REQUEST, ACK for {@code mac}; returns the address leased. */
    String dora(String mac, int xid) {
        DhcpMessage offer = send(discover(mac, xid)).get(0);
        String address = offer.yiaddr().getHostAddress();
        send(selecting(mac, xid, address));
        return address;
    }

    @Override
    public void close() {
        server.close();
    }
}
