package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.engine.Arrival;
import dev.dhcpembedded.internal.engine.Decision;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.stub.Reply;
import dev.dhcpembedded.stub.Stub;
import java.util.List;

/**
 * Stubs first, in their documented order; what no stub answers gets the lease engine's RFC 2131 answer, unless a
 * strict stub queue or {@code dropUnscripted} drops it.
 */
public final class EngineResponder implements Responder {

    private final LeaseEngine engine;
    private final StubRegistry stubs;

    public EngineResponder(LeaseEngine engine, StubRegistry stubs) {
        this.engine = engine;
        this.stubs = stubs;
    }

    @Override
    public Response respond(DhcpMessage request, Arrival arrival) {
        StubRegistry.Lookup<Stub> lookup = stubs.find(request, arrival.broadcast());
        if (lookup.dropped() != null) { // a strict queue or dropUnscripted: no answer at all
            return new Response(List.of(), lookup.dropped(), true);
        }
        if (lookup.match().isPresent()) {
            StubRegistry.Match<Stub> m = lookup.match().get();
            EngineStubContext context = new EngineStubContext(request, arrival, engine, m.occurrence());
            String label = m.label();
            List<Reply> replies = StubViews.V4.resolve(m.stub().response(), request, context).stream()
                    .map(r -> r.withNote(label + ": " + r.note()))
                    .toList();
            return new Response(replies, label + (replies.isEmpty() ? ": no reply" : ""), false);
        }
        Decision decision = engine.handle(request, arrival);
        return new Response(decision.reply().map(reply -> List.of(Reply.of(reply, decision.rule())))
                .orElse(List.of()), decision.rule(), lookup.unmatched());
    }
}
