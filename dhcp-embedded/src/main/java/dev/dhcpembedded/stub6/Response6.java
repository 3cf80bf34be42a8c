package dev.dhcpembedded.stub6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * What a DHCPv6 stub answers: the server's default reply, reshaped; or nothing. Immutable: each method returns a
 * new response. Edits apply to the client's message inside any RELAY-REPL layers.
 *
 * <pre>{@code
 * onSolicit().respond(defaultReply().preference(255).alsoFrom(otherDuid))
 * onRequest().respond(defaultReply().address("2001:db8:1::77").delay(Duration.ofMillis(300)))
 * onSolicit().respond(noAddrsAvail())
 * onRequest().respond(defaultReply().then(noAddrsAvail()))   // two replies: servers in conflict
 * }</pre>
 *
 * A DHCPv6 reply always goes to the address and port the message came from (RFC 8415 §18.3.10): there is no
 * broadcast to choose against, so unlike DHCPv4's {@code Response} there is no destination to script.
 */
public final class Response6 {

    static {
        dev.dhcpembedded.internal.stubaccess.StubAccess.install(new EngineView6());
    }

    private final boolean silent;
    private final String description;
    private final Optional<Inet6Address> address;
    private final Optional<String> prefix;
    private final List<UnaryOperator<Dhcp6Message>> edits;
    private final List<Duid> alsoFrom;
    private final Duration delay;
    private final boolean delayOnServerClock;
    private final OptionalInt truncateTo;
    /** For a sequence ({@link #then(Response6)}): the responses sent one after the other; empty otherwise. */
    private final List<Response6> parts;

    private Response6(boolean silent, String description, Optional<Inet6Address> address, Optional<String> prefix,
            List<UnaryOperator<Dhcp6Message>> edits, List<Duid> alsoFrom, Duration delay, boolean onServerClock,
            OptionalInt truncateTo, List<Response6> parts) {
        this.parts = List.copyOf(parts);
        this.silent = silent;
        this.description = description;
        this.address = address;
        this.prefix = prefix;
        this.edits = List.copyOf(edits);
        this.alsoFrom = List.copyOf(alsoFrom);
        this.delay = delay;
        this.delayOnServerClock = onServerClock;
        this.truncateTo = truncateTo;
    }

    /**
     * The reply the lease engine gives (RFC 8415 section 18.3).
     *
     * @return the response
     */
    public static Response6 defaultReply() {
        return new Response6(false, "default reply", Optional.empty(), Optional.empty(), List.of(), List.of(),
                Duration.ZERO, false, OptionalInt.empty(), List.of());
    }

    /**
     * No reply at all (the request is still journaled).
     *
     * @return the response
     */
    public static Response6 ignore() {
        return new Response6(true, "ignore", Optional.empty(), Optional.empty(), List.of(), List.of(),
                Duration.ZERO, false, OptionalInt.empty(), List.of());
    }

    /**
     * The default reply with every IA_NA emptied and marked NoAddrsAvail (the IAs' other content dropped).
     *
     * @return the response
     */
    public static Response6 noAddrsAvail() {
        return defaultReply().iaStatus(StatusCode.NO_ADDRS_AVAIL, "no addresses available");
    }

    /**
     * The default reply with every IA_PD emptied and marked NoPrefixAvail.
     *
     * @return the response
     */
    public static Response6 noPrefixAvail() {
        return defaultReply().iaStatus(StatusCode.NO_PREFIX_AVAIL, "no prefixes available");
    }

    private Response6 with(String what, UnaryOperator<Dhcp6Message> edit) {
        List<UnaryOperator<Dhcp6Message>> more = new ArrayList<>(edits);
        more.add(edit);
        return new Response6(silent, description + ", " + what, address, prefix, more, alsoFrom, delay,
                delayOnServerClock, truncateTo, parts);
    }

    /**
     * Every IA of the reply emptied and given status {@code code} (NoAddrsAvail for IA_NA, NoPrefixAvail for
     * IA_PD, or any code for both; NotOnLink, NoBinding, ...).
     *
     * @param code the status code, e.g. {@link StatusCode#NOT_ON_LINK}
     * @param message the status message, for people
     * @return the new response
     */
    public Response6 iaStatus(StatusCode.Code code, String message) {
        Objects.requireNonNull(code, "code: e.g. StatusCode.NOT_ON_LINK");
        return with("IA status " + code.name(), m -> {
            Dhcp6Message.Builder b = m.toBuilder().clearOptions();
            for (Dhcp6Option o : m.options()) {
                if (o.code() == Dhcp6OptionCode.IA_NA && !code.equals(StatusCode.NO_PREFIX_AVAIL)) {
                    b.option(Dhcp6Option.iaNa(IaNa.of(o.asIaNa().iaid(), 0, 0,
                            Dhcp6Option.statusCode(code, message))));
                } else if (o.code() == Dhcp6OptionCode.IA_PD && !code.equals(StatusCode.NO_ADDRS_AVAIL)) {
                    b.option(Dhcp6Option.iaPd(IaPd.of(o.asIaPd().iaid(), 0, 0,
                            Dhcp6Option.statusCode(code, message))));
                } else {
                    b.option(o);
                }
            }
            return b.build();
        });
    }

