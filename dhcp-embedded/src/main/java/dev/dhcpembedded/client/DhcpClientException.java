package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import java.util.Optional;

/** What went wrong in an exchange the client drove to its end: no reply in time, a NAK, or an unusable ACK. */
public final class DhcpClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DhcpMessage reply;

    DhcpClientException(String message) {
        this(message, null);
    }

    DhcpClientException(String message, DhcpMessage reply) {
        super(message);
        this.reply = reply;
    }

    /** {@return the reply that ended the exchange (the NAK, the unusable ACK), or empty when nothing came back} */
    public Optional<DhcpMessage> reply() {
        return Optional.ofNullable(reply);
    }
}
