package dev.dhcpembedded.client;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which received DHCPv6 message answers a pending request (RFC 8415 section 16): after the relay's RELAY-REPL is
 * opened, a message of an expected type with its transaction id, this client's DUID and a server identifier.
 */
record ReplyFilter6(int xid, Duid duid, Set<Dhcp6MessageType> types, Optional<Relay6> relay)
        implements Predicate<Dhcp6Message> {

    ReplyFilter6 {
        types = Set.copyOf(types);
    }

    @Override
    public boolean test(Dhcp6Message received) {
        return inner(received).filter(m -> m.transactionId() == xid
                && m.type().map(types::contains).orElse(false)
                && m.clientId().map(duid::equals).orElse(false)
                && m.serverId().isPresent()).isPresent();
    }

    /** {@return the client message in {@code received}: itself, or what the relay's RELAY-REPL carries} */
    Optional<Dhcp6Message> inner(Dhcp6Message received) {
        return relay.isPresent() ? relay.get().unwrap(received)
                : received.isRelay() ? Optional.empty() : Optional.of(received);
    }
}
