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

    /** The state every scenario starts in (the same as {@link StubTerms#STARTED}). */
    public static final String STARTED = StubTerms.STARTED;

    private final RequestMatcher matcher;
    private final Response response;
    private final StubTerms terms;

    private Stub(RequestMatcher matcher, Response response, StubTerms terms) {
        this.matcher = matcher;
        this.response = response;
        this.terms = terms;
    }

    static Stub of(RequestMatcher matcher, Response response) {
        Objects.requireNonNull(response, "response: use ignore() to send nothing");
        return new Stub(matcher, response, StubTerms.always());
    }

    /**
     * Answers once, then no more.
     *
     * @return the narrowed stub
     */
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
        return new Stub(matcher, response, terms.times(n));
    }

    /**
     * Higher priorities are tried first (default 0); among equals, the stub registered last wins.
     *
     * @param value the priority, any int; negative ones are tried after the default
     * @return the narrowed stub
     */
    public Stub atPriority(int value) {
        return new Stub(matcher, response, terms.atPriority(value));
    }

    /**
     * Makes this stub a step of scenario {@code name} (as WireMock's scenarios): narrow it further with
     * {@link #whenScenarioStateIs(String)} and {@link #willSetStateTo(String)}.
     *
     * @param name the scenario's name; stubs with the same name share one state
     * @return the narrowed stub
     */
    public Stub inScenario(String name) {
        return new Stub(matcher, response, terms.inScenario(name));
    }

    /**
     * Matches only while the scenario is in {@code state} ({@link #STARTED} at first). Call it after
     * {@link #inScenario(String)}.
     *
     * @param state the scenario state this stub needs
     * @return the narrowed stub
     */
    public Stub whenScenarioStateIs(String state) {
        return new Stub(matcher, response, terms.whenScenarioStateIs(state));
    }

    /**
     * Moves the scenario to {@code state} when this stub answers. Call it after {@link #inScenario(String)}.
     *
     * @param state the scenario state to move to
     * @return the narrowed stub
     */
    public Stub willSetStateTo(String state) {
        return new Stub(matcher, response, terms.willSetStateTo(state));
    }

    /** {@return which requests it answers} */
    public RequestMatcher matcher() {
        return matcher;
    }

    /** {@return what it sends} */
    public Response response() {
        return response;
    }

    /** {@return its count, priority and scenario step, as {@link StubTerms} (shared with DHCPv6 stubs)} */
    public StubTerms terms() {
        return terms;
    }

    /** {@return how many times it answers in all; empty when it answers every matching request} */
    public OptionalInt times() {
        return terms.times();
    }

    /** {@return its priority: higher is tried first} */
    public int priority() {
        return terms.priority();
    }

    /** {@return the scenario it is a step of, if any} */
    public Optional<String> scenario() {
        return terms.scenario();
    }

    /** {@return the scenario state it needs in order to match, if any} */
    public Optional<String> requiredScenarioState() {
        return terms.requiredScenarioState();
    }

    /** {@return the scenario state it moves to when it answers, if any} */
    public Optional<String> nextScenarioState() {
        return terms.nextScenarioState();
    }

    /** For example {@code DISCOVER from 02:00:00:00:00:42 -> ignore, 2 times}. */
    @Override
    public String toString() {
        return matcher + " -> " + response.describe() + terms;
    }
}
