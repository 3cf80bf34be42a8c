package dev.dhcpembedded.stub;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A complete stub: which requests it answers, its response, how many times it may answer, its priority, and an
 * optional scenario step. An immutable value, built whole and then registered in one step:
 *
 * <pre>{@code
 * server.stub(onDiscover().from(MAC).respond(ignore()).times(2));
 * server.stub(onRequest().respond(nak("address moved")).once());
 * server.stub(onDiscover().respond(ignore()).inScenario("boot").willSetStateTo("dropped"));
 * }</pre>
 *
 * Each method returns a new stub and fails at once on a value or combination that cannot work, saying what to
 * change. What the stub has done at run time (answers given, requests seen) is kept by the server, never here, so
 * one stub value may be registered with several servers.
 */
public final class Stub {

    /** The state every scenario starts in. */
    public static final String STARTED = "Started";

    private final RequestMatcher matcher;
    private final Response response;
    private final int times;
    private final int priority;
    private final String scenario;
    private final String requiredState;
    private final String nextState;

    private Stub(RequestMatcher matcher, Response response, int times, int priority, String scenario,
                 String requiredState, String nextState) {
        this.matcher = matcher;
        this.response = response;
        this.times = times;
        this.priority = priority;
        this.scenario = scenario;
        this.requiredState = requiredState;
        this.nextState = nextState;
    }

    static Stub of(RequestMatcher matcher, Response response) {
        Objects.requireNonNull(response, "response: use ignore() to send nothing");
        return new Stub(matcher, response, 0, 0, null, null, null);
    }

    /** Answers once, then no more. */
    public Stub once() {
        return times(1);
    }

    /**
     * Answers {@code n} times, then no more (by default a stub answers every matching request).
     *
     * @param n at least 1
     * @return the narrowed stub
     */
    public Stub times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(" + n + "): a stub answers at least once; to have it not"
                    + " answer, do not register it, or remove it with server.removeStub(stub)");
        }
        return new Stub(matcher, response, n, priority, scenario, requiredState, nextState);
    }

    /** Higher priorities are tried first (default 0); among equals, the stub registered last wins. */
    public Stub atPriority(int value) {
        return new Stub(matcher, response, times, value, scenario, requiredState, nextState);
    }

    /**
     * Makes this stub a step of scenario {@code name} (as WireMock's scenarios): narrow it further with
     * {@link #whenScenarioStateIs(String)} and {@link #willSetStateTo(String)}.
     */
    public Stub inScenario(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("inScenario(" + quoted(name) + "): name the scenario");
        }
        if (scenario != null && !scenario.equals(name)) {
            throw new IllegalStateException("inScenario(" + quoted(name) + "): the stub is already in scenario "
                    + quoted(scenario) + "; a stub is a step of one scenario");
        }
        return new Stub(matcher, response, times, priority, name, requiredState, nextState);
    }

    /**
     * Matches only while the scenario is in {@code state} ({@link #STARTED} at first). Call it after
     * {@link #inScenario(String)}.
     */
    public Stub whenScenarioStateIs(String state) {
        requireScenario("whenScenarioStateIs", state);
        return new Stub(matcher, response, times, priority, scenario, state, nextState);
    }

    /** Moves the scenario to {@code state} when this stub answers. Call it after {@link #inScenario(String)}. */
    public Stub willSetStateTo(String state) {
        requireScenario("willSetStateTo", state);
        return new Stub(matcher, response, times, priority, scenario, requiredState, state);
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

    /** Which requests it answers. */
    public RequestMatcher matcher() {
        return matcher;
    }

    /** What it sends. */
    public Response response() {
        return response;
    }

    /** How many times it answers in all; empty when it answers every matching request. */
    public OptionalInt times() {
        return times == 0 ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /** Its priority: higher is tried first. */
    public int priority() {
        return priority;
    }

    /** The scenario it is a step of, if any. */
    public Optional<String> scenario() {
        return Optional.ofNullable(scenario);
    }

    /** The scenario state it needs in order to match, if any. */
    public Optional<String> requiredScenarioState() {
        return Optional.ofNullable(requiredState);
    }

    /** The scenario state it moves to when it answers, if any. */
    public Optional<String> nextScenarioState() {
        return Optional.ofNullable(nextState);
    }

    private static String quoted(String value) {
        return value == null ? "null" : '"' + value + '"';
    }

    /** For example {@code DISCOVER from 02:00:00:00:00:42 -> ignore, 2 times}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(matcher.toString()).append(" -> ").append(response.describe());
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
}
