package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;

/** The relay agents a message came through (RFC 8415 section 19): which link it is from, and the way back. */
final class Relays6 {

    private Relays6() {
    }

    /**
     * The link of a message relayed through {@code relays} (outermost first): the first relay from the client
     * outward whose link address lies in a subnet, else the first subnet; empty when a global link address lies in
     * none.
     */
    static Optional<Subnet6Config> link(List<Dhcp6Message> relays, List<Subnet6Config> subnets) {
        for (int i = relays.size() - 1; i >= 0; i--) {
            Inet6Address linkAddress = relays.get(i).linkAddress();
            if (linkAddress.isAnyLocalAddress() || linkAddress.isLinkLocalAddress()) {
                continue;
            }
            for (Subnet6Config s : subnets) {
                if (s.prefix().contains(linkAddress)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
        return Optional.of(subnets.get(0));
    }

    /** {@code reply} wrapped in a RELAY-REPL for each of {@code relays}, each echoing its relay's interface-id. */
    static Dhcp6Message wrap(Dhcp6Message reply, List<Dhcp6Message> relays) {
        Dhcp6Message wrapped = reply;
        for (int i = relays.size() - 1; i >= 0; i--) {
            Dhcp6Message relay = relays.get(i);
            Dhcp6Message.Builder b = Dhcp6Message.builder(Dhcp6MessageType.RELAY_REPL)
                    .hopCount(relay.hopCount()).linkAddress(relay.linkAddress()).peerAddress(relay.peerAddress());
            relay.option(Dhcp6OptionCode.INTERFACE_ID).ifPresent(b::option);
            wrapped = b.option(Dhcp6Option.relayMessage(wrapped)).build();
        }
        return wrapped;
    }
}
