package dev.dhcpembedded.report;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.SubOption;
import dev.dhcpembedded.internal.wire.Hex;
import java.util.ArrayList;
import java.util.List;

/** A decoded DHCPv4 message as fields: the BOOTP header, then each option with its value as people read it. */
final class Fields4 {

    private static final int RELAY_AGENT_INFORMATION = 82;

    private Fields4() {
    }

    static Field of(DhcpMessage m) {
        String type = m.messageType().map(t -> t.wiresharkName()).orElse("BOOTP");
        Field.Fields f = new Field.Fields()
                .add("Message type", m.op() == DhcpMessage.BOOTREQUEST ? "Boot Request (1)"
                        : m.op() == DhcpMessage.BOOTREPLY ? "Boot Reply (2)" : "(" + m.op() + ")")
                .add("Hardware type", String.format("0x%02x%s", m.htype(), m.htype() == 1 ? " (Ethernet)" : ""))
                .add("Hardware address length", m.hlen())
                .add("Hops", m.hops())
                .add("Transaction ID", String.format("0x%08x", m.xid()))
                .add("Seconds elapsed", m.secs())
                .add("Bootp flags", String.format("0x%04x (%s)", m.flags(), m.isBroadcast() ? "Broadcast" : "Unicast"))
                .add("Client IP address (ciaddr)", m.ciaddr().getHostAddress())
                .add("Your (client) IP address (yiaddr)", m.yiaddr().getHostAddress())
                .add("Next server IP address (siaddr)", m.siaddr().getHostAddress())
                .add("Relay agent IP address (giaddr)", m.giaddr().getHostAddress())
                .add("Client hardware address (chaddr)", m.hlen() == 6 ? m.clientMac().toString()
                        : Hex.of(m.chaddr()))
                .add("Server host name (sname)", m.sname().isEmpty() ? "not given" : '"' + m.sname() + '"')
                .add("Boot file name (file)", m.file().isEmpty() ? "not given" : '"' + m.file() + '"');
        for (DhcpOption option : m.options()) {
            f.add(option(option));
        }
        return Field.group("Dynamic Host Configuration Protocol", "(" + type + ")", f.list());
    }

    static Field option(DhcpOption option) {
        String label = "Option (" + option.code().code() + ") " + option.code().name();
        List<Field> children = new ArrayList<>();
        children.add(Field.of("Length", option.length()));
        if (option.code().code() == RELAY_AGENT_INFORMATION) {
            try {
                for (SubOption sub : option.asSubOptions()) {
                    children.add(Field.of("Sub-option", sub.toString()));
                }
            } catch (RuntimeException malformed) {
                children.add(Field.of("Sub-options", "malformed: " + malformed.getMessage()));
            }
        }
        children.add(Field.of("Value (hex)", option.length() == 0 ? "empty" : Hex.of(option.value())));
        return Field.group(label, option.valueText(), children);
    }
}
