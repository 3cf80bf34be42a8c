package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.RequestState;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.NetbootClient;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Which requests a stub answers: {@code onDiscover().from("02:00:00:00:00:42")}. Immutable; each method returns a
 * narrower matcher. {@link #occurrence(int)} picks the n-th request that matches everything else. Finish a stub
 * with {@link #respond(Response)}: {@code server.stub(onDiscover().from(MAC).respond(ignore()).once())}.
 */
public final class RequestMatcher {

    private final MessageType type;
    private final List<Criterion> criteria;
    private final int occurrence;

    private RequestMatcher(MessageType type, List<Criterion> criteria, int occurrence) {
        this.type = type;
        this.criteria = List.copyOf(criteria);
        this.occurrence = occurrence;
    }

    /**
     * DHCPDISCOVER messages.
     *
     * @return the matcher
     */
    public static RequestMatcher onDiscover() {
        return new RequestMatcher(MessageType.DISCOVER, List.of(), 0);
    }

    /**
     * DHCPREQUEST messages, in any state; narrow with {@link #inState(RequestState)}.
     *
     * @return the matcher
     */
    public static RequestMatcher onRequest() {
        return new RequestMatcher(MessageType.REQUEST, List.of(), 0);
    }

    /**
     * DHCPDECLINE messages.
     *
     * @return the matcher
     */
    public static RequestMatcher onDecline() {
        return new RequestMatcher(MessageType.DECLINE, List.of(), 0);
    }

    /**
     * DHCPRELEASE messages.
     *
     * @return the matcher
     */
    public static RequestMatcher onRelease() {
        return new RequestMatcher(MessageType.RELEASE, List.of(), 0);
    }

    /**
     * DHCPINFORM messages.
     *
     * @return the matcher
     */
    public static RequestMatcher onInform() {
        return new RequestMatcher(MessageType.INFORM, List.of(), 0);
    }

    /**
     * Messages of {@code type}.
     *
     * @param type the message type, not null (use {@link #onAnyMessage()} for any)
     * @return the matcher
     */
    public static RequestMatcher onMessage(MessageType type) {
        Objects.requireNonNull(type, "type; for any message use onAnyMessage()");
        return new RequestMatcher(type, List.of(), 0);
    }

    /**
     * Any message a client sends.
     *
     * @return the matcher
     */
    public static RequestMatcher onAnyMessage() {
        return new RequestMatcher(null, List.of(), 0);
    }

    /**
     * From the client with this MAC (chaddr).
     *
     * @param mac the MAC address, e.g. {@code 02:00:00:00:00:42}
     * @return the narrower matcher
     */
    public RequestMatcher from(String mac) {
        MacAddress wanted = MacAddress.parse(mac);
        return with("from " + wanted, (m, a) -> wanted.equals(m.clientMac()));
    }

    /**
     * From the client sending this client identifier (61), type byte first.
     *
     * @param clientId the identifier's bytes, copied
     * @return the narrower matcher
     */
    public RequestMatcher withClientId(byte[] clientId) {
        byte[] wanted = clientId.clone();
        return with("client-id " + Hex.of(wanted),
                (m, a) -> m.clientIdentifier().map(id -> Arrays.equals(id, wanted)).orElse(false));
    }

    /**
     * Carrying option {@code code}, whatever its value.
     *
     * @param code the option's code
     * @return the narrower matcher
     */
    public RequestMatcher withOption(OptionCode code) {
        return with("with option " + code.code(), (m, a) -> m.hasOption(code));
    }

    /**
     * Not carrying option {@code code}: {@code onDiscover().withoutOption(OptionCode.RAPID_COMMIT)}.
     *
     * @param code the option's code
     * @return the narrower matcher
     */
    public RequestMatcher withoutOption(OptionCode code) {
        Objects.requireNonNull(code, "code");
        return with("without option " + code.code(), (m, a) -> !m.hasOption(code));
    }

    /**
     * Carrying exactly this option value.
     *
     * @param option the option, code and value
     * @return the narrower matcher
     */
    public RequestMatcher withOption(DhcpOption option) {
        return with("with " + option, (m, a) -> m.option(option.code()).map(option::equals).orElse(false));
    }

    /**
     * Forwarded by a relay agent (giaddr set).
     *
     * @return the narrower matcher
     */
    public RequestMatcher relayed() {
        return with("relayed", (m, a) -> !m.giaddr().isAnyLocalAddress());
    }

    /**
     * Straight from the client (giaddr zero).
     *
     * @return the narrower matcher
     */
    public RequestMatcher notRelayed() {
        return with("not relayed", (m, a) -> m.giaddr().isAnyLocalAddress());
    }

    /**
     * A REQUEST in this client state, as {@link RequestState#of(DhcpMessage, boolean)} tells it.
     *
     * @param state the client state (RFC 2131 section 4.3.2)
     * @return the narrower matcher
     */
    public RequestMatcher inState(RequestState state) {
        Objects.requireNonNull(state, "state");
        return with("in " + state.rfcName(), (m, broadcast) -> RequestState.of(m, broadcast) == state);
    }

    /**
     * From a netboot client: a PXE ROM (option 60 {@code PXEClient...}), a UEFI HTTP boot client ({@code
     * HTTPClient...}) or iPXE (user class 77 {@code iPXE}, or option 175), as the server's netboot answer tells them.
     *
     * @return the narrower matcher
     */
    public RequestMatcher pxe() {
        return with("from a netboot client", (m, a) -> NetbootClient.kind(value(m, NetbootClient.VENDOR_CLASS),
                value(m, NetbootClient.USER_CLASS), m.option(NetbootClient.IPXE_OPTIONS).isPresent())
                != NetbootClient.NONE);
    }

    /**
     * From a client of this system architecture (option 93, RFC 4578 §2.1; else the {@code Arch:} of option 60),
     * e.g. 0 for BIOS x86, 7 for x64 UEFI, 16 for x64 UEFI HTTP boot.
     *
     * @param architecture the processor architecture type
     * @return the narrower matcher
     */
    public RequestMatcher withArchitecture(int architecture) {
        return with("architecture " + architecture, (m, a) -> NetbootClient.architecture(
                value(m, NetbootClient.ARCHITECTURE), value(m, NetbootClient.VENDOR_CLASS)) == architecture);
    }

    private static byte[] value(DhcpMessage message, int code) {
        return message.option(code).map(DhcpOption::value).orElse(null);
    }

    /**
     * Any test of the message; {@code description} names it in the journal and in failure messages.
     *
     * @param description names the test
     * @param predicate the test
     * @return the narrower matcher
     */
    public RequestMatcher matching(String description, Predicate<DhcpMessage> predicate) {
        return with(description, (m, a) -> predicate.test(m));
    }

    /**
     * Only the n-th request (from 1) that matches the rest of this matcher.
     *
     * @param n the occurrence, from 1
     * @return the narrower matcher
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public RequestMatcher occurrence(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("occurrences count from 1, got " + n);
        }
        return new RequestMatcher(type, criteria, n);
    }

    /**
     * Finishes a stub: requests this matcher matches get {@code response}. Nothing is registered yet; narrow the
     * stub ({@link Stub#once()}, {@link Stub#atPriority(int)}, ...) and pass it to {@code server.stub(...)}.
     *
     * @param response what to send
     * @return the stub, not yet registered
     */
    public Stub respond(Response response) {
        return Stub.of(this, response);
    }

    /**
     * Finishes a stub with full control: {@code respond((request, ctx) -> ctx.defaultReply().withOption(...))}.
     *
     * @param function makes the reply from the request and a {@link StubContext}
     * @return the stub, not yet registered
     */
    public Stub respond(ReplyFunction function) {
        return Stub.of(this, Response.function(function));
    }

    /**
     * Whether {@code request} matches everything but {@link #occurrence(int)}, which counts requests and so is
     * kept by the server that registered the stub.
     *
     * @param request a message from a client
     * @param arrivedByBroadcast whether it reached the server as a broadcast; decides {@link #inState}
     * @return true when the type and every criterion match
     */
    boolean matches(DhcpMessage request, boolean arrivedByBroadcast) {
        if (type != null && !request.is(type)) {
            return false;
        }
        for (Criterion criterion : criteria) {
            if (!criterion.test.test(request, arrivedByBroadcast)) {
                return false;
            }
        }
        return true;
    }

    /** The n set by {@link #occurrence(int)}, if any. */
    OptionalInt wantedOccurrence() {
        return occurrence == 0 ? OptionalInt.empty() : OptionalInt.of(occurrence);
    }

    private RequestMatcher with(String description, Test test) {
        List<Criterion> more = new ArrayList<>(criteria);
        more.add(new Criterion(description, test));
        return new RequestMatcher(type, more, occurrence);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(type == null ? "any message" : type.name());
        criteria.forEach(c -> out.append(' ').append(c.description));
        if (occurrence > 0) {
            out.append(" (occurrence ").append(occurrence).append(')');
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface Test {
        boolean test(DhcpMessage message, boolean arrivedByBroadcast);
    }

    private record Criterion(String description, Test test) {
    }
}
