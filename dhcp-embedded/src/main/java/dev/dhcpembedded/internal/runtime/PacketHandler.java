package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.journal.JournalRecord;
import dev.dhcpembedded.internal.journal.JournalStore;
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
 * The DHCPv4 packet path, one way for every datagram, whichever transport delivered it: the request is read where it
 * lies and checked once (a malformed one is journaled with its reason and offset, and gets no reply); in an outage it
 * is journaled unanswered; without stubs or a second server the lease engine writes the reply into a reused buffer
 * (nothing is made per steady-state exchange); with them, they see the request decoded on demand and their replies
 * are scheduled on the server's clock. Every reply leaves through the same {@link #transmit} step, journaled first.
 */
public final class PacketHandler implements DirectReceiver {

    /** Looked up on first use: SLF4J's start-up stays out of start(). */
    private static Logger log() {
        return LoggerFactory.getLogger(PacketHandler.class);
    }

    private static final java.net.InetAddress BROADCAST = ReplyAddressing.socket(-1, 0).getAddress();

    /** The note of a request heard during {@code DhcpServer.pause()}. */
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
        final JournalRecord record = new JournalRecord();
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

    /** Whether stubs or a second server decide: they see the request decoded; otherwise the engine answers in place. */
    private boolean scripted() {
        return responder instanceof LinkResponder || !stubs.isEmpty(dev.dhcpembedded.stub.Stub.class);
    }

    @Override
    public void onTransportEvent(String note) {
        journal.append(new JournalRecord().of(JournalEntry.Kind.TRANSPORT, clock.millis(), wallClock.millis())
                .interfaceName(transport.interfaceName()).note(note));
    }

    @Override
    public void onDatagram(Datagram in) {
        byte[] bytes = in.bytes();
        onDatagram(bytes, bytes.length, in.source(), in.destination(), in.interfaceName(), in.broadcast(), in);
    }

    @Override
    public void onDatagram(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                           String interfaceName, boolean broadcast) {
        onDatagram(bytes, length, source, destination, interfaceName, broadcast, null);
    }

