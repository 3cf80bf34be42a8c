package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.server.DhcpServer;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.internal.engine.Arrival;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.stub.Reply;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.internal.wire.ReplyWriter;
import dev.dhcpembedded.internal.wire.WireFormatException;
import dev.dhcpembedded.internal.wire.WireRequest;
import dev.dhcpembedded.internal.transport.DirectReceiver;
import dev.dhcpembedded.internal.transport.DirectSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet path, one way: decode, journal, ask the responder, encode, send, journal. Whatever a datagram holds,
 * nothing escapes from here: a malformed packet is journaled with its reason and gets no reply.
 */
public final class PacketHandler implements DirectReceiver {

    /** Looked up on first use: SLF4J's start-up stays out of start(). */
    private static Logger log() {
        return LoggerFactory.getLogger(PacketHandler.class);
    }

    private static final java.net.InetAddress BROADCAST = ReplyAddressing.socket(-1, 0).getAddress();

    /** The note of a request heard during {@link DhcpServer#pause()}. */
    static final String PAUSED_NOTE = "not answered: the server is paused (an outage)";

    private final Responder responder;
    private final JournalStore journal;
    private final Transport transport;
    private final Clock clock;
    private final Clock wallClock;
    private final java.util.concurrent.atomic.AtomicBoolean paused;
    private final LeaseEngine engine;
    private final int localAddress;
    private final ReplyScheduler scheduler;
    private final UnmatchedRequests unmatched;
    private final StubRegistry stubs;
    /**
     * The packet path's scratch (request view, reply buffer, note), taken for one datagram and given back: no
     * object per datagram, and a second thread (or a reply delivered back into this handler on the same thread)
     * gets its own. Made by the first datagram: an idle server holds none, and start() does not make it.
     */
    private final AtomicReference<Scratch> spare = new AtomicReference<>();
    /** In interface mode, the second server's host on the link, which sends its replies; else null. */
    private volatile dev.dhcpembedded.internal.transport.LinkHost secondHost;
    private volatile int secondAddress;

    /** What one datagram's handling reuses. */
    private static final class Scratch {
        final WireRequest request = new WireRequest();
        final ReplyWriter reply = new ReplyWriter();
        final StringBuilder note = new StringBuilder(128);
    }

