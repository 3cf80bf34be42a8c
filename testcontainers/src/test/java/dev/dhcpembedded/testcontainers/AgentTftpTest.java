package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.lab.DhcpEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The netboot TFTP server of a DhcpNetwork served through its agent: the server JVM is not on the network, the agent
 * is, and it carries TFTP too. A busybox container (a PXE vendor class, so that it is answered as a netboot client)
 * gets its lease, then fetches the boot file with busybox {@code tftp} from the next-server its ACK named.
 */
@RequiresDockerAgent
@Testcontainers
class AgentTftpTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String PXE = "PXEClient:Arch:00000:UNDI:002001";
    private static final Path ROOT = root();
    private static final byte[] BOOT_FILE = bootFile();

    @Container
    static final DhcpNetwork NETWORK = DhcpNetwork.builder()
            .server(b -> b.netboot(n -> n.tftpRoot(ROOT).bootFile("undionly.kpxe")))
            .build();

    @TempDir
    Path pcaps;

    private static Path root() {
        try {
            return Files.createTempDirectory("dhcp-embedded-agent-tftp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bootFile() {
        byte[] content = new byte[200_000];
        new Random(25).nextBytes(content);
        try {
            Files.write(ROOT.resolve("undionly.kpxe"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return content;
    }

    @AfterAll
    static void removeRoot() throws IOException {
        try (var files = Files.list(ROOT)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(ROOT);
    }

    private static DhcpClientContainer pxeClient() {
        return TestImages.udhcpc().withUdhcpc(u -> u.vendorClass(PXE)).withNetwork(NETWORK);
    }

    /** The next-server (siaddr) of the ACK the client got. */
    private static String nextServer(String mac) {
        DhcpMessage ack = NETWORK.server().journal().sent(ACK).stream()
                .filter(e -> e.clientMac().equals(java.util.Optional.of(MacAddress.parse(mac))))
                .reduce((a, b) -> b).orElseThrow().message().orElseThrow();
        assertThat(ack.file()).isEqualTo("undionly.kpxe");
        assertThat(ack.option(OptionCode.TFTP_SERVER_NAME).orElseThrow().asString())
                .isEqualTo(ack.siaddr().getHostAddress());
        return ack.siaddr().getHostAddress();
    }

    @Test
    void aContainerGetsItsLeaseThenItsBootFileByTftpThroughTheAgent() throws Exception {
        try (DhcpClientContainer device = pxeClient()) {
            device.start();
            String mac = device.macAddress();
            DhcpEvent bound = device.awaitLease(LEASE);
            String next = nextServer(mac);
            String agent = NETWORK.server().serverIdentifier().getHostAddress();
            assertThat(next).isEqualTo(agent);
            assertThat(NETWORK.server().netboot().tftpAddress()).isEqualTo(new InetSocketAddress(agent, 69));

            int before = NETWORK.server().journal().entries().size();
            ExecResult fetch = device.execInContainer("tftp", "-g", "-r", "undionly.kpxe", "-l", "/tmp/f", "-b",
                    "1024", next);
            assertThat(fetch.getExitCode()).as("tftp: %s", fetch.getStderr()).isZero();
            ExecResult sum = device.execInContainer("sha256sum", "/tmp/f");

            assertThat(sum.getStdout()).startsWith(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(BOOT_FILE)) + " ");
            await().atMost(Duration.ofSeconds(5)).until(() -> NETWORK.server().netboot().fetched("undionly.kpxe"));
            DhcpAssertions.assertThat(NETWORK.server()).client(mac).fetched("undionly.kpxe");
            // this fetch's entries (the network, and so the journal, is shared by the class's tests)
            List<JournalEntry> all = NETWORK.server().journal().entries();
            List<JournalEntry> tftp = all.subList(before, all.size()).stream().filter(JournalEntry::isTftp).toList();
            assertThat(tftp.get(0).note()).startsWith("TFTP Read Request, File: undionly.kpxe")
                    .contains("blksize=1024");
            assertThat(tftp.get(0).source().getAddress().getHostAddress()).isEqualTo(bound.ip());
            assertThat(tftp.get(0).destination()).isEqualTo(new InetSocketAddress(agent, 69));
            assertThat(tftp).last().extracting(JournalEntry::note).asString()
                    .contains("sent undionly.kpxe: 200000 bytes");

            Path pcap = pcaps.resolve("agent-tftp.pcap");
            NETWORK.server().journal().writePcap(pcap);
            byte[] written = Files.readAllBytes(pcap);
            // the read request as it crossed the network: opcode 1, the file name, octet mode
            assertThat(indexOf(written, "\u0000\u0001undionly.kpxe\u0000octet\u0000".getBytes("US-ASCII")))
                    .isPositive();
        }
    }

    @Test
    void aPathTraversalIsRefusedWithATftpErrorAndJournaled() throws Exception {
        try (DhcpClientContainer device = pxeClient()) {
            device.start();
            String mac = device.macAddress();
            device.awaitLease(LEASE);

            ExecResult fetch = device.execInContainer("tftp", "-g", "-r", "../../../../etc/passwd", "-l", "/tmp/p",
                    nextServer(mac));

            assertThat(fetch.getExitCode()).isNotZero();
            assertThat(fetch.getStderr()).contains("server error: (2)");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(NETWORK.server().journal()
                    .entries(JournalEntry::isTftp)).extracting(JournalEntry::note)
                    .anySatisfy(note -> assertThat(note).startsWith("TFTP Error Code, Code: 2")));
            assertThat(NETWORK.server().netboot().fetches()).noneMatch(f -> f.complete() && f.file().contains("passwd"));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
