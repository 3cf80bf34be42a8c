package dev.dhcpembedded.stub6;

import java.util.Objects;
import java.util.OptionalInt;

/** A DHCPv6 stub: a matcher, a response and how many times it answers (every time unless told). Immutable. */
public final class Stub6 {

    private final Request6Matcher matcher;
    private final Response6 response;
    private final OptionalInt times;

    Stub6(Request6Matcher matcher, Response6 response) {
        this(matcher, response, OptionalInt.empty());
    }

    private Stub6(Request6Matcher matcher, Response6 response, OptionalInt times) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.response = Objects.requireNonNull(response, "response");
        this.times = times;
    }

    /** Answers the first match only. */
    public Stub6 once() {
        return times(1);
    }

    /** Answers the first {@code n} matches, then steps aside. */
    public Stub6 times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a stub answers at least once, got " + n);
        }
        return new Stub6(matcher, response, OptionalInt.of(n));
    }

    public Request6Matcher matcher() {
        return matcher;
    }

    public Response6 response() {
        return response;
    }

    public OptionalInt times() {
        return times;
    }

    @Override
    public String toString() {
        return "on " + matcher + " respond " + response + times.stream().mapToObj(n -> " x" + n).findFirst()
                .orElse("");
    }
}
