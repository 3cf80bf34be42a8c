package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.OptionCode;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One reply the server will send: the message, and how (now or after a delay, as this server or another
 * identity, intact or deliberately malformed). Immutable; each {@code with...} returns a new reply.
 */
public final class Reply {

    private final DhcpMessage message;
    private final String note;
    private final Duration delay;
    private final boolean onServerClock;
    private final Inet4Address serverId;
    private final List<Malformation> malformations;
    private final Inet4Address destination;

    private Reply(DhcpMessage message, String note, Duration delay, boolean onServerClock, Inet4Address serverId,
                  List<Malformation> malformations, Inet4Address destination) {
        this.message = message;
        this.note = note;
        this.delay = delay;
        this.onServerClock = onServerClock;
        this.serverId = serverId;
        this.malformations = List.copyOf(malformations);
        this.destination = destination;
    }

    /**
     * A reply of {@code message}, sent at once as this server.
     *
     * @param message the message to send
     * @param note why it is sent; the journal keeps it
     * @return the reply
     */
    public static Reply of(DhcpMessage message, String note) {
        Objects.requireNonNull(message, "message");
        return new Reply(message, note == null ? "" : note, Duration.ZERO, false, null, List.of(), null);
    }

    /** {@return the message to send} */
    public DhcpMessage message() {
        return message;
    }

    /** {@return why it is sent: the rule or stub that produced it} */
    public String note() {
        return note;
    }

    /** {@return how long to hold it back; zero to send at once} */
    public Duration delay() {
        return delay;
    }

    /**
     * {@return whether the delay runs on the server's clock (a {@code TestClock} releases it) rather than real time}
     */
    public boolean delayOnServerClock() {
        return onServerClock;
    }

    /** {@return the server identity it is sent as, when not this server's own} */
    public Optional<Inet4Address> serverIdentity() {
        return Optional.ofNullable(serverId);
    }

    /**
     * {@return where it goes instead of where RFC 2131 §4.1 sends it, when {@link #broadcast()} or
     * {@link #unicastTo(String)} chose: {@code 255.255.255.255} for a broadcast; empty for RFC 2131's choice}
     */
    public Optional<Inet4Address> destination() {
        return Optional.ofNullable(destination);
    }

    /** {@return the defects applied to the encoded bytes, in order} */
    public List<Malformation> malformations() {
        return malformations;
    }

    /** The bytes to send: {@code encoded} with the malformations applied in order. */
    byte[] malform(byte[] encoded) {
        byte[] out = encoded;
        for (Malformation malformation : malformations) {
            out = malformation.apply(out);
        }
        return out;
    }

    /**
     * The same reply with another message.
     *
     * @param replacement the message to send instead
     * @return the new reply
     */
    public Reply withMessage(DhcpMessage replacement) {
        Objects.requireNonNull(replacement, "replacement");
        return new Reply(replacement, note, delay, onServerClock, serverId, malformations, destination);
    }

    /**
     * The same reply with its message changed by {@code change}.
     *
     * @param change edits a builder of the current message
     * @return the new reply
     */
    public Reply edit(UnaryOperator<DhcpMessageBuilder> change) {
        return withMessage(change.apply(message.toBuilder()).build());
    }

    /**
     * Adds the option, or replaces the one of its code.
     *
     * @param option the option to set
     * @return the new reply
     */
    public Reply withOption(DhcpOption option) {
        return edit(b -> b.option(option)).annotated("with " + option);
    }

    /**
     * Removes option {@code code}, if present.
     *
     * @param code the option to remove
     * @return the new reply
     */
    public Reply withoutOption(OptionCode code) {
        return edit(b -> b.removeOption(code)).annotated("without option " + code.code());
    }

    /**
     * Another transaction id.
     *
     * @param xid the transaction id, any 32-bit value
     * @return the new reply
     */
    public Reply withXid(int xid) {
        return edit(b -> b.xid(xid)).annotated(String.format("xid 0x%08x", xid));
    }

