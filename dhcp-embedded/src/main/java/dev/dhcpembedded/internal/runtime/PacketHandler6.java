package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.internal.engine6.Reconfigure6Keys;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.journal.JournalRecord;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.internal.transport.DirectReceiver;
import dev.dhcpembedded.internal.transport.DirectSender;
import dev.dhcpembedded.internal.engine6.Arrival6;
import dev.dhcpembedded.internal.engine6.Lease6Engine;
import dev.dhcpembedded.internal.engine6.Reply6Writer;
import dev.dhcpembedded.internal.engine6.Wire6Request;
import dev.dhcpembedded.stub6.Stub6;
import java.util.concurrent.atomic.AtomicReference;
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
 * The DHCPv6 packet path, one way for every datagram, as DHCPv4's: the request is checked once where it lies (a
 * malformed one is journaled with its reason and offset, and gets no reply); in an outage it is journaled
 * unanswered; without stubs, a client's SOLICIT or REQUEST to this server is read in place and the lease engine
 * writes the reply into a reused buffer (nothing is made per steady-state exchange); anything else is decoded, the
 * stubs and the engine answer it, and stub replies are scheduled on the server's clock. Nothing escapes from here.
 */
public final class PacketHandler6 implements DirectReceiver {

    private static final Inet6Address LOOPBACK = Ipv6.parse("::1");

    private static Logger log() {
        return LoggerFactory.getLogger(PacketHandler6.class);
    }

    private final Lease6Engine engine;
    private final StubRegistry stubs;
    private final Engine6Responder responder;
    private final JournalStore journal;
    private final Transport transport;
    private final Clock clock;
    private final Clock wallClock;
    private final UnmatchedRequests unmatched;
    private final ReplyScheduler scheduler;
    private final java.util.concurrent.atomic.AtomicBoolean paused;
    /** The reconfigure keys to grant in replies, or null (off). */
    private final Reconfigure6Keys keys;
    /**
     * The packet path's scratch, taken for one datagram and given back: no object per datagram, and a second thread
     * (or a reply delivered back into this handler on the same thread) gets its own. Made by the first datagram.
     */
    private final AtomicReference<Scratch> spare = new AtomicReference<>();

    /** What one datagram's handling reuses. */
    private static final class Scratch {
        final Wire6Request request = new Wire6Request();
        final Reply6Writer reply = new Reply6Writer();
        final StringBuilder note = new StringBuilder(128);
        final JournalRecord record = new JournalRecord();
    }

    public PacketHandler6(Lease6Engine engine, JournalStore journal, Transport transport, Clock clock, Clock wallClock,
                   StubRegistry stubs, UnmatchedRequests unmatched, ReplyScheduler scheduler,
                   java.util.concurrent.atomic.AtomicBoolean paused, Reconfigure6Keys keys) {
        this.paused = paused;
        this.keys = keys;
        this.engine = engine;
        this.stubs = stubs;
        this.responder = new Engine6Responder(engine, stubs);
        this.unmatched = unmatched;
        this.journal = journal;
        this.transport = transport;
        this.clock = clock;
        this.wallClock = wallClock;
        this.scheduler = scheduler;
    }

    @Override
    public void onTransportEvent(String note) {
        journal.append(new JournalRecord().of(JournalEntry.Kind.TRANSPORT, clock.millis(), wallClock.millis())
                .interfaceName(transport.interfaceName()).note(note));
    }

    @Override
    public void onDatagram(Datagram in) {
        handle(in.bytes(), in.bytes().length, in.source(), in.destination(), in.interfaceName(), in);
    }

    /** The project's own transports: the datagram read where it was received, no {@link Datagram} made. */
    @Override
    public void onDatagram(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                           String interfaceName, boolean broadcast) {
        if (transport instanceof DirectSender) {
            handle(bytes, length, source, destination, interfaceName, null);
        } else { // replies go through the public Transport API: the request as a Datagram of its own
            onDatagram(new Datagram(java.util.Arrays.copyOf(bytes, length), source, destination, interfaceName,
                    broadcast));
        }
    }

