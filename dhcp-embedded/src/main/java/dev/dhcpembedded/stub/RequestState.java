package dev.dhcpembedded.stub;

import dev.dhcpembedded.internal.codec.Fields;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.internal.lease.Arrival;

/** The client state a REQUEST was sent in (RFC 2131 §4.3.2), told from its fields. */
public enum RequestState {
    /** 54 and 50 set, ciaddr zero: answering an OFFER. */
    SELECTING,
    /** 50 set, no 54, ciaddr zero: rebooting with a remembered address. */
    INIT_REBOOT,
    /** ciaddr set, no 50/54, unicast to the server. */
    RENEWING,
    /** ciaddr set, no 50/54, broadcast. */
    REBINDING,
    /** Not a REQUEST, or a REQUEST that fits no state. */
    NONE;

    public static RequestState of(DhcpMessage request, Arrival arrival) {
        if (!request.is(MessageType.REQUEST)) {
            return NONE;
        }
        if (request.serverIdentifier().isPresent()) {
            return SELECTING;
        }
        if (request.requestedIpAddress().isPresent()) {
            return Fields.ciaddr(request) == 0 ? INIT_REBOOT : NONE;
        }
        if (Fields.ciaddr(request) != 0) {
            return arrival.broadcast() || request.isBroadcast() ? REBINDING : RENEWING;
        }
        return NONE;
    }
}
