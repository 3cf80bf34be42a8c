package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.internal.codec.Ipv6;
import dev.dhcpembedded.internal.journal.JournalAccess;
import dev.dhcpembedded.internal.lease6.Arrival6;
import dev.dhcpembedded.internal.lease6.Decision6;
import dev.dhcpembedded.internal.lease6.Lease6Engine;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHCPv6 packet path, one way: decode, journal, ask the v6 engine, encode, journal, send. A malformed packet is
 * journaled with its reason and offset and gets no reply; nothing escapes from here.
 */
final class PacketHandler6 implements Transport.Receiver {

    private static final Inet6Address LOOPBACK = Ipv6.parse("::1");

    private static Logger log() {
        return LoggerFactory.getLogger(PacketHandler6.class);
    }

    private final Lease6Engine engine;
    private final Journal journal;
    private final Transport transport;
    private final Clock clock;

    PacketHandler6(Lease6Engine engine, Journal journal, Transport transport, Clock clock) {
        this.engine = engine;
        this.journal = journal;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public void onDatagram(Datagram in) {
        try {
            handle(in);
        } catch (RuntimeException e) {
            log().error("unexpected failure on a DHCPv6 datagram from {}; the server keeps serving", in.source(), e);
        }
    }

    private void handle(Datagram in) {
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        Dhcp6Message request;
        try {
            request = Dhcp6Codec.decode(in.bytes());
        } catch (DhcpCodecException e) {
            record(JournalEntry.Kind.REJECTED, shownSource(in, null, onLink), shownServer(onLink), in, in.bytes(), e,
                    "dropped: " + e.getMessage());
            return;
        }
        InetAddress to = in.destination().getAddress();
        Decision6 decision = engine.handle(request, new Arrival6(to != null && !to.isMulticastAddress()));
        InetSocketAddress client = shownSource(in, request, onLink);
        record(JournalEntry.Kind.RECEIVED, client, shownServer(onLink), in, in.bytes(), null, decision.rule());
        if (decision.reply().isEmpty()) {
            return;
        }
        Dhcp6Message reply = decision.reply().get();
        byte[] bytes = Dhcp6Codec.encode(reply);
        InetSocketAddress actual = transport.replyDestination(in, in.source(), null);
        record(JournalEntry.Kind.SENT, shownServer(onLink), onLink ? client : actual, in, bytes, null,
                decision.rule());
        try {
            transport.send(new Datagram(bytes, transport.localAddress(), actual, in.interfaceName(), false));
        } catch (IOException e) {
            log().warn("sending to {} failed: {}", actual, e.toString());
        }
    }

    /** The client end as a link shows it: its address, port 546 (547 for a relay agent). */
    private static InetSocketAddress shownSource(Datagram in, Dhcp6Message request, boolean onLink) {
        if (!onLink) {
            return v6(in.source());
        }
        boolean relay = request != null && request.is(Dhcp6MessageType.RELAY_FORW);
        return new InetSocketAddress(v6(in.source()).getAddress(), relay ? 547 : 546);
    }

    private InetSocketAddress shownServer(boolean onLink) {
        InetSocketAddress local = v6(transport.localAddress());
        return onLink ? new InetSocketAddress(local.getAddress(), 547) : local;
    }

    /** IPv6 as it is; an IPv4 end (an in-memory transport's) is shown as ::1. */
    private static InetSocketAddress v6(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? address
                : new InetSocketAddress(LOOPBACK, address.getPort());
    }

    private void record(JournalEntry.Kind kind, InetSocketAddress source, InetSocketAddress destination,
                        Datagram in, byte[] bytes, DhcpCodecException error, String note) {
        JournalAccess.record6(journal, kind, clock.millis(), System.currentTimeMillis(), source, destination,
                in.source(), in.interfaceName(), bytes, note, error);
    }
}
