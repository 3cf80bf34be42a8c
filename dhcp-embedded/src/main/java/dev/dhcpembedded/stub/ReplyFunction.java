package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;

/** Full control: builds the reply from the request and the context. */
@FunctionalInterface
public interface ReplyFunction {

    /**
     * The reply to send.
     *
     * @param request the client's message
     * @param context the server's defaults and helpers for this request
     * @return the reply, or null to send nothing
     */
    Reply reply(DhcpMessage request, StubContext context);
}
