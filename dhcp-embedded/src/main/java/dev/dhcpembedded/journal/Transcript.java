package dev.dhcpembedded.journal;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.wire.RouterAdvertisement;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Lines such as {@code 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x3d1d}, and for DHCPv6
 * {@code [::1]:546 -> [::1]:547 DHCPv6 Solicit XID: 0x100874 CID: 000100011c39cf88080027fe8f95}, and for Router
 * Solicitations and Advertisements {@code fe80::1 -> ff02::1 ICMPv6 Router Advertisement from 02:00:00:00:00:01}.
 */
public final class Transcript {

    private Transcript() {
    }

    /**
     * One entry as a line.
     *
     * @param entry a journal entry
     * @return e.g. {@code 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x3d1d}, the decode
     *         error for a datagram that is no valid message, or for a transport event e.g.
     *         {@code transport eth1: channel to agent dhcp-agent-1a2b closed: ...}
     */
    public static String line(JournalEntry entry) {
        String line = body(entry);
        int kept = entry.kind() == JournalEntry.Kind.TRANSPORT ? 0 : entry.bytes().length;
        return entry.originalLength() > kept && kept > 0
                ? line + " [journal kept " + kept + " of " + entry.originalLength() + " bytes]" : line;
    }

    private static String body(JournalEntry entry) {
        if (entry.kind() == JournalEntry.Kind.TRANSPORT) {
            return "transport " + entry.interfaceName() + ": " + entry.note();
        }
        StringBuilder out = new StringBuilder();
        if (entry.isIcmp6()) {
            return out.append(Ipv6.format(entry.source().getAddress())).append(" -> ")
                    .append(Ipv6.format(entry.destination().getAddress())).append(" ICMPv6 ")
                    .append(RouterAdvertisement.info(entry.bytes())).toString();
        }
        out.append(endpoint(entry.source())).append(" -> ").append(endpoint(entry.destination())).append(' ');
        if (entry.isTftp()) {
            return out.append(entry.note()).toString();
        }
        // a rejected request, or a reply a stub malformed on purpose: the decode error, as Wireshark shows it
        if (entry.isV6()) {
            Optional<Dhcp6Message> decoded6 = entry.message6();
            if (decoded6.isEmpty()) {
                entry.error().ifPresent(e -> out.append("DHCPv6 [Malformed Packet: ").append(e.reason())
                        .append(" at offset ").append(e.offset()).append(']'));
                return out.toString();
            }
            out.append("DHCPv6 ");
            Dhcp6Message m = decoded6.get();
            while (m.isRelay()) {
                out.append(m.type().orElseThrow().wiresharkName()).append(" L: ")
                        .append(Ipv6.format(m.linkAddress())).append(' ');
                Optional<Dhcp6Message> inner = m.relayMessage();
                if (inner.isEmpty()) {
                    return out.toString().stripTrailing();
                }
                m = inner.get();
            }
            out.append(m.type().map(Dhcp6MessageType::wiresharkName).orElse("Unknown (" + m.messageCode() + ")"))
                    .append(String.format(" XID: 0x%06x", m.transactionId()));
            m.clientId().ifPresent(d -> out.append(" CID: ").append(d.hex()));
            return out.toString();
        }
        Optional<DhcpMessage> decoded = entry.message();
        if (decoded.isEmpty()) {
            entry.error().ifPresent(e -> out.append("DHCP [Malformed Packet: ").append(e.reason())
                    .append(" at offset ").append(e.offset()).append(']'));
            return out.toString();
        }
        DhcpMessage message = decoded.get();
        out.append(message.messageType().map(t -> "DHCP " + t.wiresharkName()).orElse("BOOTP"))
                .append(" - Transaction ID 0x").append(Integer.toHexString(message.xid()));
        return out.toString();
    }

    /**
     * Entries as lines.
     *
     * @param entries journal entries
     * @return one {@link #line(JournalEntry) line} per entry
     */
    public static String of(List<JournalEntry> entries) {
        StringBuilder out = new StringBuilder();
        for (JournalEntry entry : entries) {
            out.append(line(entry)).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String endpoint(InetSocketAddress address) {
        if (address.getAddress() instanceof Inet6Address v6) {
            return "[" + Ipv6.format(v6) + "]:" + address.getPort();
        }
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
