package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import java.util.List;

/**
 * A matcher and a response, with how many times it may answer, its priority, and an optional scenario step.
 * Registered by {@code server.stub(matcher).respond(response)}; the count and scenario can be set right after:
 * {@code .times(2)}, {@code .once()}.
 */
public final class Stub {

    /** The state every scenario starts in. */
    public static final String STARTED = "Started";

    private final int id;
    private final RequestMatcher matcher;
    private final Response response;
    private volatile int remaining = -1;
    private volatile int priority;
    private volatile String scenario;
    private volatile String requiredState;
    private volatile String nextState;
    private int seen;

    Stub(int id, RequestMatcher matcher, Response response) {
        this.id = id;
        this.matcher = matcher;
        this.response = response;
    }

    /** Answers once, then no more. */
    public Stub once() {
        return times(1);
    }

    /** Answers {@code n} times, then no more. */
    public Stub times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(" + n + "): a stub answers at least once");
        }
        remaining = n;
        return this;
    }

    /** Answers every matching request (the default). */
    public Stub always() {
        remaining = -1;
        return this;
    }

    /** Higher priorities are tried first (default 0); among equals, the newest stub wins. */
    public Stub atPriority(int value) {
        priority = value;
        return this;
    }

    /** Makes this stub a step of scenario {@code name} (WireMock's scenarios). */
    public Stub inScenario(String name) {
        scenario = name;
        return this;
    }

    /** Matches only while the scenario is in {@code state} ({@link #STARTED} at first). */
    public Stub whenScenarioStateIs(String state) {
        requiredState = state;
        return this;
    }

    /** Moves the scenario to {@code state} when this stub answers. */
    public Stub willSetStateTo(String state) {
        nextState = state;
        return this;
    }

    public int id() {
        return id;
    }

    public RequestMatcher matcher() {
        return matcher;
    }

    public Response response() {
        return response;
    }

    public int priority() {
        return priority;
    }

    /** How many more times it answers; -1 for always. */
    public int remaining() {
        return remaining;
    }

    String scenario() {
        return scenario;
    }

    String requiredState() {
        return requiredState;
    }

    String nextState() {
        return nextState;
    }

    /** Counts a request that matched everything but the occurrence; returns the count. Registry lock held. */
    int see() {
        return ++seen;
    }

    int seen() {
        return seen;
    }

    boolean exhausted() {
        return remaining == 0;
    }

    void use() {
        int left = remaining;
        if (left > 0) {
            remaining = left - 1;
        }
    }

    List<Reply> resolve(DhcpMessage request, StubContext context) {
        return response.resolve(request, context);
    }

    @Override
    public String toString() {
        return "stub #" + id + " (" + matcher + " -> " + response.describe() + ")";
    }
}
