package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.OptionCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.wire.Ipv4;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * What a stub sends: a base (the default reply, an OFFER or ACK of an address, a NAK, nothing, or a function) and
 * modifiers applied to it (delay, options, wrong xid or chaddr, malformation), plus extra copies (duplicates, a
 * competing server). Immutable: each method returns a new response. Build with {@link Responses}.
 */
public final class Response {

    static {
        dev.dhcpembedded.internal.stubaccess.StubAccess.install(new EngineView());
    }

    private enum Kind { DEFAULT, NO_RAPID_COMMIT, OFFER, ACK, NAK, IGNORE, FUNCTION, SEQUENCE }

    private final Kind kind;
    private final String address;
    private final String nakMessage;
    private final ReplyFunction function;
    private final List<Modifier> modifiers;
    private final int duplicates;
    private final List<ServerIdentity> alsoFrom;
    /** For {@link Kind#SEQUENCE}: the responses sent one after the other, in order. */
    private final List<Response> parts;

    private Response(Kind kind, String address, String nakMessage, ReplyFunction function, List<Modifier> modifiers,
                     int duplicates, List<ServerIdentity> alsoFrom) {
        this(kind, address, nakMessage, function, modifiers, duplicates, alsoFrom, List.of());
    }

    private Response(Kind kind, String address, String nakMessage, ReplyFunction function, List<Modifier> modifiers,
                     int duplicates, List<ServerIdentity> alsoFrom, List<Response> parts) {
        this.parts = List.copyOf(parts);
        this.kind = kind;
        this.address = address;
        this.nakMessage = nakMessage;
        this.function = function;
        this.modifiers = List.copyOf(modifiers);
        this.duplicates = duplicates;
        this.alsoFrom = List.copyOf(alsoFrom);
    }

    static Response of(Kind kind) {
        return new Response(kind, null, null, null, List.of(), 0, List.of());
    }

    static Response defaultReply() {
        return of(Kind.DEFAULT);
    }

    static Response withoutRapidCommit() {
        return of(Kind.NO_RAPID_COMMIT);
    }

    static Response offer() {
        return of(Kind.OFFER);
    }

    static Response ack() {
        return of(Kind.ACK);
    }

    static Response ignore() {
        return of(Kind.IGNORE);
    }

    static Response nak(String message) {
        Objects.requireNonNull(message, "message: the text for option 56; may be empty");
        return new Response(Kind.NAK, null, message, null, List.of(), 0, List.of());
    }

    static Response function(ReplyFunction function) {
        Objects.requireNonNull(function, "function");
        return new Response(Kind.FUNCTION, null, null, function, List.of(), 0, List.of());
    }

    /**
     * For {@code offer()} and {@code ack()}: the address to give instead of the engine's choice.
     *
     * @param ip a dotted IPv4 address
     * @return the new response
     * @throws IllegalStateException on any other response than {@code offer()} or {@code ack()}
     */
    public Response address(String ip) {
        if (kind != Kind.OFFER && kind != Kind.ACK) {
            throw new IllegalStateException("address(" + ip + ") applies to offer() and ack(), not to "
                    + describe());
        }
        Ipv4.parseInt(ip);
        return new Response(kind, ip, nakMessage, function, modifiers, duplicates, alsoFrom);
    }

    /**
     * Sends after {@code time} of real time.
     *
     * @param time the delay, zero or positive
     * @return the new response
     */
    public Response delay(Duration time) {
        Delays.check("delay", time);
        return modify("delay " + time.toMillis() + " ms", r -> r.delayed(time));
    }

    /**
     * Sends once the server's clock (a TestClock) has advanced by {@code time}: no test sleeps.
     *
     * @param time the delay on the server's clock, zero or positive
     * @return the new response
     */
    public Response delayOnServerClock(Duration time) {
        Delays.check("delayOnServerClock", time);
        return modify("delay " + time.toMillis() + " ms on the server clock", r -> r.delayedOnServerClock(time));
    }

    /**
     * Adds the option to the reply, or replaces the one of its code.
     *
     * @param option the option to set
     * @return the new response
     */
    public Response withOption(DhcpOption option) {
        Objects.requireNonNull(option, "option");
        return modify("with " + option, r -> r.withOption(option));
    }

    /**
     * Removes option {@code code} from the reply.
     *
     * @param code the option to remove
     * @return the new response
     */
    public Response withoutOption(OptionCode code) {
        return modify("without option " + code.code(), r -> r.withoutOption(code));
    }

