package dev.dhcpembedded.stub;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How often, in which order and in which scenario state a stub answers: its count, its priority and its scenario
 * step. The one definition of these terms for DHCPv4 stubs ({@link Stub}) and DHCPv6 stubs
 * ({@code dev.dhcpembedded.stub6.Stub6}): both narrow their terms with the same methods, fail with the same
 * messages, and the server applies them the same way. An immutable value; each method returns new terms.
 */
public final class StubTerms {

    /** The state every scenario starts in. */
    public static final String STARTED = "Started";

    private static final StubTerms ALWAYS = new StubTerms(0, 0, null, null, null);

    private final int times;
    private final int priority;
    private final String scenario;
    private final String requiredState;
    private final String nextState;

    private StubTerms(int times, int priority, String scenario, String requiredState, String nextState) {
        this.times = times;
        this.priority = priority;
        this.scenario = scenario;
        this.requiredState = requiredState;
        this.nextState = nextState;
    }

    /**
     * The terms of a new stub: it answers every matching request, at priority 0, in no scenario.
     *
     * @return the terms
     */
    public static StubTerms always() {
        return ALWAYS;
    }

    /**
     * Answers {@code n} times, then no more.
     *
     * @param n at least 1
     * @return the narrowed terms
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public StubTerms times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(" + n + "): a stub answers at least once; to have it not"
                    + " answer, do not register it, or remove it with server.removeStub(stub)");
        }
        return new StubTerms(n, priority, scenario, requiredState, nextState);
    }

    /**
     * Higher priorities are tried first (default 0); among equals, the stub registered last wins.
     *
     * @param value the priority, any int
     * @return the narrowed terms
     */
    public StubTerms atPriority(int value) {
        return new StubTerms(times, value, scenario, requiredState, nextState);
    }

    /**
     * A step of scenario {@code name}.
     *
     * @param name the scenario's name, not blank
     * @return the narrowed terms
     * @throws IllegalStateException when the terms are a step of another scenario already
     */
    public StubTerms inScenario(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("inScenario(" + quoted(name) + "): name the scenario");
        }
        if (scenario != null && !scenario.equals(name)) {
            throw new IllegalStateException("inScenario(" + quoted(name) + "): the stub is already in scenario "
                    + quoted(scenario) + "; a stub is a step of one scenario");
        }
        return new StubTerms(times, priority, name, requiredState, nextState);
    }

    /**
     * Matches only while the scenario is in {@code state}; needs {@link #inScenario(String)} first.
     *
     * @param state the state, not blank
     * @return the narrowed terms
     * @throws IllegalStateException when the terms are in no scenario
     */
    public StubTerms whenScenarioStateIs(String state) {
        requireScenario("whenScenarioStateIs", state);
        return new StubTerms(times, priority, scenario, state, nextState);
    }

    /**
     * Moves the scenario to {@code state} on answering; needs {@link #inScenario(String)} first.
     *
     * @param state the state, not blank
     * @return the narrowed terms
     * @throws IllegalStateException when the terms are in no scenario
     */
    public StubTerms willSetStateTo(String state) {
        requireScenario("willSetStateTo", state);
        return new StubTerms(times, priority, scenario, requiredState, state);
    }

    private void requireScenario(String method, String state) {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException(method + "(" + quoted(state) + "): name the state");
        }
        if (scenario == null) {
            throw new IllegalStateException(method + "(" + quoted(state) + ") needs a scenario: call"
                    + " .inScenario(name) before it, e.g. .inScenario(\"boot\")." + method + "(" + quoted(state)
                    + ")");
        }
    }

    /** {@return how many times it answers in all; empty when it answers every matching request} */
    public OptionalInt times() {
        return times == 0 ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /** {@return its priority: higher is tried first} */
    public int priority() {
        return priority;
    }

    /** {@return the scenario it is a step of, if any} */
    public Optional<String> scenario() {
        return Optional.ofNullable(scenario);
    }

    /** {@return the scenario state it needs in order to match, if any} */
    public Optional<String> requiredScenarioState() {
        return Optional.ofNullable(requiredState);
    }

    /** {@return the scenario state it moves to when it answers, if any} */
    public Optional<String> nextScenarioState() {
        return Optional.ofNullable(nextState);
    }

    private static String quoted(String value) {
        return value == null ? "null" : '"' + value + '"';
    }

    /**
     * What the terms add to a stub's description, each part after a comma, e.g.
     * {@code , 2 times, priority 5, scenario "boot" when "Started" then "dropped"}; empty for {@link #always()}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (times > 0) {
            out.append(times == 1 ? ", once" : ", " + times + " times");
        }
        if (priority != 0) {
            out.append(", priority ").append(priority);
        }
        if (scenario != null) {
            out.append(", scenario ").append(quoted(scenario));
            if (requiredState != null) {
                out.append(" when ").append(quoted(requiredState));
            }
            if (nextState != null) {
                out.append(" then ").append(quoted(nextState));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StubTerms t && t.times == times && t.priority == priority
                && java.util.Objects.equals(t.scenario, scenario)
                && java.util.Objects.equals(t.requiredState, requiredState)
                && java.util.Objects.equals(t.nextState, nextState);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(times, priority, scenario, requiredState, nextState);
    }
}
