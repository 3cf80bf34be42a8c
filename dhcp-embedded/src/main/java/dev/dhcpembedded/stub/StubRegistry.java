package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.lease.Arrival;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stubs of one server, in a defined order: highest priority first, then the most recently added. A stub
 * that has used up its count, or whose scenario is in another state, is passed over. Stubs may be added and
 * removed while the server runs.
 */
public final class StubRegistry {

    private final List<Stub> stubs = new ArrayList<>();
    private final Map<String, String> scenarioStates = new HashMap<>();
    private int nextId = 1;

    /** Starts a stub for requests that {@code matcher} matches. */
    public StubRegistration stub(RequestMatcher matcher) {
        return new StubRegistration(this, matcher);
    }

    public synchronized Stub add(RequestMatcher matcher, Response response) {
        Stub stub = new Stub(nextId++, matcher, response);
        stubs.add(stub);
        return stub;
    }

    public synchronized boolean remove(Stub stub) {
        return stubs.remove(stub);
    }

    public synchronized List<Stub> stubs() {
        return new ArrayList<>(stubs);
    }

    public synchronized void clear() {
        stubs.clear();
        scenarioStates.clear();
        nextId = 1;
    }

    public synchronized String scenarioState(String scenario) {
        return scenarioStates.getOrDefault(scenario, Stub.STARTED);
    }

    public synchronized void setScenarioState(String scenario, String state) {
        scenarioStates.put(scenario, state);
    }

    /** The stub that answers {@code request}, if any, with the occurrence count of its matcher; uses it up. */
    public synchronized Optional<Match> find(DhcpMessage request, Arrival arrival) {
        Stub chosen = null;
        int chosenOccurrence = 0;
        for (Stub stub : stubs) {
            if (!stub.matcher().matchesIgnoringOccurrence(request, arrival)) {
                continue;
            }
            int occurrence = stub.see();
            int wanted = stub.matcher().occurrence();
            if (stub.exhausted() || (wanted > 0 && wanted != occurrence) || !inState(stub)) {
                continue;
            }
            if (chosen == null || stub.priority() > chosen.priority()
                    || (stub.priority() == chosen.priority() && stub.id() > chosen.id())) {
                chosen = stub;
                chosenOccurrence = occurrence;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        chosen.use();
        if (chosen.scenario() != null && chosen.nextState() != null) {
            scenarioStates.put(chosen.scenario(), chosen.nextState());
        }
        return Optional.of(new Match(chosen, chosenOccurrence));
    }

    private boolean inState(Stub stub) {
        return stub.scenario() == null || stub.requiredState() == null
                || stub.requiredState().equals(scenarioState(stub.scenario()));
    }

    /** A stub chosen for a request, and which occurrence of its matcher the request was. */
    public record Match(Stub stub, int occurrence) {
    }
}