    /**
     * Replies with another transaction id than the request's: the client must ignore it.
     *
     * @param xid the transaction id to send, any 32-bit value
     * @return the new response
     */
    public Response withXid(int xid) {
        return modify(String.format("xid 0x%08x", xid), r -> r.withXid(xid));
    }

    /**
     * Replies with the request's xid plus one: a wrong transaction id.
     *
     * @return the new response
     */
    public Response wrongXid() {
        return modify("wrong xid", r -> r.withXid(r.message().xid() + 1));
    }

    /**
     * Replies to another hardware address than the request's.
     *
     * @param mac the MAC address, e.g. {@code 02:00:00:00:00:43}
     * @return the new response
     */
    public Response withChaddr(String mac) {
        MacAddress.parse(mac);
        return modify("chaddr " + mac, r -> r.withChaddr(mac));
    }

    /**
     * Sends the encoded reply with {@code malformation} applied, e.g. {@code malformed(missingEnd())}.
     *
     * @param malformation the defect; several apply in order
     * @return the new response
     */
    public Response malformed(Malformation malformation) {
        Objects.requireNonNull(malformation, "malformation");
        return modify("malformed: " + malformation, r -> r.malformed(malformation));
    }

    /**
     * Sends the reply twice.
     *
     * @return the new response
     */
    public Response duplicate() {
        return duplicate(1);
    }

    /**
     * Sends {@code extra} more copies of the reply.
     *
     * @param extra how many copies after the first, at least 1; adds to earlier calls
     * @return the new response
     * @throws IllegalArgumentException if {@code extra} is less than 1
     */
    public Response duplicate(int extra) {
        if (extra < 1) {
            throw new IllegalArgumentException("duplicate(" + extra + "): send at least 1 extra copy, or leave"
                    + " duplicate out");
        }
        return new Response(kind, address, nakMessage, function, modifiers, duplicates + extra, alsoFrom, parts);
    }

    /**
     * Also sends the same reply as another server, e.g. {@code alsoFrom(rogueServerId("10.20.0.2"))}.
     *
     * @param other the other server, from {@link Responses#rogueServerId(String)}
     * @return the new response
     */
    public Response alsoFrom(ServerIdentity other) {
        Objects.requireNonNull(other, "other: e.g. rogueServerId(\"10.20.0.2\")");
        List<ServerIdentity> more = new ArrayList<>(alsoFrom);
        more.add(other);
        return new Response(kind, address, nakMessage, function, modifiers, duplicates, more, parts);
    }

    /**
     * Any change to the reply message.
     *
     * @param description names the change in the journal
     * @param change edits a builder of the reply message
     * @return the new response
     */
    public Response edit(String description, UnaryOperator<DhcpMessageBuilder> change) {
        return modify(description, r -> r.edit(change));
    }

    /**
     * Sends this response's replies, then {@code next}'s, to the same request: two servers in conflict, as
     * ChromiumOS's {@code RejectAndRespondToRequest} scripts it, e.g. {@code respond(nak("taken").then(ack()))} or
     * {@code respond(ack().then(nak("taken")))}. Each part is decided as it would be alone (an {@code ack()} binds
     * the lease, a {@code nak(...)} does not undo it, an {@code ignore()} sends nothing) and keeps its own
     * modifiers, so {@code nak("x").then(ack().delay(Duration.ofMillis(200)))} delays the ACK only; a method called
     * on the sequence itself (e.g. {@code .broadcast()}) applies to every reply in it. Chains:
     * {@code a.then(b).then(c)} sends three.
     *
     * @param next what to send after this response's replies
     * @return the sequence
     */
    public Response then(Response next) {
        Objects.requireNonNull(next, "next: e.g. ack() or nak(\"taken\")");
        List<Response> more = new ArrayList<>();
        if (kind == Kind.SEQUENCE && modifiers.isEmpty() && duplicates == 0 && alsoFrom.isEmpty()) {
            more.addAll(parts);
        } else {
            more.add(this);
        }
        more.add(next);
        return new Response(Kind.SEQUENCE, null, null, null, List.of(), 0, List.of(), more);
    }

    /**
     * Broadcasts the reply (to {@code 255.255.255.255}, port 68), whatever RFC 2131 §4.1 would choose; see
     * {@link Reply#broadcast()}. The journal shows where it went.
     *
     * @return the new response
     */
    public Response broadcast() {
        return modify("broadcast", Reply::broadcast);
    }

    /**
     * Sends the reply by unicast to {@code address}, port 68, whatever RFC 2131 §4.1 would choose; see
     * {@link Reply#unicastTo(String)}. The journal shows where it went.
     *
     * @param address a dotted IPv4 address
     * @return the new response
     */
    public Response unicastTo(String address) {
        Ipv4.parseInt(address);
        return modify("to " + address, r -> r.unicastTo(address));
    }

