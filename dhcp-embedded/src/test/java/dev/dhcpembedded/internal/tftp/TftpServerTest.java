package dev.dhcpembedded.internal.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.tftp.Fetch;
import dev.dhcpembedded.tftp.TftpClient;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TFTP server over loopback: RFC 1350 transfers, each option, windows, errors, confinement, retransmission. */
class TftpServerTest {

    @TempDir
    Path dir;
    Path root;
    JournalStore journal;
    TftpJournal log;
    TftpServer server;
    byte[] boot;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        boot = bytes(3000, 1);
        Files.write(root.resolve("ipxe.efi"), boot);
        Files.createDirectories(root.resolve("sub"));
        Files.write(root.resolve("sub/inner.bin"), bytes(10, 2));
        Files.writeString(dir.resolve("secret"), "outside the root");
        journal = new JournalStore(10_000);
        log = new TftpJournal(journal, Clock.systemUTC(), Clock.systemUTC(), "lo");
        server = serve(new TftpServer.Settings(Duration.ofMillis(200), 3, 4, 64));
    }

    TftpServer serve(TftpServer.Settings settings) {
        return new TftpServer(new BootRoot(root), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), log,
                settings).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    TftpClient client() {
        return TftpClient.to(server.address()).timeout(Duration.ofSeconds(2));
    }

    @Nested
    class Transfers {

        @Test
        void plainReadInBlocksOf512WithoutOptionAcknowledgement() {
            TftpClient.Download d = client().get("ipxe.efi");
            assertThat(d.content()).isEqualTo(boot);
            assertThat(d.options()).isEmpty();
            assertThat(d.packets()).isEqualTo(6); // 5 full blocks and one of 440 bytes
        }

        @Test
        void aFileOfWholeBlocksEndsWithAnEmptyBlock() throws IOException {
            Files.write(root.resolve("even.bin"), bytes(1024, 3));
            TftpClient.Download d = client().get("even.bin");
            assertThat(d.content()).hasSize(1024);
            assertThat(d.packets()).isEqualTo(3);
        }

        @Test
        void anEmptyFileIsOneEmptyBlock() throws IOException {
            Files.write(root.resolve("empty"), new byte[0]);
            assertThat(client().get("empty").content()).isEmpty();
        }

        @Test
        void blksizeIsAcknowledgedAndUsed() {
            TftpClient.Download d = client().blockSize(1468).get("ipxe.efi");
            assertThat(d.options()).containsExactly(Map.entry("blksize", "1468"));
            assertThat(d.content()).isEqualTo(boot);
            assertThat(d.packets()).isEqualTo(3);
        }

        @Test
        void blksizeOverTheMaximumIsLoweredAndBelow8Ignored() {
            assertThat(client().blockSize(70000).get("ipxe.efi").options()).containsEntry("blksize", "65464");
            TftpClient.Download small = client().blockSize(4).get("ipxe.efi");
            assertThat(small.options()).isEmpty();
            assertThat(small.packets()).isEqualTo(6);
        }

        @Test
        void tsizeGivesTheFileSize() {
            TftpClient.Download d = client().askSize().blockSize(1024).get("ipxe.efi");
            assertThat(d.options()).containsExactly(Map.entry("tsize", "3000"), Map.entry("blksize", "1024"));
        }

        @Test
        void tsizeOtherThanZeroInARequestIsIgnored() {
            assertThat(client().with("tsize", "17").get("ipxe.efi").options()).isEmpty();
        }

        @Test
        void timeoutIsAcknowledgedWithinRange() {
            assertThat(client().with("timeout", "3").get("ipxe.efi").options()).containsEntry("timeout", "3");
            assertThat(client().with("timeout", "0").get("ipxe.efi").options()).isEmpty();
            assertThat(client().with("timeout", "256").get("ipxe.efi").options()).isEmpty();
        }

        @Test
        void windowsizeSendsWindowsAndIsCappedAtTheServersLargest() {
            TftpClient.Download d = client().windowSize(4).blockSize(512).get("ipxe.efi");
            assertThat(d.options()).containsEntry("windowsize", "4");
            assertThat(d.content()).isEqualTo(boot);
            assertThat(client().windowSize(1000).get("ipxe.efi").options()).containsEntry("windowsize", "64");
            assertThat(client().windowSize(0).get("ipxe.efi").options()).isEmpty();
        }

        @Test
        void unknownOptionsAreIgnored() {
            TftpClient.Download d = client().with("multicast", "").with("blksize", "800").get("ipxe.efi");
            assertThat(d.options()).containsExactly(Map.entry("blksize", "800"));
        }

        @Test
        void blockNumbersWrapAfter65535() throws IOException {
            byte[] big = bytes(65536 * 8 + 3, 4);
            Files.write(root.resolve("big.bin"), big);
            TftpClient.Download d = client().blockSize(8).windowSize(64).get("big.bin");
            assertThat(d.content()).isEqualTo(big);
        }

        @Test
        void netasciiTurnsLineEndsIntoCrLf() throws IOException {
            Files.writeString(root.resolve("boot.txt"), "a\nb\rc");
            try (RawClient raw = new RawClient()) {
                raw.send(rrq("boot.txt", "netascii"));
                DatagramPacket data = raw.receive();
                assertThat(Arrays.copyOfRange(data.getData(), 4, data.getLength()))
                        .isEqualTo(new byte[] {'a', '\r', '\n', 'b', '\r', 0, 'c'});
            }
        }

        @Test
        void subdirectoriesAndLeadingSlashesAndBackslashesNameFilesUnderTheRoot() {
            assertThat(client().get("sub/inner.bin").content()).isEqualTo(bytes(10, 2));
            assertThat(client().get("/sub/inner.bin").content()).isEqualTo(bytes(10, 2));
            assertThat(client().get("sub\\inner.bin").content()).isEqualTo(bytes(10, 2));
        }
    }

    @Nested
    class Confinement {

        @Test
        void dotDotIsAnAccessViolation() {
            assertError("../secret", 2);
            assertError("sub/../../secret", 2);
            assertError("..\\secret", 2);
        }

        @Test
        void absolutePathsAreTakenUnderTheRoot() {
            assertError("/etc/passwd", 1);
            assertError(dir.resolve("secret").toString(), 1);
        }

        @Test
        void symlinksOutOfTheRootAreRefusedAndInsideItFollowed() throws IOException {
            Files.createSymbolicLink(root.resolve("escape"), dir.resolve("secret"));
            Files.createSymbolicLink(root.resolve("up"), dir);
            Files.createSymbolicLink(root.resolve("alias.efi"), root.resolve("ipxe.efi"));
            assertError("escape", 2);
            assertError("up/secret", 2);
            assertThat(client().get("alias.efi").content()).isEqualTo(boot);
        }

        @Test
        void aNulByteEndsTheNameSoWhatFollowsIsTheModeAndRefused() throws IOException {
            try (RawClient raw = new RawClient()) {
                byte[] packet = rrq("ipxe.efi\0../secret", "octet");
                raw.send(packet);
                assertErrorPacket(raw.receive(), 4);
            }
        }

        @Test
        void directoriesAndMissingFiles() {
            assertError("sub", 2);
            assertError("", 4);
            assertError("nothing.efi", 1);
        }

        @Test
        void theRootRuleRefusesNulInANameFromHttp() {
            assertThatThrownBy(() -> new BootRoot(root).resolve("ipxe.efi\0.png"))
                    .isInstanceOfSatisfying(BootRoot.Refused.class, e -> assertThat(e.code()).isEqualTo(2));
        }

        @Test
        void aRootThatIsNoDirectoryFailsFast() {
            assertThatThrownBy(() -> new BootRoot(root.resolve("ipxe.efi")))
                    .hasMessageContaining("is not a directory");
        }

        void assertError(String file, int code) {
            if (file.isEmpty()) {
                try (RawClient raw = new RawClient()) {
                    raw.send(rrq("", "octet"));
                    assertErrorPacket(raw.receive(), code);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                return;
            }
            assertThatThrownBy(() -> client().get(file)).isInstanceOfSatisfying(TftpClient.TftpError.class,
                    e -> assertThat(e.code()).as(file + ": " + e.getMessage()).isEqualTo(code));
        }
    }

    @Nested
    class Errors {

        @Test
        void writeRequestsAreRefused() throws IOException {
            try (RawClient raw = new RawClient()) {
                byte[] wrq = rrq("new.efi", "octet");
                wrq[1] = TftpPackets.WRQ;
                raw.send(wrq);
                assertErrorPacket(raw.receive(), 2);
            }
            assertThat(Files.exists(root.resolve("new.efi"))).isFalse();
        }

        @Test
        void modeMailIsRefused() throws IOException {
            try (RawClient raw = new RawClient()) {
                raw.send(rrq("ipxe.efi", "mail"));
                assertErrorPacket(raw.receive(), 4);
            }
        }

        @Test
        void aMalformedRequestGetsError4AndIsJournaledWithItsOffset() throws IOException {
            try (RawClient raw = new RawClient()) {
                raw.send(new byte[] {0, 1, 'a', 'b'});
                assertErrorPacket(raw.receive(), 4);
                raw.send(rrq("ipxe.efi", "octet")); // and the server serves the next valid request
                DatagramPacket first = raw.receive();
                assertThat(TftpPackets.number(first.getData(), first.getLength())).isEqualTo(1);
            }
            JournalEntry rejected = journal.rejected().get(0);
            assertThat(rejected.isTftp()).isTrue();
            assertThat(rejected.note()).contains("not NUL-terminated at offset 2");
            assertThat(rejected.message()).isEmpty();
            assertThat(rejected.error()).isEmpty();
        }

        @Test
        void aDatagramFromAnotherPortGetsError5AndTheTransferGoesOn() throws IOException {
            try (RawClient raw = new RawClient(); RawClient stranger = new RawClient()) {
                raw.send(rrq("ipxe.efi", "octet"));
                DatagramPacket first = raw.receive();
                InetSocketAddress tid = (InetSocketAddress) first.getSocketAddress();
                stranger.sendTo(TftpPackets.ack(1), tid);
                assertErrorPacket(stranger.receive(), 5);
                raw.sendTo(TftpPackets.ack(1), tid);
                DatagramPacket second = raw.receive();
                assertThat(TftpPackets.number(second.getData(), second.getLength())).isEqualTo(2);
            }
        }

        @Test
        void aClientErrorEndsTheTransfer() throws IOException {
            try (RawClient raw = new RawClient()) {
                raw.send(rrq("ipxe.efi", "octet"));
                DatagramPacket first = raw.receive();
                raw.sendTo(TftpPackets.error(0, "cancelled"), (InetSocketAddress) first.getSocketAddress());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.fetches().isEmpty());
            assertThat(log.fetches().get(0).complete()).isFalse();
            assertThat(journal.received().stream().map(JournalEntry::note))
                    .anyMatch(n -> n.equals("TFTP Error Code, Code: 0, Message: cancelled"));
        }

        @Test
        void aBusyServerRefusesMoreTransfersThanItsBound() throws IOException {
            server.close();
            server = serve(new TftpServer.Settings(Duration.ofSeconds(5), 1, 1, 64));
            try (RawClient first = new RawClient(); RawClient second = new RawClient()) {
                first.send(rrq("ipxe.efi", "octet"));
                first.receive(); // the transfer runs, waiting for an acknowledgement
                second.send(rrq("ipxe.efi", "octet"));
                DatagramPacket busy = second.receive();
                assertErrorPacket(busy, 0);
                assertThat(TftpPackets.errorMessage(busy.getData(), busy.getLength())).contains("busy");
            }
        }
    }

    @Nested
    class Retransmission {

        @Test
        void aLostAcknowledgementMakesTheServerSendTheBlockAgain() throws IOException {
            try (RawClient raw = new RawClient()) {
                raw.send(rrq("ipxe.efi", "octet"));
                DatagramPacket first = raw.receive();
                DatagramPacket again = raw.receive(); // no ACK: after the 200 ms timeout, block 1 again
                assertThat(TftpPackets.number(again.getData(), again.getLength())).isEqualTo(1);
                assertThat(again.getSocketAddress()).isEqualTo(first.getSocketAddress());
            }
        }

        @Test
        void aLostOptionAcknowledgementIsSentAgain() throws IOException {
            try (RawClient raw = new RawClient()) {
                raw.send(rrq("ipxe.efi", "octet", "blksize", "1024"));
                DatagramPacket oack = raw.receive();
                assertThat(TftpPackets.opcode(oack.getData(), oack.getLength())).isEqualTo(TftpPackets.OACK);
                DatagramPacket again = raw.receive();
                assertThat(TftpPackets.opcode(again.getData(), again.getLength())).isEqualTo(TftpPackets.OACK);
            }
        }

        @Test
        void aTransferWithNoAcknowledgementIsGivenUpAfterTheRetries() throws IOException {
            try (RawClient raw = new RawClient()) {
                raw.send(rrq("ipxe.efi", "octet"));
                int copies = 0;
                try {
                    while (true) {
                        raw.receive();
                        copies++;
                    }
                } catch (SocketTimeoutException e) {
                    // the server stopped sending
                }
                assertThat(copies).isEqualTo(4); // the first and 3 retries
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.fetches().isEmpty());
            Fetch fetch = log.fetches().get(0);
            assertThat(fetch.complete()).isFalse();
            assertThat(fetch.bytes()).isZero();
            assertThat(journal.entries().stream().map(JournalEntry::note))
                    .anyMatch(n -> n.contains("given up: no acknowledgement of block 1 after 3 retransmissions"));
        }

        @Test
        void anAcknowledgementInsideTheWindowRestartsTheWindowAfterIt() throws IOException {
            try (RawClient raw = new RawClient()) {
                raw.send(rrq("ipxe.efi", "octet", "windowsize", "4"));
                DatagramPacket oack = raw.receive();
                InetSocketAddress tid = (InetSocketAddress) oack.getSocketAddress();
                raw.sendTo(TftpPackets.ack(0), tid);
                for (int block = 1; block <= 4; block++) {
                    DatagramPacket data = raw.receive();
                    assertThat(TftpPackets.number(data.getData(), data.getLength())).isEqualTo(block);
                }
                raw.sendTo(TftpPackets.ack(2), tid); // blocks 3 and 4 "lost"
                DatagramPacket next = raw.receive();
                assertThat(TftpPackets.number(next.getData(), next.getLength())).isEqualTo(3);
            }
        }
    }

    @Test
    void theJournalKeepsRequestOptionAcknowledgementAndFinalAcknowledgementAsTftp() throws IOException {
        client().blockSize(1024).askSize().get("ipxe.efi");
        await().atMost(Duration.ofSeconds(5)).until(() -> !log.fetches().isEmpty());
        List<JournalEntry> entries = journal.entries();
        assertThat(entries).allMatch(JournalEntry::isTftp);
        assertThat(entries).extracting(JournalEntry::kind).containsExactly(JournalEntry.Kind.RECEIVED,
                JournalEntry.Kind.SENT, JournalEntry.Kind.RECEIVED);
        assertThat(entries.get(0).transcriptLine()).matches("127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:\\d+ TFTP Read "
                + "Request, File: ipxe.efi, Transfer type: octet, blksize=1024, tsize=0");
        assertThat(entries.get(1).note()).isEqualTo("TFTP Option Acknowledgement, blksize=1024, tsize=3000");
        assertThat(entries.get(2).note()).isEqualTo("TFTP Acknowledgement, Block: 3; sent ipxe.efi: 3000 bytes in "
                + "3 blocks (blksize 1024, windowsize 1)");
        assertThat(entries.get(0).message()).isEmpty();
        assertThat(entries.get(0).error()).isEmpty();
        Fetch fetch = log.fetches().get(0);
        assertThat(fetch.complete()).isTrue();
        assertThat(fetch.bytes()).isEqualTo(3000);
        assertThat(fetch.isOf("/ipxe.efi")).isTrue();
        Path pcap = dir.resolve("tftp.pcap");
        journal.writePcap(pcap);
        assertThat(Files.size(pcap)).isGreaterThan(24 + 3 * (16 + 28));
    }

    static byte[] rrq(String file, String mode, String... options) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return TftpPackets.rrq(file, mode, map);
    }

    static void assertErrorPacket(DatagramPacket packet, int code) {
        assertThat(TftpPackets.opcode(packet.getData(), packet.getLength())).isEqualTo(TftpPackets.ERROR);
        assertThat(TftpPackets.number(packet.getData(), packet.getLength()))
                .as(TftpPackets.errorMessage(packet.getData(), packet.getLength())).isEqualTo(code);
    }

    /** A bare UDP socket on loopback, to send what a well-behaved client would not. */
    final class RawClient implements AutoCloseable {
        final DatagramSocket socket;

        RawClient() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(3000);
        }

        void send(byte[] bytes) throws IOException {
            sendTo(bytes, server.address());
        }

        void sendTo(byte[] bytes, InetSocketAddress to) throws IOException {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        }

        DatagramPacket receive() throws IOException {
            DatagramPacket packet = new DatagramPacket(new byte[70000], 70000);
            socket.receive(packet);
            return packet;
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
