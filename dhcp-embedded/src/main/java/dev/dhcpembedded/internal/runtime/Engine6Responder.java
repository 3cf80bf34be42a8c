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
     */
    public record Answer(List<Dhcp6Message> replies, Response6 stubResponse, String note, boolean unmatched) {

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
        if (lookup.match().isEmpty()) { // the engine alone
            Decision6 decision = engine.handle(request, arrival);
            return new Answer(decision.reply().map(List::of).orElse(List.of()), null, decision.rule(),
                    lookup.unmatched());
        }
        StubRegistry.Match<Stub6> match = lookup.match().get();
        Response6 response = match.stub().response();
        if (StubViews.V6.isSilent(response)) {
            return new Answer(List.of(), response, match.label() + ": no reply", false);
        }
        Decision6 decision = engine.handle(withHints(request, response), arrival);
        List<Dhcp6Message> plan = new ArrayList<>();
        decision.reply().ifPresent(reply -> {
            Dhcp6Message shaped = StubViews.V6.apply(response, reply);
            plan.add(shaped);
            for (Duid other : StubViews.V6.alsoFrom(response)) {
                plan.add(StubViews.V6.mapInnermost(shaped, m -> m.toBuilder()
                        .replaceOption(Dhcp6Option.serverId(other)).build()));
            }
        });
        return new Answer(plan, response, match.label() + ": " + decision.rule(), false);
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
