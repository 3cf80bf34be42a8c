package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.internal.stubaccess.StubAccess;
import dev.dhcpembedded.stub.Reply;
import dev.dhcpembedded.stub.RequestMatcher;
import dev.dhcpembedded.stub.Response;
import dev.dhcpembedded.stub.StubContext;
import dev.dhcpembedded.stub6.Request6Matcher;
import dev.dhcpembedded.stub6.Response6;

/** The runtime's typed views of the stub DSL: what it reads from stubs that the users' API does not show. */
final class StubViews {

    /** The DHCPv4 DSL's engine-facing side. */
    static final StubAccess.V4<Response, RequestMatcher, StubContext, Reply> V4 = StubAccess.v4(Response.class);

    /** The DHCPv6 DSL's engine-facing side. */
    static final StubAccess.V6<Response6, Request6Matcher> V6 = StubAccess.v6(Response6.class);

    private StubViews() {
    }
}