    /**
     * Sends the reply by unicast to the address the client has (the request's ciaddr), port 68, even a NAK, which
     * RFC 2131 §4.1 broadcasts: a client in RENEWING whose socket is bound to its leased address (dhcpcd's) hears
     * only that, e.g. {@code onRequest().inState(RENEWING).respond(nak("moved").unicastToClientAddress())}. A
     * request without ciaddr (the client has no address yet) gets RFC 2131's choice, and the journal says so.
     *
     * @return the new response
     */
    public Response unicastToClientAddress() {
        return modify("to the client's address", (r, request) -> request.ciaddr().isAnyLocalAddress()
                ? r.annotated("no client address (ciaddr 0.0.0.0): sent where RFC 2131 says")
                : r.unicastTo(request.ciaddr().getHostAddress()));
    }

    private Response modify(String description, UnaryOperator<Reply> change) {
        return modify(description, (r, request) -> change.apply(r));
    }

    private Response modify(String description, BiFunction<Reply, DhcpMessage, Reply> change) {
        List<Modifier> more = new ArrayList<>(modifiers);
        more.add(new Modifier(description, change));
        return new Response(kind, address, nakMessage, function, more, duplicates, alsoFrom, parts);
    }

    /**
     * The replies this response makes for one request: the base reply with every modifier applied, then its
     * copies. The server calls it, through {@link EngineView}.
     *
     * @param request the client's message
     * @param context the server's defaults for this request
     * @return the replies in sending order; empty to send nothing
     */
    List<Reply> resolve(DhcpMessage request, StubContext context) {
        List<Reply> out = new ArrayList<>();
        for (Reply base : bases(request, context)) {
            Reply reply = base;
            for (Modifier modifier : modifiers) {
                reply = modifier.change.apply(reply, request);
            }
            out.add(reply);
            for (int i = 0; i < duplicates; i++) {
                out.add(reply.annotated("duplicate " + (i + 1)));
            }
            for (ServerIdentity other : alsoFrom) {
                out.add(reply.fromServer(other.address()));
            }
        }
        return out;
    }

    /** The base replies: one (or none) for a single response; every part's replies, in order, for a sequence. */
    private List<Reply> bases(DhcpMessage request, StubContext context) {
        if (kind != Kind.SEQUENCE) {
            return base(request, context).map(List::of).orElse(List.of());
        }
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = "part " + (i + 1) + " of " + parts.size();
            parts.get(i).resolve(request, context).forEach(r -> out.add(r.annotated(part)));
        }
        return out;
    }

    private Optional<Reply> base(DhcpMessage request, StubContext context) {
        switch (kind) {
            case IGNORE:
                return Optional.empty();
            case NAK:
                return Optional.of(context.nak(nakMessage));
            case OFFER:
                return address != null ? Optional.of(context.offer(address))
                        : context.optionalDefaultReplyWithoutRapidCommit();
            case NO_RAPID_COMMIT:
                return context.optionalDefaultReplyWithoutRapidCommit();
            case ACK:
                return address != null ? Optional.of(context.ack(address)) : context.optionalDefaultReply();
            case FUNCTION:
                return Optional.ofNullable(function.reply(request, context));
            default:
                return context.optionalDefaultReply();
        }
    }

    /** {@return a short description for the journal, e.g. {@code offer 10.20.0.77, delay 300 ms}} */
    public String describe() {
        StringBuilder out = new StringBuilder();
        switch (kind) {
            case DEFAULT: out.append("default reply"); break;
            case NO_RAPID_COMMIT: out.append("default reply without rapid commit"); break;
            case OFFER: out.append("offer").append(address != null ? " " + address : ""); break;
            case ACK: out.append("ack").append(address != null ? " " + address : ""); break;
            case NAK: out.append("nak \"").append(nakMessage).append('"'); break;
            case IGNORE: out.append("ignore"); break;
            case SEQUENCE: out.append(parts.stream().map(Response::describe).collect(
                    java.util.stream.Collectors.joining(") then (", "(", ")"))); break;
            default: out.append("custom reply"); break;
        }
        modifiers.forEach(m -> out.append(", ").append(m.description));
        if (duplicates > 0) {
            out.append(", duplicated ").append(duplicates).append('x');
        }
        alsoFrom.forEach(s -> out.append(", also from ").append(s.address()));
        return out.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private record Modifier(String description, BiFunction<Reply, DhcpMessage, Reply> change) {
    }
}
