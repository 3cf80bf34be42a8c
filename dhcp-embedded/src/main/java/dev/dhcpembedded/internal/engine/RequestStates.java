package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.internal.wire.WireRequest;
import dev.dhcpembedded.codec.RequestState;

/** The one place that tells the RFC 2131 §4.3.2 state of a REQUEST ({@link RequestState#of} asks it too). */
public final class RequestStates {

    private RequestStates() {
    }

    /** The state from what decides it: message type, 54 and 50 present, ciaddr and giaddr set, broadcast. */
    public static RequestState of(boolean isRequest, boolean hasServerId, boolean hasRequestedIp, boolean ciaddrSet,
                                  boolean giaddrSet, boolean arrivedByBroadcast) {
        if (!isRequest) {
            return RequestState.NONE;
        }
        if (hasServerId) {
            return RequestState.SELECTING;
        }
        if (hasRequestedIp) {
            return ciaddrSet ? RequestState.NONE : RequestState.INIT_REBOOT;
        }
        if (ciaddrSet) {
            return arrivedByBroadcast || giaddrSet ? RequestState.REBINDING : RequestState.RENEWING;
        }
        return RequestState.NONE;
    }

    /** The state of {@code request} as read on the wire. */
    static RequestState of(WireRequest request, boolean arrivedByBroadcast) {
        return of(request.messageType() == 3, request.has(54), request.has(50), request.ciaddr() != 0,
                request.giaddr() != 0, arrivedByBroadcast);
    }
}
