package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.codec.OptionCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final int serverId;
    private final List<Malformation> malformations;

    private Reply(DhcpMessage message, String note, Duration delay, boolean onServerClock, int serverId,
                  List<Malformation> malformations) {
        this.message = message;
        this.note = note;
        this.delay = delay;
        this.onServerClock = onServerClock;
        this.serverId = serverId;
        this.malformations = List.copyOf(malformations);
    }

    public static Reply of(DhcpMessage message, String note) {
        return new Reply(message, note, Duration.ZERO, false, 0, List.of());
    }

    public DhcpMessage message() {
        return message;
    }

    /** Why it is sent: the rule or stub that produced it. */
    public String note() {
        return note;
    }

    public Duration delay() {
        return delay;
    }

    /** Whether the delay runs on the server's clock (a {@code TestClock} releases it) rather than real time. */
    public boolean delayOnServerClock() {
        return onServerClock;
    }

    /** The server identity it is sent as, when not this server's own. */
    public Optional<Integer> serverIdentity() {
        return serverId == 0 ? Optional.empty() : Optional.of(serverId);
    }

    public List<Malformation> malformations() {
        return malformations;
    }

    /** The bytes to send: {@code encoded} with the malformations applied in order. */
    public byte[] malform(byte[] encoded) {
        byte[] out = encoded;
        for (Malformation malformation : malformations) {
            out = malformation.apply(out);
        }
        return out;
    }

    public Reply withMessage(DhcpMessage replacement) {
        return new Reply(replacement, note, delay, onServerClock, serverId, malformations);
    }

    public Reply edit(UnaryOperator<DhcpMessage.Builder> change) {
        return withMessage(change.apply(message.toBuilder()).build());
    }

    /** Adds the option, or replaces the one of its code. */
    public Reply withOption(DhcpOption option) {
        return edit(b -> b.option(option)).annotated("with " + option);
    }

    public Reply withoutOption(OptionCode code) {
        return edit(b -> b.removeOption(code)).annotated("without option " + code.code());
    }

    public Reply withXid(int xid) {
        return edit(b -> b.xid(xid)).annotated(String.format("xid 0x%08x", xid));
    }

    public Reply withChaddr(String mac) {
        return edit(b -> {
            int hlen = message.hlen();
            return b.chaddr(mac).hlen(hlen);
        }).annotated("chaddr " + mac);
    }

    public Reply withYiaddr(String address) {
        return edit(b -> b.yiaddr(address)).annotated("yiaddr " + address);
    }

    /** Sends it after {@code time} of real time. */
    public Reply delayed(Duration time) {
        return new Reply(message, note + ", delayed " + time.toMillis() + " ms", time, false, serverId,
                malformations);
    }

    /** Sends it once the server's clock has moved {@code time} forward; tests advance a TestClock, never sleep. */
    public Reply delayedOnServerClock(Duration time) {
        return new Reply(message, note + ", delayed " + time.toMillis() + " ms on the server clock", time, true,
                serverId, malformations);
    }

    /** Sends it as another server: option 54 and the source address become {@code serverIdentifier}. */
    public Reply fromServer(String serverIdentifier) {
        int id = Ipv4.parseInt(serverIdentifier);
        DhcpMessage changed = message.toBuilder().option(DhcpOption.serverIdentifier(serverIdentifier)).build();
        return new Reply(changed, note + ", as server " + serverIdentifier, delay, onServerClock, id,
                malformations);
    }

    public Reply malformed(Malformation malformation) {
        List<Malformation> more = new ArrayList<>(malformations);
        more.add(malformation);
        return new Reply(message, note + ", malformed: " + malformation.description(), delay, onServerClock,
                serverId, more);
    }

    Reply annotated(String what) {
        return new Reply(message, note + ", " + what, delay, onServerClock, serverId, malformations);
    }

    /** The same reply with another journal note. */
    public Reply withNote(String newNote) {
        return new Reply(message, newNote, delay, onServerClock, serverId, malformations);
    }

    @Override
    public String toString() {
        return message.messageType().map(Object::toString).orElse("reply") + " (" + note + ")";
    }
}
