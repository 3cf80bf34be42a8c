package dev.dhcpembedded.stub;

import dev.dhcpembedded.internal.codec.Fields;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.codec.Hex;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.lease.Arrival;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which requests a stub answers: {@code onDiscover().from("02:00:00:00:00:42")}. Immutable; each method returns a
 * narrower matcher. {@link #occurrence(int)} picks the n-th request that matches everything else.
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

    public static RequestMatcher onDiscover() {
        return new RequestMatcher(MessageType.DISCOVER, List.of(), 0);
    }

    public static RequestMatcher onRequest() {
        return new RequestMatcher(MessageType.REQUEST, List.of(), 0);
    }

    public static RequestMatcher onDecline() {
        return new RequestMatcher(MessageType.DECLINE, List.of(), 0);
    }

    public static RequestMatcher onRelease() {
        return new RequestMatcher(MessageType.RELEASE, List.of(), 0);
    }

    public static RequestMatcher onInform() {
        return new RequestMatcher(MessageType.INFORM, List.of(), 0);
    }

    public static RequestMatcher onMessage(MessageType type) {
        return new RequestMatcher(type, List.of(), 0);
    }

    /** Any message a client sends. */
    public static RequestMatcher onAnyMessage() {
        return new RequestMatcher(null, List.of(), 0);
    }

    /** From the client with this MAC (chaddr). */
    public RequestMatcher from(String mac) {
        MacAddress wanted = MacAddress.parse(mac);
        return with("from " + wanted, (m, a) -> wanted.equals(m.clientMac()));
    }

    /** From the client sending this client identifier (61), type byte first. */
    public RequestMatcher withClientId(byte[] clientId) {
        byte[] wanted = clientId.clone();
        return with("client-id " + Hex.of(wanted),
                (m, a) -> m.clientIdentifier().map(id -> Arrays.equals(id, wanted)).orElse(false));
    }

    public RequestMatcher withOption(OptionCode code) {
        return with("with option " + code.code(), (m, a) -> m.hasOption(code));
    }

    /** Carrying exactly this option value. */
    public RequestMatcher withOption(DhcpOption option) {
        return with("with " + option, (m, a) -> m.option(option.code()).map(option::equals).orElse(false));
    }

    public RequestMatcher relayed() {
        return with("relayed", (m, a) -> Fields.giaddr(m) != 0);
    }

    public RequestMatcher notRelayed() {
        return with("not relayed", (m, a) -> Fields.giaddr(m) == 0);
    }

    /** A REQUEST in this client state. */
    public RequestMatcher inState(RequestState state) {
        return with("in " + state, (m, a) -> RequestState.of(m, a) == state);
    }

    public RequestMatcher matching(String description, Predicate<DhcpMessage> predicate) {
        return with(description, (m, a) -> predicate.test(m));
    }

    /** Only the n-th request (from 1) that matches the rest of this matcher. */
    public RequestMatcher occurrence(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("occurrences count from 1, got " + n);
        }
        return new RequestMatcher(type, criteria, n);
    }

    /** Whether the request matches everything but the occurrence. */
    boolean matchesIgnoringOccurrence(DhcpMessage request, Arrival arrival) {
        if (type != null && !request.is(type)) {
            return false;
        }
        for (Criterion criterion : criteria) {
            if (!criterion.test.test(request, arrival)) {
                return false;
            }
        }
        return true;
    }

    int occurrence() {
        return occurrence;
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
        boolean test(DhcpMessage message, Arrival arrival);
    }

    private record Criterion(String description, Test test) {
    }
}
