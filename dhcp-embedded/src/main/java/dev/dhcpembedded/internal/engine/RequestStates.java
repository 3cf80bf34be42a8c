package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.RequestState;
import dev.dhcpembedded.internal.wire.RequestStateRule;
import dev.dhcpembedded.internal.wire.WireRequest;

/** The state of a request read in place, as {@link RequestStateRule} tells it and {@link RequestState} names it. */
final class RequestStates {

    private static final RequestState[] BY_RULE = RequestState.values();

    private RequestStates() {
    }

    static RequestState of(WireRequest request, boolean arrivedByBroadcast) {
        return BY_RULE[RequestStateRule.of(request, arrivedByBroadcast)];
    }
}
