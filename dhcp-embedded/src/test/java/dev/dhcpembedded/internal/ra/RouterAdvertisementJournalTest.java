package dev.dhcpembedded.internal.ra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.journal.JournalRecord;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Router Solicitations and Advertisements in the journal: neither DHCP message, a transcript line, a clean pcap. */
class RouterAdvertisementJournalTest {

    static final String RS = "8500000000000000" + "010102000000aa01";

    private static Journal journal() {
        JournalStore journal = new JournalStore(100);
        InetSocketAddress client = new InetSocketAddress(Ipv6.parse("fe80::aa01"), 0);
        InetSocketAddress server = new InetSocketAddress(Ipv6.parse("fe80::1"), 0);
        InetSocketAddress allRouters = new InetSocketAddress(Ipv6.parse("ff02::2"), 0);
        ((JournalStore) journal).append(new JournalRecord().of(JournalEntry.Kind.RECEIVED, 1, 1)
                .ends6(client, allRouters)
                .peer(client, "veth0").payload(Hex.parse(RS)).note("answered in 10 ms to fe80::aa01"));
        ((JournalStore) journal).append(new JournalRecord().of(JournalEntry.Kind.SENT, 2, 2).ends6(server, client)
                .peer(server, "veth0").payload(Hex.parse(RouterAdvertisementTest.GOLDEN))
                .note("solicited"));
        ((JournalStore) journal).append(new JournalRecord().of(JournalEntry.Kind.REJECTED, 3, 3)
                .ends6(client, allRouters)
                .peer(client, "veth0").payload(Hex.parse("85000000000000000100")).note("dropped")
                .error(new DhcpCodecException("option 1 has length 0", 9)));
        return journal;
    }

    @Test
    void theyAreNeitherDhcpMessageNorAnErrorOfOne() {
        JournalEntry rs = journal().entries().get(0);
        assertThat(rs.isIcmp6()).isTrue();
        assertThat(rs.isV6()).isFalse();
        assertThat(rs.message()).isEmpty();
        assertThat(rs.message6()).isEmpty();
        assertThat(rs.error()).isEmpty();
        assertThat(journal().rejected()).singleElement().satisfies(e ->
                assertThat(e.error()).map(DhcpCodecException::offset).contains(9));
    }

    @Test
    void theTranscriptReadsAsWiresharkInfo() {
        assertThat(journal().transcript().lines()).containsExactly(
                "fe80::aa01 -> ff02::2 ICMPv6 Router Solicitation from 02:00:00:00:aa:01",
                "fe80::1 -> fe80::aa01 ICMPv6 Router Advertisement from 02:00:00:00:00:01",
                "fe80::aa01 -> ff02::2 ICMPv6 Router Solicitation [Malformed: option 1 has length 0 at offset 9]");
    }

    @Test
    void thePcapExportDecodesCleanlyInTshark(@TempDir Path tmp) throws Exception {
        boolean tshark = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tshark")));
        Assumptions.assumeTrue(tshark || Boolean.getBoolean("dhcp.requireRealHosts"), "tshark is not installed");
        Path pcap = tmp.resolve("ra.pcap");
        JournalStore journal = new JournalStore(10);
        journal().entries().stream().filter(e -> e.kind() != JournalEntry.Kind.REJECTED).forEach(e ->
                ((JournalStore) journal).append(new JournalRecord().of(e.kind(), 1, 1).ends6(e.source(), e.destination())
                .peer(e.peer(), "veth0").payload(e.bytes()).note(e.note()).error(null)));
        journal.writePcap(pcap);
        Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(text).contains("Type: Router Solicitation (133)").contains("Type: Router Advertisement (134)")
                .contains("[Checksum Status: Good]").contains("Hop Limit: 255").contains("Domain Names: lab.test")
                .doesNotContain("Malformed").doesNotContain("Expert Info");
    }
}
