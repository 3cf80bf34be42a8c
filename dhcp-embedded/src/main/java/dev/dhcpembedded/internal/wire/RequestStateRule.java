package dev.dhcpembedded.internal.wire;

/**
 * The one place that tells the RFC 2131 §4.3.2 state of a REQUEST, as a number: the public {@code RequestState}
 * (whose constants are in this order) and the lease engine, which reads requests in place, both ask it. The rule, in
 * order: 54 present: SELECTING; 50 present and ciaddr zero: INIT-REBOOT; ciaddr set and neither 50 nor 54:
 * REBINDING when broadcast or relayed, else RENEWING; anything else: none.
 */
public final class RequestStateRule {

    public static final int SELECTING = 0;
    public static final int INIT_REBOOT = 1;
    public static final int RENEWING = 2;
    public static final int REBINDING = 3;
    public static final int NONE = 4;

    private RequestStateRule() {
    }

    /** The state from what decides it: message type, 54 and 50 present, ciaddr and giaddr set, broadcast. */
    public static int of(boolean isRequest, boolean hasServerId, boolean hasRequestedIp, boolean ciaddrSet,
                         boolean giaddrSet, boolean arrivedByBroadcast) {
        if (!isRequest) {
            return NONE;
        }
        if (hasServerId) {
            return SELECTING;
        }
        if (hasRequestedIp) {
            return ciaddrSet ? NONE : INIT_REBOOT;
        }
        if (ciaddrSet) {
            return arrivedByBroadcast || giaddrSet ? REBINDING : RENEWING;
        }
        return NONE;
    }

    /** The state of {@code request} as read on the wire. */
    public static int of(WireRequest request, boolean arrivedByBroadcast) {
        return of(request.messageType() == 3, request.has(54), request.has(50), request.ciaddr() != 0,
                request.giaddr() != 0, arrivedByBroadcast);
    }
}