    public PacketHandler(Responder responder, StubRegistry stubs, LeaseEngine engine, JournalStore journal, Transport transport,
                  Clock clock, Clock wallClock, int localAddress, ReplyScheduler scheduler, UnmatchedRequests unmatched,
                  java.util.concurrent.atomic.AtomicBoolean paused) {
        this.stubs = stubs;
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

    /** From now on the replies as {@code address} go out from {@code host}, its own MAC and address. */
    public void secondHost(int address, dev.dhcpembedded.internal.transport.LinkHost host) {
        this.secondAddress = address;
        this.secondHost = host;
    }

    /**
     * Whether a datagram may take the path without objects: not with stubs, not in an outage (that path journals it
     * unanswered), not with a second server (both decide on the decoded request).
     */
    private boolean direct() {
        return !(responder instanceof LinkResponder) && stubs.isEmpty(dev.dhcpembedded.stub.Stub.class)
                && !paused.get();
    }

    @Override
    public void onTransportEvent(String note) {
        journal.recordTransport(clock.millis(), wallClock.millis(), transport.interfaceName(), note);
    }

    @Override
    public void onDatagram(Datagram in) {
        try {
            if (direct()) {
                byte[] bytes = in.bytes();
                handleDirect(bytes, bytes.length, in.source(), in.destination(), in.interfaceName(), in.broadcast(),
                        in);
            } else {
                handle(in);
            }
        } catch (RuntimeException e) {
            log().error("unexpected failure on a datagram from {}; the server keeps serving", in.source(), e);
        }
    }

    @Override
    public void onDatagram(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                           String interfaceName, boolean broadcast) {
        try {
            if (direct()) {
                handleDirect(bytes, length, source, destination, interfaceName, broadcast, null);
            } else {
                // stubs see DhcpMessages and may keep them, so the datagram is theirs: a copy of the buffer
                handle(new Datagram(java.util.Arrays.copyOf(bytes, length), source, destination, interfaceName,
                        broadcast));
            }
        } catch (RuntimeException e) {
            log().error("unexpected failure on a datagram from {}; the server keeps serving", source, e);
        }
    }

    /**
     * The path without stubs: the request read in place, the lease engine's reply written into a reused buffer,
     * both journaled from there, and sent from there by a {@link DirectSender}. Makes nothing per steady-state
     * exchange. {@code in} is the datagram when a public transport gave one (null from a direct one).
     */
    private void handleDirect(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                              String interfaceName, boolean broadcast, Datagram in) {
        Scratch scratch = spare.getAndSet(null);
        if (scratch == null) {
            scratch = new Scratch(); // the first datagram, another thread is in, or a reply came back in here
        }
        try {
            handleDirect(scratch, bytes, length, source, destination, interfaceName, broadcast, in);
        } finally {
            spare.set(scratch);
        }
    }

    /** Reads a request with every check of the decoder; a broken rule comes out as the decoder's exception. */
    private static WireRequest parse(WireRequest into, byte[] bytes, int length) {
        try {
            return into.parse(bytes, length, DhcpCodec::checkOption);
        } catch (WireFormatException e) {
            throw new DhcpCodecException(e.getMessage(), e.offset());
        }
    }

    private void handleDirect(Scratch scratch, byte[] bytes, int length, InetSocketAddress source,
                              InetSocketAddress destination, String interfaceName, boolean broadcast, Datagram in) {
        WireRequest request;
        try {
            request = parse(scratch.request, bytes, length);
        } catch (DhcpCodecException e) {
            journal.record(JournalEntry.Kind.REJECTED, clock.millis(), wallClock.millis(), ip(source),
                    source.getPort(), ip(destination), destination.getPort(), source, interfaceName, bytes, 0,
                    length, "dropped: " + e.getMessage(), e);
            return;
        }
        StringBuilder note = scratch.note;
        note.setLength(0);
        ReplyWriter reply = scratch.reply;
        boolean replied;
        try {
            replied = engine.handle(request, localAddress, broadcast, reply, note);
        } catch (RuntimeException e) {
            log().error("the responder failed on a request from {}", source, e);
            replied = false;
            note.setLength(0);
            note.append("no reply: the responder failed with ").append(e);
        }
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        int serverId = engine.config().serverId();
        int giaddr = request.giaddr();
        int ciaddr = request.ciaddr();
        long shownFrom = ReplyAddressing.linkSource(giaddr, ciaddr);
        long shownTo = ReplyAddressing.linkDestination(giaddr, ciaddr, serverId);
        journal.record(JournalEntry.Kind.RECEIVED, clock.millis(), wallClock.millis(),
                onLink ? ReplyAddressing.ip(shownFrom) : ip(source),
                onLink ? ReplyAddressing.port(shownFrom) : source.getPort(),
                onLink ? ReplyAddressing.ip(shownTo) : ip(destination),
                onLink ? ReplyAddressing.port(shownTo) : destination.getPort(),
                source, interfaceName, bytes, 0, length, note, null);
        if (!replied || scheduler.isClosed() || paused.get()) {
            return;
        }
        sendDirect(request, reply, note, source, interfaceName, serverId, onLink, in);
    }

    private void sendDirect(WireRequest request, ReplyWriter reply, StringBuilder note, InetSocketAddress source,
                            String interfaceName, int serverId, boolean onLink, Datagram in) {
        byte[] out = reply.bytes();
        int length = reply.finish();
        int limit = Math.max(request.maximumMessageSize() < 0 ? 576 : request.maximumMessageSize(), 576);
        if (length > limit - 28) {
            // over the client's option 57 (or 576): the encoder overloads file and sname (a rare, allocating path)
            try {
                out = DhcpCodec.encodeForClient(DhcpCodec.decode(reply.copy()), limit);
            } catch (DhcpCodecException e) {
                log().warn("reply to {} not sent: {}", source, e.getMessage());
                return;
            }
            length = out.length;
        }
        long rfc = ReplyAddressing.destination(request.giaddr(), request.ciaddr(), request.isBroadcast(),
                reply.messageType() == MessageType.NAK.code(), reply.yiaddr());
        int rfcIp = ReplyAddressing.ip(rfc);
        int rfcPort = ReplyAddressing.port(rfc);
        boolean ethernet = request.htype() == 1 && request.hlen() == 6;
        boolean direct = transport instanceof DirectSender;
        InetSocketAddress actual;
        if (direct) {
            actual = ((DirectSender) transport).replyDestination(source, rfcIp, rfcPort,
                    ethernet ? request.bytes() : null, WireRequest.CHADDR_OFFSET);
        } else {
            Datagram received = in != null ? in
                    : new Datagram(java.util.Arrays.copyOf(request.bytes(), request.length()), source,
                            transport.localAddress(), interfaceName, false);
            actual = transport.replyDestination(received, ReplyAddressing.socket(rfcIp, rfcPort),
                    ethernet ? java.util.Arrays.copyOfRange(request.bytes(), WireRequest.CHADDR_OFFSET,
                            WireRequest.CHADDR_OFFSET + 6) : null);
        }
        InetSocketAddress local = transport.localAddress();
        // Journal first: whoever receives the reply may look at the journal at once.
        journal.record(JournalEntry.Kind.SENT, clock.millis(), wallClock.millis(),
                onLink ? serverId : ip(local), onLink ? ReplyAddressing.SERVER_PORT : local.getPort(),
                onLink ? rfcIp : ip(actual), onLink ? rfcPort : actual.getPort(), source, interfaceName, out, 0,
                length, note, null);
        boolean broadcast = rfcIp == 0xFFFFFFFF;
        try {
            if (direct) {
                ((DirectSender) transport).send(out, length, actual, broadcast);
            } else {
                transport.send(new Datagram(java.util.Arrays.copyOf(out, length), local, actual, interfaceName,
                        broadcast));
            }
        } catch (IOException e) {
            log().warn("sending to {} failed: {}", actual, e.toString());
        }
    }

    private void handle(Datagram in) {
        long receivedAt = clock.millis();
        DhcpMessage request;
        try {
            request = DhcpCodec.decode(in.bytes());
        } catch (DhcpCodecException e) {
            record(JournalEntry.Kind.REJECTED, in.source(), in.destination(), in, in.bytes(), e,
                    "dropped: " + e.getMessage());
            return;
        }
        if (paused.get()) { // an outage: journaled, so a test sees what the client tried, and never answered
            boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
            record(JournalEntry.Kind.RECEIVED, onLink ? ReplyAddressing.linkSource(request) : in.source(),
                    onLink ? ReplyAddressing.linkDestination(request, engine.config().serverId()) : in.destination(),
                    in, in.bytes(), null, PAUSED_NOTE);
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
        int serverId = secondHost != null && ip(in.destination()) == secondAddress ? secondAddress
                : engine.config().serverId(); // heard by the second server's host: unicast to it
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
            bytes = StubViews.V4.malform(planned, encode(request, planned.message()));
        } catch (DhcpCodecException e) {
            log().warn("reply to {} not sent: {}", in.source(), e.getMessage());
            return;
        }
        InetSocketAddress rfcDestination = ReplyAddressing.destination(request, planned.message());
        byte[] ethernet = request.htype() == 1 && request.hlen() == 6 ? request.clientMac().bytes() : null;
        dev.dhcpembedded.internal.transport.LinkHost host = secondHost;
        if (host != null && planned.serverIdentity().map(Ipv4::toInt).orElse(0) == secondAddress
                && Ipv4.toInt(request.giaddr()) == 0) {
            // the second server's own frame: from its MAC and address, to the client's MAC (or broadcast)
            record(JournalEntry.Kind.SENT, ReplyAddressing.socket(secondAddress, ReplyAddressing.SERVER_PORT),
                    rfcDestination, in, bytes, null, planned.note());
            try {
                host.send(bytes, rfcDestination, rfcDestination.getAddress().equals(BROADCAST) ? null : ethernet);
            } catch (IOException e) {
                log().warn("sending as {} to {} failed: {}", Ipv4.toString(secondAddress), rfcDestination,
                        e.toString());
            }
            return;
        }
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
        return journal.record(kind, clock.millis(), wallClock.millis(), ip(source), source.getPort(),
                ip(destination), destination.getPort(), in.source(), in.interfaceName(), bytes, note, error);
    }

    private static int ip(InetSocketAddress address) {
        java.net.InetAddress ip = address.getAddress();
        return ip instanceof java.net.Inet4Address ? Ipv4.toInt(ip) : 0x7F000001;
    }
}
