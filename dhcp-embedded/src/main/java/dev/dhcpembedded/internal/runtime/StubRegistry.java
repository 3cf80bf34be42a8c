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
    /** The rule queues registered, oldest first (one of a family may have rules left at a time). */
    private final List<Queue> queues = new ArrayList<>();
    /** The families ({@code Stub.class}, {@code Stub6.class}) that drop what no stub answers. */
    private final java.util.Set<Class<?>> droppingUnscripted = new java.util.HashSet<>();
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

    /**
     * Registers {@code rules} as an ordered queue of {@code family}: only its head may answer, and it leaves the
     * queue once it has used up its count (once, unless the stub says {@code times(n)}). A strict queue drops
     * every request its head does not match; a lenient one lets other stubs and the engine answer those. Fails
     * when the family has a queue with rules left, or when a rule is registered already.
     */
    public synchronized <S> Queue addQueue(Class<S> family, List<S> rules, boolean strict,
                                           Function<S, StubTerms> terms) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a stub queue needs at least one rule, e.g. onDiscover()"
                    + ".respond(offer())");
        }
        queues.removeIf(Queue::consumed); // their handles keep what they need
        for (Queue q : queues) {
            if (q.family == family) {
                throw new IllegalStateException("a " + describe(family) + " stub queue has rules left ("
                        + q.remaining(family) + "); one queue of a family runs at a time: let it be consumed, or"
                        + " resetStubs() first");
            }
        }
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (S rule : rules) {
            Objects.requireNonNull(rule, "a rule of the queue is null");
            if (!seen.add(rule)) {
                throw new IllegalArgumentException("rule " + rule + " is twice in the queue; build another stub");
            }
        }
        for (Registration<?> r : registrations) { // refused before any rule is registered: all or nothing
            if (seen.contains(r.stub)) {
                throw new IllegalStateException("stub #" + r.id + " (" + r.stub + ") is registered already; build"
                        + " another stub for the queue, or removeStub(...) this one first");
            }
        }
        Queue queue = new Queue(family, strict);
        for (S rule : rules) {
            add(family, rule, terms.apply(rule));
            Registration<?> r = registrations.get(registrations.size() - 1);
            r.queue = queue;
            queue.rules.add(r);
        }
        queues.add(queue);
        return queue;
    }

    /** Whether {@code family} drops what no stub answers (rather than letting the engine answer it). */
    public synchronized void dropUnscripted(Class<?> family, boolean drop) {
        if (drop) {
            droppingUnscripted.add(family);
        } else {
            droppingUnscripted.remove(family);
        }
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
        queues.forEach(q -> q.rules.clear());
        queues.clear();
        droppingUnscripted.clear();
        scenarioStates.clear();
        nextId = 1;
    }

    /** Whether no stub of {@code family} is registered: then its packet path needs nothing that only stubs use. */
    public synchronized boolean isEmpty(Class<?> family) {
        if (droppingUnscripted.contains(family)) {
            return false;
        }
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
        Queue queue = activeQueue(family);
        Registration<?> head = queue == null ? null : queue.head(registrations);
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
            if (r.exhausted() || !rightOccurrence || !inState(r.terms) || (r.queue != null && r != head)) {
                continue;
            }
            if (r == head) { // the queue's head answers before any other stub (the others still count it)
                chosen = r;
                chosenOccurrence = occurrence;
                continue;
            }
            if (chosen == null || chosen != head && r.terms.priority() >= chosen.terms.priority()) {
                chosen = r;
                chosenOccurrence = occurrence;
            }
        }
        if (queue != null && queue.strict && chosen != head) {
            return new Lookup<>(Optional.empty(), true, "dropped by the strict stub queue: its head, rule "
                    + (queue.rules.indexOf(head) + 1) + " of " + queue.rules.size() + " (" + label(head)
                    + "), does not match");
        }
        if (chosen == null) {
            String dropped = droppingUnscripted.contains(family) ? "dropped: no stub answers it, and "
                    + describe(family) + " answers only what stubs script (dropUnscripted)" : null;
            return new Lookup<>(Optional.empty(), present || dropped != null, dropped);
        }
        chosen.answered++;
        StubTerms terms = chosen.terms;
        terms.nextScenarioState().ifPresent(next -> scenarioStates.put(terms.scenario().orElseThrow(), next));
        return new Lookup<>(Optional.of(new Match<>(family.cast(chosen.stub), chosen.id, chosenOccurrence)), true,
                null);
    }

    private Queue activeQueue(Class<?> family) {
        for (Queue q : queues) {
            if (q.family == family && q.head(registrations) != null) {
                return q;
            }
        }
        return null;
    }

    private static String label(Registration<?> r) {
        return "stub #" + r.id + " (" + r.stub + ")";
    }

    private static String describe(Class<?> family) {
        return family == Stub.class ? "DHCPv4" : "DHCPv6";
    }

    private boolean inState(StubTerms terms) {
        return terms.requiredScenarioState()
                .map(required -> required.equals(scenarioState(terms.scenario().orElseThrow())))
                .orElse(true);
    }

    /**
     * A queue of rules ({@link #addQueue}) as it runs: what the server's {@code StubQueue} handle reads.
     */
    public final class Queue {
        private final Class<?> family;
        private final boolean strict;
        private final List<Registration<?>> rules = new ArrayList<>();

        private Queue(Class<?> family, boolean strict) {
            this.family = family;
            this.strict = strict;
        }

        /** The first rule still registered that has not used up its count; null once consumed. */
        private Registration<?> head(List<Registration<?>> registered) {
            for (Registration<?> r : rules) {
                if (!r.exhausted() && registered.contains(r)) {
                    return r;
                }
            }
            return null;
        }

        /** Whether every rule has answered (or was removed). */
        public boolean consumed() {
            synchronized (StubRegistry.this) {
                return head(registrations) == null;
            }
        }

        /** Whether requests its head does not match are dropped. */
        public boolean strict() {
            return strict;
        }

        /** The rules not yet used up, head first. */
        public <S> List<S> remaining(Class<S> type) {
            synchronized (StubRegistry.this) {
                List<S> out = new ArrayList<>();
                Registration<?> head = head(registrations);
                boolean from = false;
                for (Registration<?> r : rules) {
                    from |= r == head;
                    if (from && registrations.contains(r) && !r.exhausted()) {
                        out.add(type.cast(r.stub));
                    }
                }
                return out;
            }
        }

        /** Every rule, in queue order. */
        public <S> List<S> rules(Class<S> type) {
            synchronized (StubRegistry.this) {
                return rules.stream().map(r -> type.cast(r.stub)).toList();
            }
        }
    }

    /**
     * What {@link #find} found.
     *
     * @param match the stub that answers, if any
     * @param stubsPresent whether any stub of the request's family was registered at all
     * @param dropped why the request gets no answer at all (a strict queue, or dropUnscripted), else null
     * @param <S> {@link Stub} or {@link Stub6}
     */
    public record Lookup<S>(Optional<Match<S>> match, boolean stubsPresent, String dropped) {

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
        /** The queue it is a rule of, if any: then it answers once unless its terms give a count. */
        Queue queue;

        Registration(int id, Class<S> family, S stub, StubTerms terms) {
            this.id = id;
            this.family = family;
            this.stub = stub;
            this.terms = terms;
        }

        boolean exhausted() {
            int limit = terms.times().orElse(queue != null ? 1 : 0);
            return limit > 0 && answered >= limit;
        }
    }
}
