package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.journal.JournalAccess;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.internal.lease.Arrival;
import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.internal.lease.LeaseEngine;
import dev.dhcpembedded.internal.stub.UnmatchedRequests;
import dev.dhcpembedded.stub.Reply;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet path, one way: decode, journal, ask the responder, encode, send, journal. Whatever a datagram holds,
 * nothing escapes from here: a malformed packet is journaled with its reason and gets no reply.
 */
final class PacketHandler implements Transport.Receiver {

    /** Looked up on first use: SLF4J's start-up stays out of start(). */
    private static Logger log() {
        return LoggerFactory.getLogger(PacketHandler.class);
    }

    private static final java.net.InetAddress BROADCAST = ReplyAddressing.socket(-1, 0).getAddress();

    private final Responder responder;
    private final Journal journal;
    private final Transport transport;
    private final Clock clock;
    private final Clock wallClock;
    private final java.util.concurrent.atomic.AtomicBoolean paused;
    private final LeaseEngine engine;
    private final int localAddress;
    private final ReplyScheduler scheduler;
    private final UnmatchedRequests unmatched;

    PacketHandler(Responder responder, LeaseEngine engine, Journal journal, Transport transport, Clock clock,
                  Clock wallClock, int localAddress, ReplyScheduler scheduler, UnmatchedRequests unmatched,
                  java.util.concurrent.atomic.AtomicBoolean paused) {
        this.wallClock = wallClock;
        this.paused = paused;
        this.responder = responder;
        this.unmatched = unmatched;
        this.scheduler = scheduler;
        this.engine = engine;
        this.journal = journal;
        this.transport = transport;
        this.clock = clock;
        this.localAddress = localAddress;
    }

    @Override
    public void onDatagram(Datagram in) {
        try {
            handle(in);
        } catch (RuntimeException e) {
            log().error("unexpected failure on a datagram from {}; the server keeps serving", in.source(), e);
        }
    }

    private void handle(Datagram in) {
        if (paused.get()) {
            return; // an outage: not heard, not journaled, not answered
        }
        long receivedAt = clock.millis();
        DhcpMessage request;
        try {
            request = DhcpCodec.decode(in.bytes());
        } catch (DhcpCodecException e) {
            record(JournalEntry.Kind.REJECTED, in.source(), in.destination(), in, in.bytes(), e,
                    "dropped: " + e.getMessage());
            return;
        }
        Arrival arrival = new Arrival(localAddress, in.broadcast());
        List<Reply> plan;
        String note;
        boolean noStubAnswered = false;
        try {
            Responder.Response response = responder.respond(request, arrival);
            plan = response.replies();
            note = response.note();
            noStubAnswered = response.unmatched();
        } catch (RuntimeException e) {
            log().error("the responder failed on {}", request, e);
            plan = List.of();
            note = "no reply: the responder failed with " + e;
        }
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        int serverId = engine.config().serverId();
        InetSocketAddress shownSource = onLink ? ReplyAddressing.linkSource(request) : in.source();
        InetSocketAddress shownDestination = onLink ? ReplyAddressing.linkDestination(request, serverId)
                : in.destination();
        long sequence = record(JournalEntry.Kind.RECEIVED, shownSource, shownDestination, in, in.bytes(), null,
                note);
        if (noStubAnswered) {
            unmatched.add(sequence);
        }
        for (Reply reply : plan) {
            scheduler.dispatch(reply, receivedAt, () -> send(in, request, reply));
        }
    }

    private void send(Datagram in, DhcpMessage request, Reply planned) {
        if (paused.get()) {
            return; // a reply delayed into an outage is lost with it
        }
        byte[] bytes;
        try {
            bytes = planned.malform(encode(request, planned.message()));
        } catch (DhcpCodecException e) {
            log().warn("reply to {} not sent: {}", in.source(), e.getMessage());
            return;
        }
        InetSocketAddress rfcDestination = ReplyAddressing.destination(request, planned.message());
        byte[] ethernet = request.htype() == 1 && request.hlen() == 6 ? request.clientMac().bytes() : null;
        InetSocketAddress actual = transport.replyDestination(in, rfcDestination, ethernet);
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        InetSocketAddress shownSource = onLink
                ? ReplyAddressing.socket(planned.serverIdentity().map(Ipv4::toInt).orElse(engine.config().serverId()),
                        ReplyAddressing.SERVER_PORT)
                : transport.localAddress();
        // Journal first: whoever receives the reply may look at the journal at once. (A deliberately malformed
        // reply's decode error is found when the entry is read.)
        record(JournalEntry.Kind.SENT, shownSource, onLink ? rfcDestination : actual, in, bytes, null,
                planned.note());
        try {
            transport.send(new Datagram(bytes, transport.localAddress(), actual, in.interfaceName(),
                    rfcDestination.getAddress().equals(BROADCAST)));
        } catch (IOException e) {
            log().warn("sending to {} failed: {}", actual, e.toString());
        }
    }

    private static byte[] encode(DhcpMessage request, DhcpMessage reply) {
        int limit = request.maximumMessageSize().orElse(576);
        return DhcpCodec.encodeForClient(reply, Math.max(limit, 576));
    }

    private long record(JournalEntry.Kind kind, InetSocketAddress source, InetSocketAddress destination,
                        Datagram in, byte[] bytes, DhcpCodecException error, String note) {
        return JournalAccess.record(journal, kind, clock.millis(), wallClock.millis(), ip(source), source.getPort(),
                ip(destination), destination.getPort(), in.source(), in.interfaceName(), bytes, note, error);
    }

    private static int ip(InetSocketAddress address) {
        java.net.InetAddress ip = address.getAddress();
        return ip instanceof java.net.Inet4Address ? dev.dhcpembedded.internal.codec.Ipv4.toInt(ip) : 0x7F000001;
    }
}