    /** {@code in} is the datagram when a public transport gave one (null from a direct one, which keeps its array). */
    private void onDatagram(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                            String interfaceName, boolean broadcast, Datagram in) {
        Scratch scratch = spare.getAndSet(null);
        if (scratch == null) {
            scratch = new Scratch(); // the first datagram, another thread is in, or a reply came back in here
        }
        try {
            handle(scratch, bytes, length, source, destination, interfaceName, broadcast, in);
        } catch (RuntimeException e) {
            log().error("unexpected failure on a datagram from {}; the server keeps serving", source, e);
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

    private void handle(Scratch scratch, byte[] bytes, int length, InetSocketAddress source,
                        InetSocketAddress destination, String interfaceName, boolean broadcast, Datagram in) {
        long receivedAt = clock.millis();
        JournalRecord record = scratch.record;
        WireRequest request;
        try {
            request = parse(scratch.request, bytes, length).from(source);
        } catch (DhcpCodecException e) {
            journal.append(record.of(JournalEntry.Kind.REJECTED, receivedAt, wallClock.millis())
                    .ends(ip(source), source.getPort(), ip(destination), destination.getPort())
                    .peer(source, interfaceName).payload(bytes, 0, length).note("dropped: " + e.getMessage())
                    .error(e));
            return;
        }
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        int serverId = secondHost != null && ip(destination) == secondAddress ? secondAddress
                : engine.config().serverId(); // heard by the second server's host: unicast to it
        long shownFrom = ReplyAddressing.linkSource(request.giaddr(), request.ciaddr());
        long shownTo = ReplyAddressing.linkDestination(request.giaddr(), request.ciaddr(), serverId);
        record.of(JournalEntry.Kind.RECEIVED, receivedAt, wallClock.millis())
                .ends(onLink ? ReplyAddressing.ip(shownFrom) : ip(source),
                        onLink ? ReplyAddressing.port(shownFrom) : source.getPort(),
                        onLink ? ReplyAddressing.ip(shownTo) : ip(destination),
                        onLink ? ReplyAddressing.port(shownTo) : destination.getPort())
                .peer(source, interfaceName).payload(bytes, 0, length);
        if (paused.get()) { // an outage: journaled, so a test sees what the client tried, and never answered
            journal.append(record.note(PAUSED_NOTE));
            return;
        }
        if (scripted()) {
            decideScripted(request, record, receivedAt, in != null ? in
                    : new Datagram(java.util.Arrays.copyOf(bytes, length), source, destination, interfaceName,
                            broadcast));
            return;
        }
        StringBuilder note = scratch.note;
        note.setLength(0);
        ReplyWriter reply = scratch.reply;
        boolean replied;
        try {
            replied = engine.handle(request, localAddress, broadcast, reply, note);
        } catch (RuntimeException e) {
            log().error("the lease engine failed on a request from {}", source, e);
            replied = false;
            note.setLength(0);
            note.append("no reply: the lease engine failed with ").append(e);
        }
        if (!replied || scheduler.isClosed() || paused.get()) {
            journal.append(record.note(note));
            return;
        }
        byte[] out = reply.bytes();
        int replyLength = reply.finish();
        int limit = Math.max(request.maximumMessageSize() < 0 ? 576 : request.maximumMessageSize(), 576);
        if (replyLength > limit - 28) {
            // over the client's option 57 (or 576): the encoder overloads file and sname (a rare, allocating path)
            try {
                out = DhcpCodec.encodeForClient(DhcpCodec.decode(reply.copy()), limit);
            } catch (DhcpCodecException e) {
                // the decision stands in the journal, with why nothing was sent (e.g. a huge client id echoed)
                note.insert(0, "no reply: ").append(" - not sent: ").append(e.getMessage());
                journal.append(record.note(note));
                log().warn("reply to {} not sent: {}", source, e.getMessage());
                return;
            }
            replyLength = out.length;
        }
        journal.append(record.note(note));
        long rfc = ReplyAddressing.destination(request.giaddr(), request.ciaddr(), request.isBroadcast(),
                reply.messageType() == MessageType.NAK.code(), reply.yiaddr(), ownAddress(serverId));
        boolean ethernet = request.htype() == 1 && request.hlen() == 6;
        transmit(out, replyLength, rfc, serverId, source, interfaceName, in, ethernet ? request.bytes() : null,
                WireRequest.CHADDR_OFFSET, request, note, record);
    }

    /**
     * Stubs and a second server decide on the request decoded from the bytes already checked; their replies are
     * scheduled (a stub may delay one on the server's clock) and sent from a copy of the request's ends.
     */
    private void decideScripted(WireRequest wire, JournalRecord received, long receivedAt, Datagram in) {
        DhcpMessage request = DhcpCodec.decode(in.bytes());
        Arrival arrival = new Arrival(localAddress, in.broadcast(), in.source());
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
        long sequence = journal.append(received.note(note));
        if (noStubAnswered) {
            unmatched.add(sequence);
        }
        byte[] ethernet = wire.htype() == 1 && wire.hlen() == 6 ? request.clientMac().bytes() : null;
        for (Reply reply : plan) {
            scheduler.dispatch(reply, receivedAt, () -> sendScripted(in, request, ethernet, reply));
        }
    }

    private void sendScripted(Datagram in, DhcpMessage request, byte[] ethernet, Reply planned) {
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
        DhcpMessage reply = planned.message();
        int serverId = planned.serverIdentity().map(Ipv4::toInt).orElse(engine.config().serverId());
        long rfc = planned.destination().isPresent() // a stub's broadcast() or unicastTo(...) overrides §4.1
                ? ReplyAddressing.toClient(Ipv4.toInt(planned.destination().get()))
                : ReplyAddressing.destination(Ipv4.toInt(request.giaddr()), Ipv4.toInt(request.ciaddr()),
                        request.isBroadcast(), reply.is(MessageType.NAK), Ipv4.toInt(reply.yiaddr()),
                        ownAddress(serverId));
        dev.dhcpembedded.internal.transport.LinkHost host = secondHost;
        if (host != null && serverId == secondAddress && Ipv4.toInt(request.giaddr()) == 0) {
            // the second server's own frame: from its MAC and address, to the client's MAC (or broadcast)
            InetSocketAddress rfcDestination = ReplyAddressing.socket(ReplyAddressing.ip(rfc),
                    ReplyAddressing.port(rfc));
            journal.append(new JournalRecord().of(JournalEntry.Kind.SENT, clock.millis(), wallClock.millis())
                    .ends(secondAddress, ReplyAddressing.SERVER_PORT, ReplyAddressing.ip(rfc),
                            ReplyAddressing.port(rfc))
                    .peer(in.source(), in.interfaceName()).payload(bytes).note(planned.note()));
            try {
                host.send(bytes, rfcDestination, ReplyAddressing.ip(rfc) == 0xFFFFFFFF ? null : ethernet);
            } catch (IOException e) {
                log().warn("sending as {} to {} failed: {}", Ipv4.toString(secondAddress), rfcDestination,
                        e.toString());
            }
            return;
        }
        transmit(bytes, bytes.length, rfc, serverId, in.source(), in.interfaceName(), in, ethernet, 0, null,
                planned.note(), new JournalRecord());
    }

    /**
     * Sends a reply where RFC 2131 §4.1 says ({@code rfc}), as the transport really delivers it: journaled first,
     * since whoever receives the reply may look at the journal at once. The client's Ethernet address is
     * {@code ethernet[ethernetOffset, +6)}, or absent when {@code ethernet} is null; {@code request} is the request
     * read in place when the reply answers the datagram being handled (null for a scheduled reply, which has
     * {@code in}).
     */
    private void transmit(byte[] out, int length, long rfc, int serverId, InetSocketAddress source,
                          String interfaceName, Datagram in, byte[] ethernet, int ethernetOffset, WireRequest request,
                          CharSequence note, JournalRecord record) {
        int rfcIp = ReplyAddressing.ip(rfc);
        int rfcPort = ReplyAddressing.port(rfc);
        boolean direct = transport instanceof DirectSender;
        InetSocketAddress actual;
        if (direct) {
            actual = ((DirectSender) transport).replyDestination(source, rfcIp, rfcPort, ethernet, ethernetOffset);
        } else {
            Datagram received = in != null ? in
                    : new Datagram(java.util.Arrays.copyOf(request.bytes(), request.length()), source,
                            transport.localAddress(), interfaceName, false);
            actual = transport.replyDestination(received, ReplyAddressing.socket(rfcIp, rfcPort),
                    ethernet == null ? null
                            : java.util.Arrays.copyOfRange(ethernet, ethernetOffset, ethernetOffset + 6));
        }
        InetSocketAddress local = transport.localAddress();
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        journal.append(record.of(JournalEntry.Kind.SENT, clock.millis(), wallClock.millis())
                .ends(onLink ? serverId : ip(local), onLink ? ReplyAddressing.SERVER_PORT : local.getPort(),
                        onLink ? rfcIp : ip(actual), onLink ? rfcPort : actual.getPort())
                .peer(source, interfaceName).payload(out, 0, length).note(note));
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

    /**
     * Sends a message the server starts (a FORCERENEW, RFC 3203) to a bound client at {@code clientAddress}: as the
     * reply to its RENEWING REQUEST would go (unicast to that address, port 68; over loopback to {@code lastSource},
     * the socket it last spoke from), journaled first like every reply.
     */
    public void sendServerInitiated(byte[] message, int clientAddress, int serverId, InetSocketAddress lastSource,
                                    byte[] mac, CharSequence note) {
        long rfc = ReplyAddressing.destination(0, clientAddress, false, false, clientAddress, ownAddress(serverId));
        InetSocketAddress source = lastSource != null ? lastSource
                : ReplyAddressing.socket(clientAddress, ReplyAddressing.CLIENT_PORT);
        Datagram as = new Datagram(message, source, transport.localAddress(), transport.interfaceName(), false);
        transmit(message, message.length, rfc, serverId, source, transport.interfaceName(), as, mac, 0, null, note,
                new JournalRecord());
    }

    /** The server's own address on the link: the interface's, else the identifier it answers as. */
    private int ownAddress(int serverId) {
        return localAddress != 0 ? localAddress : serverId;
    }

    private static byte[] encode(DhcpMessage request, DhcpMessage reply) {
        int limit = request.maximumMessageSize().orElse(576);
        return DhcpCodec.encodeForClient(reply, Math.max(limit, 576));
    }

    private static int ip(InetSocketAddress address) {
        java.net.InetAddress ip = address.getAddress();
        return ip instanceof java.net.Inet4Address ? Ipv4.toInt(ip) : 0x7F000001;
    }
}