    /**
     * A message-level status code option (13) added to the reply, replacing any.
     *
     * @param code the status code, e.g. {@link StatusCode#NOT_ON_LINK}
     * @param message the status message, for people
     * @return the new response
     */
    public Response6 status(StatusCode.Code code, String message) {
        Objects.requireNonNull(code, "code: e.g. StatusCode.NOT_ON_LINK");
        return with("status " + code.name(),
                m -> m.toBuilder().replaceOption(Dhcp6Option.statusCode(code, message)).build());
    }

    /**
     * The engine hands out {@code address} to the IA_NA (bound in the lease table like any other) if it is free.
     *
     * @param address an IPv6 address, e.g. {@code 2001:db8:1::77}
     * @return the new response
     */
    public Response6 address(String address) {
        requireSingle("address(" + address + ")");
        return new Response6(silent, description + ", address " + address, Optional.of(Ipv6.parse(address)),
                prefix, edits, alsoFrom, delay, delayOnServerClock, truncateTo, parts);
    }

    /**
     * The engine delegates {@code prefix} (e.g. {@code 2001:db8:100:ff00::/56}) to the IA_PD if it is free.
     *
     * @param prefix an IPv6 prefix as PREFIX/LENGTH
     * @return the new response
     * @throws IllegalArgumentException if {@code prefix} has no {@code /LENGTH}
     */
    public Response6 prefix(String prefix) {
        requireSingle("prefix(" + prefix + ")");
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("prefix '" + prefix + "' is not PREFIX/LENGTH");
        }
        Ipv6.parse(prefix.substring(0, slash));
        return new Response6(silent, description + ", prefix " + prefix, address, Optional.of(prefix), edits,
                alsoFrom, delay, delayOnServerClock, truncateTo, parts);
    }

    /**
     * The preference option (7) set to {@code value} (255: the client takes this server at once).
     *
     * @param value the preference, 0 to 255
     * @return the new response
     */
    public Response6 preference(int value) {
        Dhcp6Option option = Dhcp6Option.preference(value);
        return with("preference " + value, m -> m.toBuilder().replaceOption(option).build());
    }

    /**
     * An option added to the reply, replacing any of its code.
     *
     * @param option the option to set
     * @return the new response
     */
    public Response6 withOption(Dhcp6Option option) {
        return with("option " + option.code().code(), m -> m.toBuilder().replaceOption(option).build());
    }

    /**
     * Option {@code code} removed from the reply.
     *
     * @param code the option to remove
     * @return the new response
     */
    public Response6 withoutOption(Dhcp6OptionCode code) {
        Objects.requireNonNull(code, "code");
        return with("without option " + code.code(), m -> m.toBuilder().removeOption(code).build());
    }

    /**
     * A wrong transaction id (the client must ignore the reply).
     *
     * @return the new response
     */
    public Response6 wrongXid() {
        return with("wrong xid", m -> m.isRelay() ? m
                : m.toBuilder().transactionId((m.transactionId() + 1) & 0xFFFFFF).build());
    }

    /**
     * Any change to the reply.
     *
     * @param description names the change in the journal
     * @param change edits the client's message (inside any RELAY-REPL layers)
     * @return the new response
     */
    public Response6 edit(String description, UnaryOperator<Dhcp6Message> change) {
        Objects.requireNonNull(change, "change");
        return with(description, change);
    }

    /**
     * The same reply sent again as from a second server with this DUID (a competing ADVERTISE).
     *
     * @param otherServer the second server's DUID (option 2)
     * @return the new response
     */
    public Response6 alsoFrom(Duid otherServer) {
        List<Duid> more = new ArrayList<>(alsoFrom);
        more.add(otherServer);
        return new Response6(silent, description + ", also from " + otherServer, address, prefix, edits, more,
                delay, delayOnServerClock, truncateTo, parts);
    }

    /**
     * Sent after {@code time} of real time.
     *
     * @param time the delay, zero or positive
     * @return the new response
     */
    public Response6 delay(Duration time) {
        return new Response6(silent, description + ", delayed " + time, address, prefix, edits, alsoFrom, time,
                false, truncateTo, parts);
    }

    /**
     * Sent once the server's clock (a TestClock, advanced by the test) passes {@code time}.
     *
     * @param time the delay on the server's clock, zero or positive
     * @return the new response
     */
    public Response6 delayOnServerClock(Duration time) {
        return new Response6(silent, description + ", delayed " + time + " on the server clock", address, prefix,
                edits, alsoFrom, time, true, truncateTo, parts);
    }

    /**
     * The encoded reply cut to its first {@code length} bytes: a malformed reply.
     *
     * @param length the length to keep, 0 or more; a longer length leaves the reply as it is
     * @return the new response
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public Response6 truncatedTo(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is negative");
        }
        return new Response6(silent, description + ", truncated to " + length + " bytes", address, prefix, edits,
                alsoFrom, delay, delayOnServerClock, OptionalInt.of(length), parts);
    }

    /**
     * Sends this response's reply, then {@code next}'s, to the same message, each as it would be alone: e.g.
     * {@code onRequest().respond(defaultReply().then(noAddrsAvail()))}, two servers in conflict (the DHCPv4 twin is
     * {@code Response.then(...)}). A method called on the sequence itself applies to every reply in it (its delay
     * and truncation replace a part's own; its edits come after a part's). Chains: {@code a.then(b).then(c)}.
     *
     * @param next what to send after this response's reply
     * @return the sequence
     */
    public Response6 then(Response6 next) {
        Objects.requireNonNull(next, "next: e.g. noAddrsAvail()");
        List<Response6> more = new ArrayList<>(steps());
        more.add(next);
        return new Response6(false, more.stream().map(Response6::toString).collect(
                java.util.stream.Collectors.joining(") then (", "(", ")")), Optional.empty(), Optional.empty(),
                List.of(), List.of(), Duration.ZERO, false, OptionalInt.empty(), more);
    }

    private void requireSingle(String call) {
        if (!parts.isEmpty()) {
            throw new IllegalStateException(call + " chooses what one reply hands out: give it to a part of the"
                    + " sequence, e.g. defaultReply()." + call + ".then(...)");
        }
    }

    // ---- read by the server, through EngineView6 ----

    /**
     * The responses sent in order: this one alone, or for a sequence each part with the sequence's own settings
     * applied to it.
     */
    List<Response6> steps() {
        if (parts.isEmpty()) {
            return List.of(this);
        }
        if (edits.isEmpty() && alsoFrom.isEmpty() && delay.isZero() && truncateTo.isEmpty()) {
            return parts;
        }
        List<Response6> out = new ArrayList<>();
        for (Response6 p : parts) {
            List<UnaryOperator<Dhcp6Message>> allEdits = new ArrayList<>(p.edits);
            allEdits.addAll(edits);
            List<Duid> allAlso = new ArrayList<>(p.alsoFrom);
            allAlso.addAll(alsoFrom);
            boolean own = delay.isZero();
            out.add(new Response6(p.silent, p.description, p.address, p.prefix, allEdits, allAlso,
                    own ? p.delay : delay, own ? p.delayOnServerClock : delayOnServerClock,
                    truncateTo.isPresent() ? truncateTo : p.truncateTo, List.of()));
        }
        return out;
    }

    boolean isSilent() {
        return silent;
    }

    Optional<Inet6Address> chosenAddress() {
        return address;
    }

    Optional<String> chosenPrefix() {
        return prefix;
    }

    List<Duid> alsoFrom() {
        return alsoFrom;
    }

    Duration delayTime() {
        return delay;
    }

    boolean delayedOnServerClock() {
        return delayOnServerClock;
    }

    /** Applies the edits to the client's message inside any RELAY-REPL layers. */
    Dhcp6Message apply(Dhcp6Message reply) {
        return mapInnermost(reply, m -> {
            Dhcp6Message out = m;
            for (UnaryOperator<Dhcp6Message> e : edits) {
                out = e.apply(out);
            }
            return out;
        });
    }

    /** The encoded bytes, cut when {@link #truncatedTo(int)} asked for it. */
    byte[] malform(byte[] encoded) {
        return truncateTo.isPresent() && truncateTo.getAsInt() < encoded.length
                ? java.util.Arrays.copyOf(encoded, truncateTo.getAsInt()) : encoded;
    }

    /** {@code change} applied to the message inside the relay layers of {@code m}, the layers rebuilt around it. */
    static Dhcp6Message mapInnermost(Dhcp6Message m, UnaryOperator<Dhcp6Message> change) {
        if (!m.isRelay() || m.relayMessage().isEmpty()) {
            return change.apply(m);
        }
        Dhcp6Message inner = mapInnermost(m.relayMessage().get(), change);
        return m.toBuilder().replaceOption(Dhcp6Option.relayMessage(inner)).build();
    }

    @Override
    public String toString() {
        return description;
    }
}
