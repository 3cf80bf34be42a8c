package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.stubaccess.StubAccess;
import java.util.List;
import java.util.OptionalInt;

/** What the runtime reads from this package's values, through {@link StubAccess}; installed by {@link Response}. */
final class EngineView implements StubAccess.V4<Response, RequestMatcher, StubContext, Reply> {

    @Override
    public List<Reply> resolve(Response response, DhcpMessage request, StubContext context) {
        return response.resolve(request, context);
    }

    @Override
    public boolean matches(RequestMatcher matcher, DhcpMessage request, boolean arrivedByBroadcast) {
        return matcher.matches(request, arrivedByBroadcast);
    }

    @Override
    public OptionalInt wantedOccurrence(RequestMatcher matcher) {
        return matcher.wantedOccurrence();
    }

    @Override
    public byte[] malform(Reply reply, byte[] encoded) {
        return reply.malform(encoded);
    }
}