    /** {@code in} is the datagram when a public transport gave one (null from a direct one, which keeps its array). */
    private void handle(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                        String interfaceName, Datagram in) {
        Scratch scratch = spare.getAndSet(null);
        if (scratch == null) {
            scratch = new Scratch(); // the first datagram, another thread is in, or a reply came back in here
        }
        try {
            handle(scratch, bytes, length, source, destination, interfaceName, in);
        } catch (RuntimeException e) {
            log().error("unexpected failure on a DHCPv6 datagram from {}; the server keeps serving", source, e);
        } finally {
            spare.set(scratch);
        }
    }

    /**
     * One datagram at {@code bytes[0, length)}; {@code in} is it as a {@link Datagram} when the transport made one,
     * null when the array is the transport's and is reused once this returns (nothing here keeps the array).
     */
    private void handle(Scratch scratch, byte[] bytes, int length, InetSocketAddress source,
                        InetSocketAddress destination, String interfaceName, Datagram in) {
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        try {
            Dhcp6Codec.check(bytes, 0, length);
        } catch (DhcpCodecException e) {
            record(scratch.record, JournalEntry.Kind.REJECTED, shownSource(source, false, onLink),
                    shownServer(onLink), source, interfaceName, bytes, length, e, "dropped: " + e.getMessage());
            return;
        }
        boolean relayed = (bytes[0] & 0xFF) == Dhcp6MessageType.RELAY_FORW.code();
        InetSocketAddress client = shownSource(source, relayed, onLink);
        InetSocketAddress server = onLink ? shownServer(true) : v6(destination);
        if (paused.get()) { // an outage: journaled, so a test sees what the client tried, and never answered
            record(scratch.record, JournalEntry.Kind.RECEIVED, client, server, source, interfaceName, bytes, length,
                    null, PacketHandler.PAUSED_NOTE);
            return;
        }
        InetAddress to = destination.getAddress();
        boolean unicast = to != null && !to.isMulticastAddress();
        StringBuilder note = scratch.note;
        note.setLength(0);
        if (!relayed && keys == null && stubs.isEmpty(Stub6.class) && engine.handleInPlace(
                scratch.request.read(bytes, 0, length).from(source), unicast, scratch.reply, note)) {
            record(scratch.record, JournalEntry.Kind.RECEIVED, client, server, source, interfaceName, bytes, length,
                    null, note);
            Reply6Writer reply = scratch.reply;
            send(in, source, interfaceName, reply.bytes(), reply.length(), client, onLink, note, scratch.record);
            return;
        }
        decided(Dhcp6Codec.decode(bytes, 0, length), new Arrival6(unicast, source), client, server,
                source, interfaceName, bytes, length, in, onLink);
    }

    /** The request decoded: the stubs and the engine answer it, stub replies scheduled on the server's clock. */
    private void decided(Dhcp6Message request, Arrival6 arrival, InetSocketAddress client, InetSocketAddress server,
                         InetSocketAddress source, String interfaceName, byte[] bytes, int length, Datagram in,
                         boolean onLink) {
        long receivedAt = clock.millis();
        Engine6Responder.Answer answer = responder.respond(request, arrival);
        String note = answer.note();
        long sequence = record(new JournalRecord(), JournalEntry.Kind.RECEIVED, client, server, source,
                interfaceName, bytes, length, null, note);
        if (answer.unmatched()) {
            unmatched.add(sequence);
        }
        if (answer.stubResponse() == null) { // the engine alone: no scheduler
            for (Dhcp6Message reply : answer.replies()) {
                send(in, source, interfaceName, granted(request, reply), null, client, onLink, note);
            }
            return;
        }
        for (int i = 0; i < answer.replies().size(); i++) {
            Engine6Responder.Answer part = answer.part(i); // a sequence's replies each keep their own delay
            Dhcp6Message out = granted(request, part.replies().get(0));
            scheduler.dispatch(part.delay(), part.delayOnServerClock(), receivedAt,
                    () -> send(in, source, interfaceName, out, part, client, onLink, note));
        }
    }

    /**
     * Encodes a decoded reply (with a stub's malformation, if any) and sends it as {@link #send(Datagram,
     * InetSocketAddress, String, byte[], int, InetSocketAddress, boolean, CharSequence, JournalRecord)} does.
     */
    private void send(Datagram in, InetSocketAddress source, String interfaceName, Dhcp6Message reply,
                      Engine6Responder.Answer answer, InetSocketAddress client, boolean onLink, String note) {
        if (paused.get()) {
            return; // a reply delayed into an outage is lost with it
        }
        byte[] bytes = Dhcp6Codec.encode(reply);
        if (answer != null) {
            bytes = answer.malform(bytes);
        }
        send(in, source, interfaceName, bytes, bytes.length, client, onLink, note, new JournalRecord());
    }

