package dev.dhcpembedded.stub;

/** The half-made stub between {@code server.stub(matcher)} and {@code .respond(...)}. */
public final class StubRegistration {

    private final StubRegistry registry;
    private final RequestMatcher matcher;

    StubRegistration(StubRegistry registry, RequestMatcher matcher) {
        this.registry = registry;
        this.matcher = matcher;
    }

    /** Registers the stub at once; narrow it with {@code .once()}, {@code .times(n)}, {@code .atPriority(p)}. */
    public Stub respond(Response response) {
        return registry.add(matcher, response);
    }

    /** Full control: {@code respond((request, ctx) -> ctx.defaultReply().withOption(...))}. */
    public Stub respond(ReplyFunction function) {
        return registry.add(matcher, Response.function(function));
    }
}
