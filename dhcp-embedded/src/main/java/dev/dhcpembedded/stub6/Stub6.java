package dev.dhcpembedded.stub6;

import dev.dhcpembedded.stub.StubTerms;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A complete DHCPv6 stub: which messages it answers, its response, how many times it may answer, its priority, and
 * an optional scenario step; the DHCPv6 twin of {@link dev.dhcpembedded.stub.Stub}, with the same
 * {@link StubTerms}. An immutable value, built whole and then registered in one step:
 *
 * <pre>{@code
 * server.stub(onSolicit().fromDuid(duid).respond(ignore()).times(2));
 * server.stub(onRequest().respond(noAddrsAvail()).inScenario("boot").willSetStateTo("refused"));
 * }</pre>
 *
 * What the stub has done at run time is kept by the server, never here; scenarios are shared with the DHCPv4 stubs
 * of the same server.
 */
public final class Stub6 {

    private final Request6Matcher matcher;
    private final Response6 response;
    private final StubTerms terms;

    Stub6(Request6Matcher matcher, Response6 response) {
        this(matcher, response, StubTerms.always());
    }

    private Stub6(Request6Matcher matcher, Response6 response, StubTerms terms) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.response = Objects.requireNonNull(response, "response: use ignore() to send nothing");
        this.terms = terms;
    }

    /**
     * Answers once, then no more.
     *
     * @return the narrowed stub
     */
    public Stub6 once() {
        return times(1);
    }

    /**
     * Answers {@code n} times, then no more (by default a stub answers every matching message).
     *
     * @param n at least 1
     * @return the narrowed stub
     */
    public Stub6 times(int n) {
        return new Stub6(matcher, response, terms.times(n));
    }

    /**
     * Higher priorities are tried first (default 0); among equals, the stub registered last wins.
     *
     * @param value the priority, any int
     * @return the narrowed stub
     */
    public Stub6 atPriority(int value) {
        return new Stub6(matcher, response, terms.atPriority(value));
    }

    /**
     * Makes this stub a step of scenario {@code name}, as {@link dev.dhcpembedded.stub.Stub#inScenario}.
     *
     * @param name the scenario's name, not blank; shared with the DHCPv4 stubs of the same server
     * @return the narrowed stub
     */
    public Stub6 inScenario(String name) {
        return new Stub6(matcher, response, terms.inScenario(name));
    }

    /**
     * Matches only while the scenario is in {@code state}. Call it after {@link #inScenario(String)}.
     *
     * @param state the scenario state this stub needs
     * @return the narrowed stub
     */
    public Stub6 whenScenarioStateIs(String state) {
        return new Stub6(matcher, response, terms.whenScenarioStateIs(state));
    }

    /**
     * Moves the scenario to {@code state} when this stub answers. Call it after {@link #inScenario(String)}.
     *
     * @param state the scenario state to move to
     * @return the narrowed stub
     */
    public Stub6 willSetStateTo(String state) {
        return new Stub6(matcher, response, terms.willSetStateTo(state));
    }

    /** {@return which messages it answers} */
    public Request6Matcher matcher() {
        return matcher;
    }

    /** {@return what it sends} */
    public Response6 response() {
        return response;
    }

    /** {@return its count, priority and scenario step} */
    public StubTerms terms() {
        return terms;
    }

    /** {@return how many times it answers in all; empty when it answers every matching message} */
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

    /** For example {@code SOLICIT from DUID 00:03:00:01:02:00:00:00:00:01 -> ignore, 2 times}. */
    @Override
    public String toString() {
        return matcher + " -> " + response + terms;
    }
}
