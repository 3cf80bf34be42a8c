package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import java.util.Optional;

/**
 * What went wrong in an exchange a test client drove to its end: no reply in time, a NAK, an unusable ACK, or a
 * DHCPv6 ADVERTISE or REPLY without a usable address or prefix.
 */
public final class DhcpClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DhcpMessage reply;
    private final transient Dhcp6Message reply6;

    DhcpClientException(String message) {
        this(message, null, null);
    }

    DhcpClientException(String message, DhcpMessage reply) {
        this(message, reply, null);
    }

    DhcpClientException(String message, Dhcp6Message reply6) {
        this(message, null, reply6);
    }

    private DhcpClientException(String message, DhcpMessage reply, Dhcp6Message reply6) {
        super(message);
        this.reply = reply;
        this.reply6 = reply6;
    }

    /**
     * {@return the DHCPv4 reply that ended the exchange (the NAK, the unusable ACK), or empty when nothing came back
     * or the client is a {@link Dhcp6TestClient}}
     */
    public Optional<DhcpMessage> reply() {
        return Optional.ofNullable(reply);
    }

    /**
     * {@return the DHCPv6 reply that ended the exchange (an ADVERTISE or REPLY without an address or prefix, e.g.
     * with NoAddrsAvail), as it came from the server or out of its RELAY-REPL; empty when nothing came back or the
     * client is a {@link DhcpTestClient}}
     */
    public Optional<Dhcp6Message> reply6() {
        return Optional.ofNullable(reply6);
    }
}
