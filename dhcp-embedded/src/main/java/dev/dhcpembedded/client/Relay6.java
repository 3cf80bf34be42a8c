package dev.dhcpembedded.client;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.Optional;

/**
 * The relay agent a DHCPv6 client's messages pass through (RFC 8415 section 19.1): each one goes to the server
 * inside a RELAY-FORW with hop count 0, this link address and peer address, and the interface-id when there is
 * one; the answer comes back inside a RELAY-REPL, which {@link #unwrap} opens.
 *
 * @param linkAddress the link address, which tells the server the client's link
 * @param peerAddress the client's address as the relay saw it
 * @param interfaceId the interface-id option's value, or null for none
 */
record Relay6(Inet6Address linkAddress, Inet6Address peerAddress, byte[] interfaceId) {

    Relay6 {
        interfaceId = interfaceId == null ? null : interfaceId.clone();
    }

    Dhcp6Message wrap(Dhcp6Message message) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0)
                .linkAddress(linkAddress).peerAddress(peerAddress);
        if (interfaceId != null) {
            b.option(Dhcp6Option.interfaceId(interfaceId));
        }
        return b.option(Dhcp6Option.relayMessage(message)).build();
    }

    /**
     * The message inside a RELAY-REPL for this relay: one with the peer address it was sent with and the
     * interface-id echoed (RFC 8415 section 19.3).
     *
     * @return the inner message, or empty when {@code received} is not such a RELAY-REPL
     */
    Optional<Dhcp6Message> unwrap(Dhcp6Message received) {
        if (!received.is(Dhcp6MessageType.RELAY_REPL) || !received.peerAddress().equals(peerAddress)) {
            return Optional.empty();
        }
        Optional<byte[]> echoed = received.interfaceId();
        if (interfaceId != null && (echoed.isEmpty() || !Arrays.equals(echoed.get(), interfaceId))) {
            return Optional.empty();
        }
        return received.relayMessage();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Relay6 r && r.linkAddress.equals(linkAddress) && r.peerAddress.equals(peerAddress)
                && Arrays.equals(r.interfaceId, interfaceId);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * linkAddress.hashCode() + peerAddress.hashCode()) + Arrays.hashCode(interfaceId);
    }

    @Override
    public String toString() {
        return "relay link " + Ipv6.format(linkAddress) + " peer " + Ipv6.format(peerAddress)
                + (interfaceId == null ? "" : " interface-id " + new String(interfaceId,
                        java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
