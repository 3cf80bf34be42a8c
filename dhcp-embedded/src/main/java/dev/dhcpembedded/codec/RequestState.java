package dev.dhcpembedded.codec;

import dev.dhcpembedded.internal.wire.RequestStateRule;

import java.net.Inet4Address;

/**
 * The client state a REQUEST was sent in (RFC 2131 §4.3.2), told from its fields and how it arrived. This is the
 * one classifier of the project: the lease engine, the stub matchers ({@code onRequest().inState(RENEWING)}) and
 * the RFC 2131 conformance check all call {@link #of(DhcpMessage, boolean)}. The rule, in order:
 * <ol>
 *   <li>server identifier (54) present: {@link #SELECTING};</li>
 *   <li>requested IP address (50) present, ciaddr zero: {@link #INIT_REBOOT};</li>
 *   <li>ciaddr set, neither 50 nor 54: {@link #REBINDING} if it arrived by broadcast or through a relay (giaddr
 *       set), otherwise {@link #RENEWING};</li>
 *   <li>anything else: {@link #NONE}.</li>
 * </ol>
 * The broadcast flag does not decide: it says how the client wants the reply sent, not where it sent the request.
 */
public enum RequestState {
    /** 54 present (with 50, and ciaddr zero, when the client follows the RFC): answering an OFFER. */
    SELECTING("SELECTING"),
    /** 50 present, no 54, ciaddr zero: rebooting with a remembered address. */
    INIT_REBOOT("INIT-REBOOT"),
    /** ciaddr set, no 50/54, unicast to the server and not relayed. */
    RENEWING("RENEWING"),
    /** ciaddr set, no 50/54, broadcast or relayed. */
    REBINDING("REBINDING"),
    /** Not a REQUEST, or a REQUEST that fits no state. */
    NONE("no RFC 2131 state");

    /** The constants in {@link RequestStateRule}'s order. */
    private static final RequestState[] BY_RULE = values();

    private final String rfcName;

    RequestState(String rfcName) {
        this.rfcName = rfcName;
    }

    /**
     * The state {@code request} was sent in.
     *
     * @param request a message from a client
     * @param arrivedByBroadcast whether it reached the server as a broadcast (to 255.255.255.255 or a directed
     *     broadcast address) rather than unicast to the server's address
     * @return the state, or {@link #NONE} for anything but a REQUEST that fits a state
     */
    public static RequestState of(DhcpMessage request, boolean arrivedByBroadcast) {
        return BY_RULE[RequestStateRule.of(request.is(MessageType.REQUEST),
                request.serverIdentifier().isPresent(), request.requestedIpAddress().isPresent(),
                isSet(request.ciaddr()), isSet(request.giaddr()), arrivedByBroadcast)];
    }

    /** {@return the name RFC 2131 gives the state, e.g. {@code INIT-REBOOT}; the journal's notes use it} */
    public String rfcName() {
        return rfcName;
    }

    private static boolean isSet(Inet4Address address) {
        return !address.isAnyLocalAddress();
    }
}
