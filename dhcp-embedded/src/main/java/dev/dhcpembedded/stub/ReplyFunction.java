package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;

/** Full control: build the reply from the request and the context; return null to send nothing. */
@FunctionalInterface
public interface ReplyFunction {

    Reply reply(DhcpMessage request, StubContext context);
}
