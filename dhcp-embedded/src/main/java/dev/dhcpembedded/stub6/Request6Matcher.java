package dev.dhcpembedded.stub6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which DHCPv6 messages a stub answers. Immutable: each refinement returns a new matcher. A relayed message is
 * matched by the client's message inside its relay layers.
 *
 * <pre>{@code
 * server.stub(onSolicit().fromDuid(duid).respond(ignore()).times(2));
 * }</pre>
 */
public final class Request6Matcher {

    private record Condition(String description, Predicate<Dhcp6Message> outer, Predicate<Dhcp6Message> inner) {
    }

    private final List<Condition> conditions;

    private Request6Matcher(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /**
     * Messages of {@code type} (inside any relay layers).
     *
     * @param type the message type, not null
     * @return the matcher
     */
    public static Request6Matcher on(Dhcp6MessageType type) {
        Objects.requireNonNull(type, "type");
        return new Request6Matcher(List.of(new Condition(type.rfcName(), m -> true, m -> m.is(type))));
    }

    /**
     * Every DHCPv6 message.
     *
     * @return the matcher
     */
    public static Request6Matcher onAny() {
        return new Request6Matcher(List.of(new Condition("any message", m -> true, m -> true)));
    }

    /** {@return a matcher of SOLICIT messages (1, RFC 8415 section 18.2.1)} */
    public static Request6Matcher onSolicit() {
        return on(Dhcp6MessageType.SOLICIT);
    }

    /** {@return a matcher of REQUEST messages (3, RFC 8415 section 18.2.2)} */
    public static Request6Matcher onRequest() {
        return on(Dhcp6MessageType.REQUEST);
    }

    /** {@return a matcher of RENEW messages (5, RFC 8415 section 18.2.4)} */
    public static Request6Matcher onRenew() {
        return on(Dhcp6MessageType.RENEW);
    }

    /** {@return a matcher of REBIND messages (6, RFC 8415 section 18.2.5)} */
    public static Request6Matcher onRebind() {
        return on(Dhcp6MessageType.REBIND);
    }

    /** {@return a matcher of RELEASE messages (8, RFC 8415 section 18.2.7)} */
    public static Request6Matcher onRelease() {
        return on(Dhcp6MessageType.RELEASE);
    }

    /** {@return a matcher of DECLINE messages (9, RFC 8415 section 18.2.8)} */
    public static Request6Matcher onDecline() {
        return on(Dhcp6MessageType.DECLINE);
    }

    /** {@return a matcher of CONFIRM messages (4, RFC 8415 section 18.2.3)} */
    public static Request6Matcher onConfirm() {
        return on(Dhcp6MessageType.CONFIRM);
    }

    /** {@return a matcher of INFORMATION-REQUEST messages (11, RFC 8415 section 18.2.6)} */
    public static Request6Matcher onInformationRequest() {
        return on(Dhcp6MessageType.INFORMATION_REQUEST);
    }

    private Request6Matcher and(Condition c) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(c);
        return new Request6Matcher(more);
    }

    /**
     * From the client with this DUID (option 1).
     *
     * @param duid the client's DUID
     * @return the narrower matcher
     */
    public Request6Matcher fromDuid(Duid duid) {
        Objects.requireNonNull(duid, "duid");
        return and(new Condition("from DUID " + duid, m -> true,
                m -> m.clientId().map(duid::equals).orElse(false)));
    }

    /**
     * Carrying an IA_NA or IA_PD with this IAID.
     *
     * @param iaid the IAID, an unsigned 32-bit value
     * @return the narrower matcher
     */
    public Request6Matcher withIaid(long iaid) {
        return and(new Condition("with IAID " + iaid, m -> true, m -> m.iaNa().stream().anyMatch(i -> i.iaid() == iaid)
                || m.iaPd().stream().anyMatch(i -> i.iaid() == iaid)));
    }

    /**
     * Carrying option {@code code} (in the client's message), whatever its value.
     *
     * @param code the option's code
     * @return the narrower matcher
     */
    public Request6Matcher withOption(Dhcp6OptionCode code) {
        Objects.requireNonNull(code, "code");
        return and(new Condition("with option " + code.code(), m -> true, m -> m.hasOption(code)));
    }

    /**
     * Not carrying option {@code code} (in the client's message): {@code onSolicit().withoutOption(RAPID_COMMIT)}.
     *
     * @param code the option's code
     * @return the narrower matcher
     */
    public Request6Matcher withoutOption(Dhcp6OptionCode code) {
        Objects.requireNonNull(code, "code");
        return and(new Condition("without option " + code.code(), m -> true, m -> !m.hasOption(code)));
    }

    /**
     * Carrying exactly this option value (in the client's message).
     *
     * @param option the option, code and value
     * @return the narrower matcher
     */
    public Request6Matcher withOption(Dhcp6Option option) {
        Objects.requireNonNull(option, "option");
        return and(new Condition("with " + option, m -> true,
                m -> m.options(option.code()).contains(option)));
    }

    /**
     * Arrived through a relay agent (RELAY-FORW).
     *
     * @return the narrower matcher
     */
    public Request6Matcher relayed() {
        return and(new Condition("relayed", Dhcp6Message::isRelay, m -> true));
    }

    /**
     * Any test on the client's message, with a description for failure messages.
     *
     * @param description names the test
     * @param test the test, given the client's message inside any relay layers
     * @return the narrower matcher
     */
    public Request6Matcher matching(String description, Predicate<Dhcp6Message> test) {
        Objects.requireNonNull(test, "test");
        return and(new Condition(description, m -> true, test));
    }

    /** Whether {@code received} (as it arrived, relay layers included) matches. */
    boolean matches(Dhcp6Message received) {
        Dhcp6Message inner = received.innermost();
        for (Condition c : conditions) {
            if (!c.outer().test(received) || !c.inner().test(inner)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The complete stub: this matcher and {@code response}, answering every match until given a count.
     *
     * @param response what to send
     * @return the stub, not yet registered
     */
    public Stub6 respond(Response6 response) {
        return new Stub6(this, response);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Condition c : conditions) {
            out.append(out.length() == 0 ? "" : " ").append(c.description());
        }
        return out.toString();
    }
}
