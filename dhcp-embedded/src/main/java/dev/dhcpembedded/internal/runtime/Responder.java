package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.engine.Arrival;
import dev.dhcpembedded.stub.Reply;
import java.util.List;

/** Decides what goes out for one decoded request: the lease engine's answer, or what a stub scripted. */
public interface Responder {

    Response respond(DhcpMessage request, Arrival arrival);

    /**
     * The replies to send, the note the journal keeps with the request, and whether stubs were registered but
     * none answered it (see {@code DhcpServer.unmatchedRequests()}).
     */
    public record Response(List<Reply> replies, String note, boolean unmatched) {
    }
}