    /**
     * Another client hardware address (chaddr).
     *
     * @param mac the MAC address, e.g. {@code 02:00:00:00:00:42}
     * @return the new reply
     */
    public Reply withChaddr(String mac) {
        return edit(b -> {
            int hlen = message.hlen();
            return b.chaddr(mac).hlen(hlen);
        }).annotated("chaddr " + mac);
    }

    /**
     * Another "your" address (yiaddr).
     *
     * @param address a dotted IPv4 address
     * @return the new reply
     */
    public Reply withYiaddr(String address) {
        return edit(b -> b.yiaddr(address)).annotated("yiaddr " + address);
    }

    /**
     * Sends it after {@code time} of real time.
     *
     * @param time the delay, zero or positive
     * @return the new reply
     */
    public Reply delayed(Duration time) {
        Delays.check("delayed", time);
        return new Reply(message, note + ", delayed " + time.toMillis() + " ms", time, false, serverId,
                malformations, destination);
    }

    /**
     * Sends it once the server's clock has moved {@code time} forward; tests advance a TestClock, never sleep.
     *
     * @param time the delay on the server's clock, zero or positive
     * @return the new reply
     */
    public Reply delayedOnServerClock(Duration time) {
        Delays.check("delayedOnServerClock", time);
        return new Reply(message, note + ", delayed " + time.toMillis() + " ms on the server clock", time, true,
                serverId, malformations, destination);
    }

    /**
     * Sends it as another server: option 54 and the source address become {@code serverIdentifier}.
     *
     * @param serverIdentifier a dotted IPv4 address
     * @return the new reply
     */
    public Reply fromServer(String serverIdentifier) {
        Inet4Address id = Ipv4.parse(serverIdentifier);
        DhcpMessage changed = message.toBuilder().option(DhcpOptions.serverIdentifier(serverIdentifier)).build();
        return new Reply(changed, note + ", as server " + serverIdentifier, delay, onServerClock, id,
                malformations, destination);
    }

    /**
     * Applies {@code malformation} to the encoded bytes, after any earlier one.
     *
     * @param malformation the defect to add
     * @return the new reply
     */
    public Reply malformed(Malformation malformation) {
        Objects.requireNonNull(malformation, "malformation");
        List<Malformation> more = new ArrayList<>(malformations);
        more.add(malformation);
        return new Reply(message, note + ", malformed: " + malformation.description(), delay, onServerClock,
                serverId, more, destination);
    }

    /**
     * Sends it to the broadcast address {@code 255.255.255.255}, port 68, whatever RFC 2131 §4.1 would choose
     * (e.g. a reply the client asked to get by unicast). The journal shows it going there.
     *
     * @return the new reply
     */
    public Reply broadcast() {
        return new Reply(message, note + ", broadcast", delay, onServerClock, serverId, malformations,
                Ipv4.BROADCAST);
    }

    /**
     * Sends it by unicast to {@code address}, port 68, whatever RFC 2131 §4.1 would choose: e.g. a NAK to the
     * address of a client in RENEWING, whose socket is bound to that address and never hears a broadcast. The
     * journal shows it going there.
     *
     * @param address a dotted IPv4 address; {@code 255.255.255.255} is the same as {@link #broadcast()}
     * @return the new reply
     */
    public Reply unicastTo(String address) {
        Inet4Address to = Ipv4.parse(address);
        return new Reply(message, note + ", to " + address, delay, onServerClock, serverId, malformations, to);
    }

    Reply annotated(String what) {
        return new Reply(message, note + ", " + what, delay, onServerClock, serverId, malformations, destination);
    }

    /**
     * The same reply with another journal note.
     *
     * @param newNote the note the journal keeps
     * @return the new reply
     */
    public Reply withNote(String newNote) {
        return new Reply(message, newNote, delay, onServerClock, serverId, malformations, destination);
    }

    @Override
    public String toString() {
        return message.messageType().map(Object::toString).orElse("reply") + " (" + note + ")";
    }
}
