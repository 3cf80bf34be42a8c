package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.stub.Stub;
import dev.dhcpembedded.stub.StubTerms;
import dev.dhcpembedded.stub6.Stub6;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The stubs of one server, DHCPv4 ({@link Stub}) and DHCPv6 ({@link Stub6}) alike, and everything they do at run
 * time: how often each has answered, how many matching requests each has seen, and the state of each scenario (one
 * set of scenarios for both families). Stubs are tried highest priority first, then the one registered last; a stub
 * that has used up its count, or whose scenario is in another state, is passed over. Both families go through the
 * one {@link #find} path with their {@link StubTerms}. Stubs may be added and removed while the server runs; every
 * method is atomic.
 */
public final class StubRegistry {

    private final List<Registration<?>> registrations = new ArrayList<>();
    private final Map<String, String> scenarioStates = new HashMap<>();
    private int nextId = 1;

    /** Set while the server is stopped (after it ran): stubs cannot be registered then. */
    private volatile boolean stopped;

    /**
     * Tells the registry whether the server is stopped after it ran: a stub registered then would never answer, so
     * {@code add} refuses it. Before the first start stubs are welcome.
     */
    public void serverStopped(boolean stopped) {
        this.stopped = stopped;
    }

    /** Registers a DHCPv4 stub, complete as it is; fails if this registry holds that very stub already. */
    public Stub add(Stub stub) {
        Objects.requireNonNull(stub, "stub: build one with e.g. onDiscover().respond(ignore())");
        return add(Stub.class, stub, stub.terms());
    }

    /** Registers a DHCPv6 stub, complete as it is; fails if this registry holds that very stub already. */
    public Stub6 add(Stub6 stub) {
        Objects.requireNonNull(stub, "stub: build one with e.g. onSolicit().respond(ignore())");
        return add(Stub6.class, stub, stub.terms());
    }

    private synchronized <S> S add(Class<S> family, S stub, StubTerms terms) {
        if (stopped) {
            throw new IllegalStateException("the server was stopped: a stub registered now would never answer; "
                    + "register stubs before stop(), or start() the server again first");
        }
        for (Registration<?> r : registrations) {
            if (r.stub == stub) {
                throw new IllegalStateException("stub #" + r.id + " (" + stub + ") is registered already; build"
                        + " another stub, or removeStub(...) this one first");
            }
        }
        registrations.add(new Registration<>(nextId++, family, stub, terms));
        return stub;
    }

    /** Removes {@code stub} (a {@link Stub} or a {@link Stub6}); false when it was not registered here. */
    public synchronized boolean remove(Object stub) {
        return registrations.removeIf(r -> r.stub == stub);
    }

    /** The stubs of {@code family} ({@code Stub.class} or {@code Stub6.class}) registered, oldest first. */
    public synchronized <S> List<S> stubs(Class<S> family) {
        List<S> out = new ArrayList<>();
        registrations.stream().filter(r -> r.family == family).forEach(r -> out.add(family.cast(r.stub)));
        return out;
    }

    /** The stubs of {@code family} registered that have not answered any request yet, oldest first. */
    public synchronized <S> List<S> unused(Class<S> family) {
        List<S> out = new ArrayList<>();
        registrations.stream().filter(r -> r.family == family && r.answered == 0)
                .forEach(r -> out.add(family.cast(r.stub)));
        return out;
    }

    /** Removes every stub and resets every scenario. */
    public synchronized void clear() {
        registrations.clear();
        scenarioStates.clear();
        nextId = 1;
    }

    /** Whether no stub of {@code family} is registered: then its packet path needs nothing that only stubs use. */
    public synchronized boolean isEmpty(Class<?> family) {
        for (int i = 0; i < registrations.size(); i++) { // indexed: no iterator on the packet path
            if (registrations.get(i).family == family) {
                return false;
            }
        }
        return true;
    }

    /** The state of {@code scenario}: {@link StubTerms#STARTED} until a stub moves it. */
    public synchronized String scenarioState(String scenario) {
        return scenarioStates.getOrDefault(scenario, StubTerms.STARTED);
    }

    /**
     * Finds the DHCPv4 stub that answers {@code request}, counts the request against every stub whose matcher
     * matches it, and uses up one answer of the chosen stub (moving its scenario on).
     */
    public Lookup<Stub> find(DhcpMessage request, boolean arrivedByBroadcast) {
        return find(Stub.class, s -> StubViews.V4.matches(s.matcher(), request, arrivedByBroadcast),
                s -> StubViews.V4.wantedOccurrence(s.matcher()));
    }

    /** {@link #find(DhcpMessage, boolean)} for a DHCPv6 message, as it arrived (relay layers included). */
    public Lookup<Stub6> find(Dhcp6Message received) {
        return find(Stub6.class, s -> StubViews.V6.matches(s.matcher(), received), s -> OptionalInt.empty());
    }

    private synchronized <S> Lookup<S> find(Class<S> family, Predicate<S> matches,
                                            Function<S, OptionalInt> wantedOccurrence) {
        Registration<?> chosen = null;
        int chosenOccurrence = 0;
        boolean present = false;
        for (Registration<?> r : registrations) {
            if (r.family != family) {
                continue;
            }
            present = true;
            S stub = family.cast(r.stub);
            if (!matches.test(stub)) {
                continue;
            }
            int occurrence = ++r.seen;
            boolean rightOccurrence = wantedOccurrence.apply(stub).orElse(occurrence) == occurrence;
            if (r.exhausted() || !rightOccurrence || !inState(r.terms)) {
                continue;
            }
            if (chosen == null || r.terms.priority() >= chosen.terms.priority()) {
                chosen = r;
                chosenOccurrence = occurrence;
            }
        }
        if (chosen == null) {
            return new Lookup<>(Optional.empty(), present);
        }
        chosen.answered++;
        StubTerms terms = chosen.terms;
        terms.nextScenarioState().ifPresent(next -> scenarioStates.put(terms.scenario().orElseThrow(), next));
        return new Lookup<>(Optional.of(new Match<>(family.cast(chosen.stub), chosen.id, chosenOccurrence)), true);
    }

    private boolean inState(StubTerms terms) {
        return terms.requiredScenarioState()
                .map(required -> required.equals(scenarioState(terms.scenario().orElseThrow())))
                .orElse(true);
    }

    /**
     * What {@link #find} found.
     *
     * @param match the stub that answers, if any
     * @param stubsPresent whether any stub of the request's family was registered at all
     * @param <S> {@link Stub} or {@link Stub6}
     */
    public record Lookup<S>(Optional<Match<S>> match, boolean stubsPresent) {

        /** True when stubs were registered and none answered: a request the test may not have expected. */
        public boolean unmatched() {
            return match.isEmpty() && stubsPresent;
        }
    }

    /**
     * A stub chosen for a request.
     *
     * @param stub the stub
     * @param id its registration number in this registry, from 1
     * @param occurrence which request matching its matcher this one is, from 1
     * @param <S> {@link Stub} or {@link Stub6}
     */
    public record Match<S>(S stub, int id, int occurrence) {

        /** How the journal names the stub, e.g. {@code stub #2 (DISCOVER -> ignore, once)}. */
        public String label() {
            return "stub #" + id + " (" + stub + ")";
        }
    }

    private static final class Registration<S> {
        final int id;
        final Class<S> family;
        final S stub;
        final StubTerms terms;
        int seen;
        int answered;

        Registration(int id, Class<S> family, S stub, StubTerms terms) {
            this.id = id;
            this.family = family;
            this.stub = stub;
            this.terms = terms;
        }

        boolean exhausted() {
            return terms.times().isPresent() && answered >= terms.times().getAsInt();
        }
    }
}