    /**
     * Journals and sends the reply at {@code bytes[0, length)} to the request from {@code source}; {@code in} is the
     * request as a {@link Datagram}, or null on the project's own transports (a {@link DirectSender}), which send
     * from the reply's array.
     */
    private void send(Datagram in, InetSocketAddress source, String interfaceName, byte[] bytes, int length,
                      InetSocketAddress client, boolean onLink, CharSequence note, JournalRecord record) {
        DirectSender direct = in == null ? (DirectSender) transport : null;
        InetSocketAddress actual = direct != null ? direct.replyDestination(source, 0, 0, null, 0)
                : transport.replyDestination(in, source, null);
        record(record, JournalEntry.Kind.SENT, shownServer(onLink), onLink ? client : actual, source, interfaceName,
                bytes, length, null, note);
        try {
            if (direct != null) {
                direct.send(bytes, length, actual, false);
            } else {
                transport.send(new Datagram(java.util.Arrays.copyOf(bytes, length), transport.localAddress(), actual,
                        interfaceName, false));
            }
        } catch (IOException e) {
            log().warn("sending to {} failed: {}", actual, e.toString());
        }
    }

    private Dhcp6Message granted(Dhcp6Message request, Dhcp6Message reply) {
        return keys == null ? reply : keys.grant(request, reply);
    }

    /**
     * Sends a message the server starts (a RECONFIGURE) to {@code destination}, the socket the client last spoke
     * from, journaled first like every reply.
     */
    public void sendServerInitiated(byte[] bytes, InetSocketAddress destination, String note) {
        boolean onLink = transport.linkView() == LinkView.AS_ON_A_LINK;
        record(new JournalRecord(), JournalEntry.Kind.SENT, shownServer(onLink), shownSource(destination, false, onLink),
                destination,
                transport.interfaceName(), bytes, bytes.length, null, note);
        try {
            if (transport instanceof DirectSender direct) {
                direct.send(bytes, bytes.length, destination, false);
            } else {
                transport.send(new Datagram(bytes, transport.localAddress(), destination, transport.interfaceName(),
                        false));
            }
        } catch (IOException e) {
            log().warn("sending to {} failed: {}", destination, e.toString());
        }
    }

    /** The last client end shown, reused while the same sender repeats (perfdhcp sends from one address). */
    private InetSocketAddress lastShownSource;
    private InetSocketAddress shownServerOnLink;

    /** The client end as a link shows it: its address, port 546 (547 for a relay agent). */
    private InetSocketAddress shownSource(InetSocketAddress source, boolean relay, boolean onLink) {
        if (!onLink) {
            return v6(source);
        }
        InetAddress address = v6(source).getAddress();
        int port = relay ? 547 : 546;
        InetSocketAddress last = lastShownSource;
        if (last != null && last.getPort() == port && last.getAddress().equals(address)) {
            return last;
        }
        InetSocketAddress shown = new InetSocketAddress(address, port);
        lastShownSource = shown;
        return shown;
    }

    private InetSocketAddress shownServer(boolean onLink) {
        InetSocketAddress local = v6(transport.localAddress());
        if (!onLink) {
            return local;
        }
        InetSocketAddress shown = shownServerOnLink;
        if (shown == null || !shown.getAddress().equals(local.getAddress())) {
            shown = new InetSocketAddress(local.getAddress(), 547);
            shownServerOnLink = shown;
        }
        return shown;
    }

    /** IPv6 as it is; an IPv4 end (an in-memory transport's) is shown as ::1. */
    private static InetSocketAddress v6(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? address
                : new InetSocketAddress(LOOPBACK, address.getPort());
    }

    private long record(JournalRecord record, JournalEntry.Kind kind, InetSocketAddress shownSource, InetSocketAddress shownDestination,
                        InetSocketAddress peer, String interfaceName, byte[] bytes, int length,
                        DhcpCodecException error, CharSequence note) {
        return journal.append(record.of(kind, clock.millis(), wallClock.millis())
                .ends6(shownSource, shownDestination).peer(peer, interfaceName).payload(bytes, 0, length).note(note)
                .error(error));
    }
}
