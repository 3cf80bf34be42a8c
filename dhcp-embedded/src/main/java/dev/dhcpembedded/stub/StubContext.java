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

    /** {@return the request being answered} */
    DhcpMessage request();

    /** {@return which request matching the stub's matcher this is, counting from 1} */
    int occurrence();

    /** {@return the client state the request was sent in} */
    RequestState state();

    /** {@return the server's clock now} */
    Instant now();

    /** {@return the RFC 2131 default reply; fails when the server would stay silent, saying why} */
    Reply defaultReply();

    /** {@return the RFC 2131 default reply, or empty when the server would stay silent} */
    Optional<Reply> optionalDefaultReply();

    /**
     * The RFC 2131 default reply as if the server did not do rapid commit (RFC 4039): for a DISCOVER carrying option
     * 80, the OFFER instead of the ACK; for anything else the same as {@link #optionalDefaultReply()}.
     *
     * @return the reply, or empty when the server would stay silent
     */
    default Optional<Reply> optionalDefaultReplyWithoutRapidCommit() {
        return optionalDefaultReply();
    }

    /**
     * An OFFER of {@code address}, held for the client like any offer.
     *
     * @param address a dotted IPv4 address
     * @return the reply
     */
    Reply offer(String address);

    /**
     * An ACK of {@code address}, bound to the client.
     *
     * @param address a dotted IPv4 address
     * @return the reply
     */
    Reply ack(String address);

    /**
     * A NAK carrying {@code message} (option 56).
     *
     * @param message the text, not null; may be empty
     * @return the reply
     */
    Reply nak(String message);
}
