package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.internal.engine6.Arrival6;
import dev.dhcpembedded.internal.engine6.Decision6;
import dev.dhcpembedded.internal.engine6.Lease6Engine;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.stub6.Response6;
import dev.dhcpembedded.stub6.Stub6;
import java.util.ArrayList;
import java.util.List;

/**
 * The DHCPv6 twin of {@link EngineResponder}: the server's stubs first, through the same {@link StubRegistry} path
 * as DHCPv4's (counts, priorities, scenarios); what no stub answers gets the lease engine's RFC 8415 answer.
 */
public final class Engine6Responder {

    private final Lease6Engine engine;
    private final StubRegistry stubs;

    public Engine6Responder(Lease6Engine engine, StubRegistry stubs) {
        this.engine = engine;
        this.stubs = stubs;
    }

    /**
     * What goes out for one message.
     *
     * @param replies the replies in sending order; empty to send nothing
     * @param stubResponse the stub's response that shaped them (its malformation applies), null when no stub
     *        answered
     * @param note the note the journal keeps with the request
     * @param unmatched whether DHCPv6 stubs were registered but none answered
     * @param shapes for each reply, the response (of a sequence: the part) that shaped it; empty without a stub
     */
    public record Answer(List<Dhcp6Message> replies, Response6 stubResponse, String note, boolean unmatched,
                         List<Response6> shapes) {

        /** Without a stub, or with one response shaping every reply. */
        public Answer(List<Dhcp6Message> replies, Response6 stubResponse, String note, boolean unmatched) {
            this(replies, stubResponse, note, unmatched,
                    stubResponse == null ? List.of() : replies.stream().map(r -> stubResponse).toList());
        }

        /**
         * Reply {@code i} alone, with the response that shaped it (a sequence's replies each have their own delay
         * and malformation).
         */
        public Answer part(int i) {
            Response6 shape = shapes.isEmpty() ? stubResponse : shapes.get(i);
            return new Answer(List.of(replies.get(i)), shape, note, unmatched, shape == null ? List.of()
                    : List.of(shape));
        }

        /** How long the replies are held back: the stub's delay, zero without a stub. */
        public java.time.Duration delay() {
            return stubResponse == null ? java.time.Duration.ZERO : StubViews.V6.delay(stubResponse);
        }

        /** Whether {@link #delay()} runs on the server's clock. */
        public boolean delayOnServerClock() {
            return stubResponse != null && StubViews.V6.delayOnServerClock(stubResponse);
        }

        /** The bytes to send for a reply encoded as {@code encoded}: the stub's malformation applied. */
        public byte[] malform(byte[] encoded) {
            return stubResponse == null ? encoded : StubViews.V6.malform(stubResponse, encoded);
        }
    }

    public Answer respond(Dhcp6Message request, Arrival6 arrival) {
        StubRegistry.Lookup<Stub6> lookup = stubs.find(request);
        if (lookup.dropped() != null) {
            return new Answer(List.of(), null, lookup.dropped(), true);
        }
        if (lookup.match().isEmpty()) { // the engine alone
            Decision6 decision = engine.handle(request, arrival);
            return new Answer(decision.reply().map(List::of).orElse(List.of()), null, decision.rule(),
                    lookup.unmatched());
        }
        StubRegistry.Match<Stub6> match = lookup.match().get();
        Response6 response = match.stub().response();
        List<Response6> steps = StubViews.V6.steps(response);
        List<Dhcp6Message> plan = new ArrayList<>();
        List<Response6> shapes = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (Response6 step : steps) {
            if (StubViews.V6.isSilent(step)) {
                continue;
            }
            Decision6 decision = engine.handle(withHints(request, step), arrival);
            rules.add(decision.rule());
            decision.reply().ifPresent(reply -> {
                Dhcp6Message shaped = StubViews.V6.apply(step, reply);
                plan.add(shaped);
                shapes.add(step);
                for (Duid other : StubViews.V6.alsoFrom(step)) {
                    plan.add(StubViews.V6.mapInnermost(shaped, m -> m.toBuilder()
                            .replaceOption(Dhcp6Option.serverId(other)).build()));
                    shapes.add(step);
                }
            });
        }
        String note = match.label() + ": " + (rules.isEmpty() ? "no reply" : String.join("; then ", rules));
        return new Answer(plan, response, note, false, shapes);
    }

    /** The request with the response's chosen address and prefix as the client's hints in its IAs. */
    private static Dhcp6Message withHints(Dhcp6Message request, Response6 response) {
        if (StubViews.V6.chosenAddress(response).isEmpty() && StubViews.V6.chosenPrefix(response).isEmpty()) {
            return request;
        }
        return StubViews.V6.mapInnermost(request, m -> {
            Dhcp6Message.Builder b = m.toBuilder().clearOptions();
            for (Dhcp6Option o : m.options()) {
                if (o.code() == Dhcp6OptionCode.IA_NA && StubViews.V6.chosenAddress(response).isPresent()) {
                    IaNa ia = o.asIaNa();
                    b.option(Dhcp6Option.iaNa(IaNa.of(ia.iaid(), ia.t1(), ia.t2(), Dhcp6Option.iaAddress(
                            IaAddress.of(StubViews.V6.chosenAddress(response).get(), 0, 0)))));
                } else if (o.code() == Dhcp6OptionCode.IA_PD && StubViews.V6.chosenPrefix(response).isPresent()) {
                    IaPd ia = o.asIaPd();
                    String p = StubViews.V6.chosenPrefix(response).get();
                    int slash = p.indexOf('/');
                    b.option(Dhcp6Option.iaPd(IaPd.of(ia.iaid(), ia.t1(), ia.t2(), Dhcp6Option.iaPrefix(
                            IaPrefix.of(Ipv6.parse(p.substring(0, slash)), Integer.parseInt(p.substring(slash + 1)),
                                    0, 0)))));
                } else {
                    b.option(o);
                }
            }
            return b.build();
        });
    }
}
