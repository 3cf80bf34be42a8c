package dev.dhcpembedded.journal;

import dev.dhcpembedded.codec.DhcpMessage;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** Lines such as {@code 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x3d1d}. */
public final class Transcript {

    private Transcript() {
    }

    /**
     * One entry as a line.
     *
     * @param entry a journal entry
     * @return e.g. {@code 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x3d1d}, or the decode
     *         error for a datagram that is no valid message
     */
    public static String line(JournalEntry entry) {
        StringBuilder out = new StringBuilder();
        out.append(endpoint(entry.source())).append(" -> ").append(endpoint(entry.destination())).append(' ');
        // a rejected request, or a reply a stub malformed on purpose: the decode error, as Wireshark shows it
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
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
