package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.stub.Stub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stubs of one server and everything they do at run time: how often each has answered, how many matching
 * requests each has seen, and the state of each scenario. Stubs are tried highest priority first, then the one
 * registered last; a stub that has used up its count, or whose scenario is in another state, is passed over.
 * Stubs may be added and removed while the server runs; every method is atomic.
 */
public final class StubRegistry {

    private final List<Registration> registrations = new ArrayList<>();
    private final Map<String, String> scenarioStates = new HashMap<>();
    private int nextId = 1;

    /** Registers {@code stub}, complete as it is; fails if this registry holds that very stub already. */
    public synchronized Stub add(Stub stub) {
        Objects.requireNonNull(stub, "stub: build one with e.g. onDiscover().respond(ignore())");
        for (Registration r : registrations) {
            if (r.stub == stub) {
                throw new IllegalStateException("stub #" + r.id + " (" + stub + ") is registered already; build"
                        + " another stub, or removeStub(...) this one first");
            }
        }
        registrations.add(new Registration(nextId++, stub));
        return stub;
    }

    /** Removes {@code stub}; false when it was not registered here. */
    public synchronized boolean remove(Stub stub) {
        return registrations.removeIf(r -> r.stub == stub);
    }

    /** The stubs registered, oldest first. */
    public synchronized List<Stub> stubs() {
        List<Stub> out = new ArrayList<>();
        registrations.forEach(r -> out.add(r.stub));
        return out;
    }

    /** The stubs registered that have not answered any request yet, oldest first. */
    public synchronized List<Stub> unused() {
        List<Stub> out = new ArrayList<>();
        registrations.stream().filter(r -> r.answered == 0).forEach(r -> out.add(r.stub));
        return out;
    }

    /** Removes every stub and resets every scenario. */
    public synchronized void clear() {
        registrations.clear();
        scenarioStates.clear();
        nextId = 1;
    }

    /** Whether no stub is registered: then the packet path needs nothing that only stubs use. */
    public synchronized boolean isEmpty() {
        return registrations.isEmpty();
    }

    /** The state of {@code scenario}: {@link Stub#STARTED} until a stub moves it. */
    public synchronized String scenarioState(String scenario) {
        return scenarioStates.getOrDefault(scenario, Stub.STARTED);
    }

    /**
     * Finds the stub that answers {@code request}, counts the request against every stub whose matcher matches
     * it, and uses up one answer of the chosen stub (moving its scenario on).
     */
    public synchronized Lookup find(DhcpMessage request, boolean arrivedByBroadcast) {
        Registration chosen = null;
        int chosenOccurrence = 0;
        for (Registration r : registrations) {
            Stub stub = r.stub;
            if (!stub.matcher().matches(request, arrivedByBroadcast)) {
                continue;
            }
            int occurrence = ++r.seen;
            boolean rightOccurrence = stub.matcher().wantedOccurrence().orElse(occurrence) == occurrence;
            if (r.exhausted() || !rightOccurrence || !inState(stub)) {
                continue;
            }
            if (chosen == null || stub.priority() >= chosen.stub.priority()) {
                chosen = r;
                chosenOccurrence = occurrence;
            }
        }
        if (chosen == null) {
            return new Lookup(Optional.empty(), !registrations.isEmpty());
        }
        chosen.answered++;
        Stub stub = chosen.stub;
        stub.nextScenarioState().ifPresent(next -> scenarioStates.put(stub.scenario().orElseThrow(), next));
        return new Lookup(Optional.of(new Match(stub, chosen.id, chosenOccurrence)), true);
    }

    private boolean inState(Stub stub) {
        return stub.requiredScenarioState()
                .map(required -> required.equals(scenarioState(stub.scenario().orElseThrow())))
                .orElse(true);
    }

    /**
     * What {@link #find} found.
     *
     * @param match the stub that answers, if any
     * @param stubsPresent whether any stub was registered at all
     */
    public record Lookup(Optional<Match> match, boolean stubsPresent) {

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
     */
    public record Match(Stub stub, int id, int occurrence) {

        /** How the journal names the stub, e.g. {@code stub #2 (DISCOVER -> ignore, once)}. */
        public String label() {
            return "stub #" + id + " (" + stub + ")";
        }
    }

    private static final class Registration {
        final int id;
        final Stub stub;
        int seen;
        int answered;

        Registration(int id, Stub stub) {
            this.id = id;
            this.stub = stub;
        }

        boolean exhausted() {
            return stub.times().isPresent() && answered >= stub.times().getAsInt();
        }
    }
}
