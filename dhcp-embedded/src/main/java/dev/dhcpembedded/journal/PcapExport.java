package dev.dhcpembedded.journal;

import dev.dhcpembedded.internal.pcap.PcapWriter;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes journal entries as a pcap, stamped with their wall time, with the addresses the journal shows. */
final class PcapExport {

    private PcapExport() {
    }

    static void write(List<JournalEntry> entries, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PcapWriter writer = PcapWriter.create(file)) {
            for (JournalEntry entry : entries) {
                if (entry.kind() == JournalEntry.Kind.TRANSPORT) {
                    continue; // no datagram: nothing was on the wire
                }
                if (entry.isIcmp6()) {
                    writer.writeIcmp6(entry.wallTime(), (Inet6Address) entry.source().getAddress(),
                            (Inet6Address) entry.destination().getAddress(), entry.bytes());
                    continue;
                }
                if (entry.source().getAddress() instanceof Inet6Address src
                        && entry.destination().getAddress() instanceof Inet6Address dst) {
                    writer.write(entry.wallTime(), src, entry.source().getPort(), dst, entry.destination().getPort(),
                            entry.bytes(), entry.originalLength());
                    continue;
                }
                writer.write(entry.wallTime(), ipv4(entry.source().getAddress()), entry.source().getPort(),
                        ipv4(entry.destination().getAddress()), entry.destination().getPort(), entry.bytes(),
                        entry.originalLength()); // a datagram cut to the snap length: incl_len < orig_len
            }
        }
    }

    private static Inet4Address ipv4(InetAddress address) {
        if (address instanceof Inet4Address) {
            return (Inet4Address) address;
        }
        return (Inet4Address) InetAddress.getLoopbackAddress();
    }
}
