package dev.dhcpembedded.server;

import dev.dhcpembedded.journal.Journal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec.SubOption;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.internal.pcap.PcapFrame;
import dev.dhcpembedded.internal.pcap.PcapReader;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal: its bound, its transcript and its pcap, read back by tshark when it is installed. */
class JournalPcapTest {

    @TempDir
    Path dir;

    final TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    final InMemoryTransport memory = new InMemoryTransport();
    int xid = 0x100;

    DhcpServer start(int journalCapacity) {
        return DhcpServer.builder().transport(memory).serverId("10.20.0.1").clock(clock)
                .journal(journalCapacity, Journal.DEFAULT_MAX_BYTES)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                        .dns("10.20.0.53").domainName("lab.test").leaseTime(Duration.ofMinutes(10)))
                .subnet("10.30.0.0/24", s -> s.pool("10.30.0.100", "10.30.0.199").router("10.30.0.1"))
                .start();
    }

    DhcpMessageBuilder msg(String mac, MessageType type) {
        return DhcpMessage.builder().xid(++xid).chaddr(mac).messageType(type)
                .option(DhcpOptions.clientIdentifier(dev.dhcpembedded.codec.MacAddress.parse(mac)))
                .option(DhcpOptions.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                        OptionCode.DOMAIN_NAME_SERVER, OptionCode.DOMAIN_NAME));
    }

    /** DORA, renew, NAK, INFORM, relay with option 82, DECLINE and RELEASE. */
    void traffic() {
        String mac = "02:00:00:00:00:01";
        DhcpMessage offer = memory.exchange(msg(mac, MessageType.DISCOVER).option(DhcpOptions.hostname("dev1")).build()).get(0);
        String address = offer.yiaddr().getHostAddress();
        memory.exchange(msg(mac, MessageType.REQUEST).xid(xid).option(DhcpOptions.requestedIpAddress(address))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
        memory.exchange(msg(mac, MessageType.REQUEST).ciaddr(address).build());
        memory.exchange(msg(mac, MessageType.REQUEST).option(DhcpOptions.requestedIpAddress("192.168.1.1")).build());
        memory.exchange(msg("02:00:00:00:00:02", MessageType.INFORM).ciaddr("10.20.0.9").build());
        DhcpOption relayInfo = DhcpOptions.relayAgentInformation(SubOption.of(SubOption.AGENT_CIRCUIT_ID, "ge-0/0/1"),
                SubOption.of(SubOption.AGENT_REMOTE_ID, "switch-7"));
        memory.exchange(msg("02:00:00:00:00:03", MessageType.DISCOVER).giaddr("10.30.0.1").hops(1)
                .option(relayInfo).build());
        memory.exchange(msg(mac, MessageType.DECLINE).option(DhcpOptions.requestedIpAddress(address))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
        memory.exchange(msg(mac, MessageType.RELEASE).ciaddr(address)
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
    }

    @Test
    void pcapIsReadBackByOurReaderAndMatchesTheJournal() throws IOException {
        try (DhcpServer server = start(1000)) {
            traffic();
            Path file = dir.resolve("out/journal.pcap");
            server.journal().writePcap(file);
            List<PcapFrame> frames = PcapReader.readAll(file);
            List<JournalEntry> entries = server.journal().entries();
            assertThat(frames).hasSize(entries.size());
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).payload()).isEqualTo(entries.get(i).bytes());
                assertThat(frames.get(i).sourcePort()).isEqualTo(entries.get(i).source().getPort());
            }
        }
    }

    @Test
    void tsharkDecodesEveryFrameAsDhcpWithoutMalformedPacketOrExpertWarning() throws Exception {
        String tshark = tshark();
        try (DhcpServer server = start(1000)) {
            traffic();
            Path file = dir.resolve("journal.pcap");
            server.journal().writePcap(file);
            int frames = server.journal().size();
            assertThat(frames).isEqualTo(14);

            String fields = run(tshark, "-r", file.toString(), "-T", "fields", "-e", "frame.number",
                    "-e", "dhcp.option.dhcp", "-e", "_ws.expert", "-e", "_ws.malformed");
            List<String> lines = fields.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(frames);
            for (String line : lines) {
                String[] cols = line.split("\t", -1);
                assertThat(cols[1]).as("DHCP message type of frame %s", cols[0]).isNotEmpty();
                for (int i = 2; i < cols.length; i++) {
                    assertThat(cols[i]).as("expert/malformed column of frame %s: %s", cols[0], line).isEmpty();
                }
            }
            String verbose = run(tshark, "-r", file.toString(), "-V");
            assertThat(verbose).doesNotContain("Malformed", "Expert Info");
            assertThat(verbose).contains("Agent Information Option", "Agent Circuit ID");
            String summary = run(tshark, "-r", file.toString());
            assertThat(summary.lines().filter(l -> l.contains("DHCP")).count()).isEqualTo(frames);
        }
    }

    @Test
    void journalIsBoundedAndCountsWhatItDropped() {
        try (DhcpServer server = start(5)) {
            traffic();
            assertThat(server.journal().capacity()).isEqualTo(5);
            assertThat(server.journal().size()).isEqualTo(5);
            assertThat(server.journal().appended()).isEqualTo(14);
            assertThat(server.journal().evicted()).isEqualTo(9);
            assertThat(server.journal().entries()).extracting(JournalEntry::sequence)
                    .containsExactly(10L, 11L, 12L, 13L, 14L);
            server.journal().clear();
            assertThat(server.journal().evicted()).isZero();
            assertThat(server.journal().entries()).isEmpty();
        }
    }

    @Test
    void transcriptLinesAreWiresharkStyle() {
        try (DhcpServer server = start(1000)) {
            traffic();
            List<String> lines = server.journal().transcript().lines().toList();
            assertThat(lines).hasSize(14);
            assertThat(lines).allMatch(l -> l.matches(
                    "\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+ -> \\d+\\.\\d+\\.\\d+\\.\\d+:\\d+ DHCP [A-Za-z]+ - Transaction ID 0x[0-9a-f]+"));
            assertThat(lines.get(0)).isEqualTo("0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x101");
            assertThat(lines.get(1)).isEqualTo("10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x101");
            assertThat(lines).contains("10.20.0.100:68 -> 10.20.0.1:67 DHCP Request - Transaction ID 0x103",
                    "10.20.0.1:67 -> 255.255.255.255:68 DHCP NAK - Transaction ID 0x104",
                    "10.20.0.9:68 -> 10.20.0.1:67 DHCP Inform - Transaction ID 0x105",
                    "10.30.0.1:67 -> 10.20.0.1:67 DHCP Discover - Transaction ID 0x106",
                    "10.20.0.1:67 -> 10.30.0.1:67 DHCP Offer - Transaction ID 0x106",
                    "10.20.0.100:68 -> 10.20.0.1:67 DHCP Release - Transaction ID 0x108");
            assertThat(server.journal().entries()).allSatisfy(e -> {
                assertThat(e.serverTime()).isEqualTo(clock.instant());
                assertThat(e.note()).isNotBlank();
                assertThat(e.interfaceName()).isEqualTo("mem");
            });
        }
    }

    static String tshark() {
        boolean required = "true".equals(System.getProperty("dhcp.requireRealHosts"));
        String found = null;
        for (String candidate : List.of("tshark", "/usr/bin/tshark", "/usr/local/bin/tshark")) {
            try {
                Process p = new ProcessBuilder(candidate, "-v").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    found = candidate;
                    break;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        if (found == null) {
            if (required) {
                throw new AssertionError("tshark is required (dhcp.requireRealHosts=true) but is not installed");
            }
            Assumptions.abort("tshark is not installed; install it (Debian: apt-get install tshark) to run this test");
        }
        return found;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Path errors = java.nio.file.Files.createTempFile("tshark", ".err");
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        String err = java.nio.file.Files.readString(errors);
        java.nio.file.Files.deleteIfExists(errors);
        assertThat(p.exitValue()).as(text + err).isZero();
        assertThat(err.lines().filter(l -> !l.contains("Running as user"))).as("tshark's stderr").isEmpty();
        return text;
    }
}
