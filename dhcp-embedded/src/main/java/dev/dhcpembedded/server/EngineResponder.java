package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.lease.Arrival;
import dev.dhcpembedded.internal.lease.Decision;
import dev.dhcpembedded.internal.lease.LeaseEngine;
import dev.dhcpembedded.stub.Reply;
import dev.dhcpembedded.stub.StubContext;
import dev.dhcpembedded.stub.StubRegistry;
import java.util.List;
import java.util.Optional;
import dev.dhcpembedded.stub.Response;

/**
 * Stubs first, in their documented order; what no stub answers gets the lease engine's RFC 2131 answer.
 */
final class EngineResponder implements Responder {

    private final LeaseEngine engine;
    private final StubRegistry stubs;

    EngineResponder(LeaseEngine engine, StubRegistry stubs) {
        this.engine = engine;
        this.stubs = stubs;
    }

    @Override
    public Response respond(DhcpMessage request, Arrival arrival) {
        Optional<StubRegistry.Match> match = stubs.find(request, arrival);
        if (match.isPresent()) {
            StubRegistry.Match m = match.get();
            StubContext context = new StubContext(request, arrival, engine, m.occurrence());
            String label = m.stub().toString();
            List<Reply> replies = m.stub().response().resolve(request, context).stream()
                    .map(r -> r.withNote(label + ": " + r.note()))
                    .toList();
            return new Response(replies, label + (replies.isEmpty() ? ": no reply" : ""));
        }
        Decision decision = engine.handle(request, arrival);
        return new Response(decision.reply().map(reply -> List.of(Reply.of(reply, decision.rule())))
                .orElse(List.of()), decision.rule());
    }
}
