package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.RequestState;

import dev.dhcpembedded.codec.DhcpMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * What a scripted response may ask the server for while it answers one request: the RFC 2131 default reply, an
 * OFFER or ACK of a given address, a NAK, and which occurrence of the stub's matcher this request is. Given to a
 * {@link ReplyFunction}; valid only during that call.
 */
public interface StubContext {

    /** The request being answered. */
    DhcpMessage request();

    /** Which request matching the stub's matcher this is, counting from 1. */
    int occurrence();

    /** The client state the request was sent in. */
    RequestState state();

    /** The server's clock now. */
    Instant now();

    /** The RFC 2131 default reply; fails when the server would stay silent, saying why. */
    Reply defaultReply();

    /** The RFC 2131 default reply, or empty when the server would stay silent. */
    Optional<Reply> optionalDefaultReply();

    /**
     * The RFC 2131 default reply as if the server did not do rapid commit (RFC 4039): for a DISCOVER carrying option
     * 80, the OFFER instead of the ACK; for anything else the same as {@link #optionalDefaultReply()}.
     */
    default Optional<Reply> optionalDefaultReplyWithoutRapidCommit() {
        return optionalDefaultReply();
    }

    /** An OFFER of {@code address}, held for the client like any offer. */
    Reply offer(String address);

    /** An ACK of {@code address}, bound to the client. */
    Reply ack(String address);

    /** A NAK carrying {@code message} (option 56). */
    Reply nak(String message);
}
