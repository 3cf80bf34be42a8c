package dev.dhcpembedded.robustness;

import dev.dhcpembedded.journal.Journal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The input shapes behind known DHCP vulnerabilities, each sent over loopback UDP to a running server. For each:
 * no reply, the server still runs, the journal holds the datagram as REJECTED with the codec's reason (or as
 * RECEIVED with the reason it got no reply), and the next valid DISCOVER from the same socket gets its OFFER.
 */
class HostileInputTest {

    static DhcpServer server;
    static DhcpTestClient client;
    static int next = 0x5000;

    @BeforeAll
    static void start() {
        server = DhcpServer.builder().serverId("10.20.0.1").journal(256, Journal.DEFAULT_MAX_BYTES)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                .start();
    }

    /**
     * A socket of its own for every test: what the server still does for an earlier test's datagrams (journal
     * entries, a reply) cannot be taken for this test's. One attempt, and patient: the wait ends with the reply,
     * and no retransmission leaves a second DISCOVER behind (before, a reply later than 1 s made the client
     * retransmit; the server's answer to that came during the next test, whose journal and socket then showed a
     * DISCOVER and an OFFER where they expected nothing, and the failure cascaded through the class).
     */
    @BeforeEach
    void newClient() {
        client = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:77:01")
                .timeout(Duration.ofSeconds(5)).attempts(1).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Sends {@code bytes}, checks what the journal made of them, then that a DISCOVER still gets its OFFER. */
    static JournalEntry survives(byte[] bytes, JournalEntry.Kind expected, String reason) {
        long before = server.journal().appended();
        client.sendRaw(bytes);
        InetSocketAddress me = client.localAddress();
        JournalEntry entry = await().atMost(Duration.ofSeconds(5)).until(
                () -> server.journal().entries(e -> e.sequence() > before && !e.isSent()
                        && me.equals(e.peer())).stream().findFirst(), Optional::isPresent).get();
        assertThat(entry.kind()).as("journal kind, note: %s", entry.note()).isEqualTo(expected);
        // kept whole up to the journal's snap length, cut past it with the original length recorded
        assertThat(entry.bytes()).isEqualTo(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, Journal.SNAP_LENGTH)));
        assertThat(entry.originalLength()).isEqualTo(bytes.length);
        assertThat(entry.note()).containsIgnoringCase(reason);
        if (expected == JournalEntry.Kind.REJECTED) {
            assertThat(entry.error()).isPresent();
            assertThat(entry.note()).startsWith("dropped: ");
        }
        // the server journals a reply before it sends it: no SENT entry for this datagram means no reply
        assertThat(server.journal().entries(e -> e.sequence() > before && e.isSent())).isEmpty();
        assertThat(client.receive(Duration.ofMillis(50))).as("a reply to a hostile datagram").isEmpty();
        assertThat(server.isRunning()).isTrue();

