package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import java.util.Set;
import java.util.function.Predicate;

/** Which received message answers a pending request: a BOOTREPLY with its xid, its chaddr and an expected type. */
record ReplyFilter(int xid, MacAddress mac, Set<MessageType> types) implements Predicate<DhcpMessage> {

    ReplyFilter {
        types = Set.copyOf(types);
    }

    @Override
    public boolean test(DhcpMessage message) {
        return message.op() == DhcpMessage.BOOTREPLY
                && message.xid() == xid
                && message.clientMac().equals(mac)
                && message.messageType().map(types::contains).orElse(false);
    }
}
