package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A DHCPv4 server on the in-memory transport, and the client messages the scripting tests send it. */
final class ScriptedWire implements AutoCloseable {

    static final String MAC = "02:00:00:00:00:42";

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryTransport memory = new InMemoryTransport();
    final DhcpServer server = DhcpServer.builder().transport(memory).serverId("10.20.0.1").clock(clock)
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                    .leaseTime(Duration.ofMinutes(10)))
            .start();

    static DhcpMessageBuilder message(MessageType type, int xid) {
        return DhcpMessage.builder().xid(xid).chaddr(MAC).messageType(type)
                .option(DhcpOptions.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER));
    }

    static DhcpMessage discover(int xid) {
        return message(MessageType.DISCOVER, xid).build();
    }

    static DhcpMessage selecting(int xid, String address) {
        return message(MessageType.REQUEST, xid).option(DhcpOptions.requestedIpAddress(address))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build();
    }

    static DhcpMessage renewing(int xid, String address) {
        return message(MessageType.REQUEST, xid).ciaddr(address).build();
    }

    List<DhcpMessage> send(DhcpMessage request) {
        return memory.exchange(request);
    }

    /** DISCOVER, OFFER, REQUEST, ACK; the address leased. */
    String dora() {
        String address = send(discover(1)).get(0).yiaddr().getHostAddress();
        send(selecting(1, address));
        return address;
    }

    @Override
    public void close() {
        server.close();
    }
}