        Optional<DhcpMessage> offer = client.discover();
        assertThat(offer).as("the next valid DISCOVER gets its OFFER").isPresent();
        assertThat(offer.get().is(MessageType.OFFER)).isTrue();
        return entry;
    }

    static void rejected(byte[] bytes, String reason) {
        survives(bytes, JournalEntry.Kind.REJECTED, reason);
    }

    static int n() {
        return next++;
    }

    @Test
    void lyingOptionLength_busybox_CVE_2018_20679() {
        rejected(HostileInputs.lyingOptionLength(n()), "option 12 length 200 runs past end of options");
    }

    @Test
    void shortServerIdentifier_busybox_CVE_2019_5747() {
        rejected(HostileInputs.shortServerIdentifier(n()), "option 54 length 1 is not 4");
    }

    @Test
    void domainSearchPointerLoop_FreeBSD_CVE_2020_7461() {
        rejected(HostileInputs.searchListPointerLoop(n()), "does not point backwards");
    }

    @Test
    void domainSearchForwardPointer_FreeBSD_CVE_2020_7461() {
        rejected(HostileInputs.searchListForwardPointer(n()), "does not point backwards");
    }

    @Test
    void maximumMessageSizeBelow576_CVE_2007_5365() {
        rejected(HostileInputs.maxMessageSizeBelow576(n()), "option 57 maximum message size 256 is below 576");
    }

    @Test
    void clientFqdnLabelOver63_CVE_2022_2929() {
        rejected(HostileInputs.fqdnLabelOver63(n()), "option 81 label length 64 is over 63");
        rejected(HostileInputs.fqdnAsciiLabelOver63(n()), "option 81 label of 64 bytes is over 63");
    }

    @Test
    void invalidHostname_Kea_CVE_2019_6473() {
        rejected(HostileInputs.invalidHostname(n()), "option 12 host name has control byte");
    }

    @Test
    void emptyHostname_Kea_CVE_2019_6473() {
        rejected(HostileInputs.emptyHostname(n()), "option 12 length 0 is below 1");
    }

    /**
     * Printable host names that are no host names ("." or "...", bytes over 0x7f) are data to this server: it does
     * no DDNS and never builds a name from them, so they are kept on the lease and the DISCOVER is answered.
     */
    @Test
    void hostnameOfDotsOrHighBytesIsKeptAsData() {
        for (byte[] name : List.of(new byte[] {'.'}, new byte[] {'.', '.', '.'}, new byte[] {(byte) 0xff, 'x'})) {
            int n = n();
            long before = server.journal().appended();
            client.sendRaw(Wire.request(0x2400 + n, Wire.mac(n)).discover().option(12, name).end().bytes());
            List<JournalEntry> seen = await().atMost(Duration.ofSeconds(5)).until(() -> server.journal()
                    .entries(e -> e.sequence() > before), l -> l.size() == 2);
            assertThat(seen.get(1).isSent()).isTrue();
            assertThat(seen.get(1).message().orElseThrow().is(MessageType.OFFER)).isTrue();
            assertThat(seen.get(1).message().orElseThrow().hostname()).isEmpty();
            assertThat(client.receive(Duration.ofSeconds(1))).isPresent();
        }
        assertThat(server.isRunning()).isTrue();
    }

    @Test
    void relayAgentSubOptionOversized() {
        rejected(HostileInputs.relayAgentSubOptionOversized(n()), "option 82 sub-option 1");
    }

    @Test
    void relayAgentNestedAndOversized() {
        rejected(HostileInputs.relayAgentNestedOversized(n()), "option 82 sub-option 1");
    }

    @Test
    void overloadPointingAtEmptySnameAndFile() {
        rejected(HostileInputs.overloadEmptyFields(n()), "end without END");
    }

    @Test
    void overloadPointingAtMalformedFile() {
        rejected(HostileInputs.overloadMalformedFile(n()), "runs past end of file field");
    }

    @Test
    void overloadInsideOverloadedSname() {
        rejected(HostileInputs.overloadRecursive(n()), "option 52 appears inside the overloaded sname field");
    }

    @Test
    void hlenZeroWithoutClientIdentifier() {
        survives(HostileInputs.hlenZero(n()), JournalEntry.Kind.RECEIVED, "hlen 0 and no client identifier");
    }

    @Test
    void hlenOver16() {
        rejected(HostileInputs.hlenOver16(n()), "hlen 17 is over 16");
        rejected(HostileInputs.hlen255(n()), "hlen 255 is over 16");
    }

    @Test
    void zeroLengthDatagram() {
        rejected(HostileInputs.zeroLength(), "packet of 0 bytes is shorter than the 236-byte header");
    }

    @Test
    void headerOnly236Bytes() {
        rejected(HostileInputs.headerOnly(n()), "packet of 236 bytes is shorter");
    }

    @Test
    void largestUdpDatagram65507Bytes() {
        byte[] big = HostileInputs.maxDatagram(n());
        assertThat(big).hasSize(65_507);
        JournalEntry entry = survives(big, JournalEntry.Kind.REJECTED, "options end without END");
        assertThat(entry.error().get().offset()).as("offset of the error: the end of the datagram").isEqualTo(65_507);
    }

    @Test
    void bootReplySentToTheServer() {
        survives(HostileInputs.bootReply(n()), JournalEntry.Kind.RECEIVED, "BOOTREPLY (op 2) sent to the server");
    }

    @Test
    void unknownOptions255WithoutMessageType() {
        byte[] bytes = HostileInputs.unknownOptions255(n());
        DhcpMessage decoded = DhcpCodec.decode(bytes);
        assertThat(decoded.messageType()).isEmpty();
        survives(bytes, JournalEntry.Kind.RECEIVED, "no message type (option 53)");
    }

    @Test
    void unknownOptions255WithLyingLast() {
        rejected(HostileInputs.unknownOptions255Lying(n()), "length 255 runs past end of options");
    }

    /** Every shape at once, then a full DORA: the server is still whole. */
    @Test
    void allShapesInARowThenDora() {
        long rejectedBefore = server.journal().rejectedCount();
        int count = 0;
        int rejections = 0;
        for (byte[] bytes : HostileInputs.all(0x6000).values()) {
            client.sendRaw(bytes);
            count++;
            try {
                DhcpCodec.decode(bytes);
            } catch (DhcpCodecException e) {
                rejections++;
            }
        }
        int expectedRejections = rejections;
        await().atMost(Duration.ofSeconds(5)).until(() -> server.journal().rejectedCount() - rejectedBefore,
                c -> c == expectedRejections);
        assertThat(count).isGreaterThan(rejections);
        assertThat(client.dora().address().getHostAddress()).startsWith("10.20.0.");
        List<JournalEntry> sent = server.journal().sent();
        assertThat(sent).allSatisfy(e -> assertThat(e.message()).isPresent());
    }
}
