package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.lease.Arrival;
import dev.dhcpembedded.lease.Decision;
import dev.dhcpembedded.lease.LeaseEngine;
import java.util.List;

/** The RFC default: whatever the lease engine decides. */
final class EngineResponder implements Responder {

    private final LeaseEngine engine;

    EngineResponder(LeaseEngine engine) {
        this.engine = engine;
    }

    @Override
    public Response respond(DhcpMessage request, Arrival arrival) {
        Decision decision = engine.handle(request, arrival);
        return new Response(decision.reply().map(reply -> List.of(PlannedReply.now(reply, decision.rule())))
                .orElse(List.of()), decision.rule());
    }
}
