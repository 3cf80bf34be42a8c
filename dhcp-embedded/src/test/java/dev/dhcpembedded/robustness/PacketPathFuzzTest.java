package dev.dhcpembedded.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole packet path under arbitrary bytes: datagrams go in over the in-memory transport (decode, journal,
 * stubs, lease engine, encode, send, journal), and whatever the server does must keep these invariants:
 * <ul>
 *   <li>no exception escapes, and none is swallowed either: every datagram is journaled exactly once (RECEIVED or
 *       REJECTED), and no note says the responder failed;</li>
 *   <li>no reply to a datagram that does not decode (it is REJECTED with the codec's reason);</li>
 *   <li>every reply decodes with the project's codec and is well formed: BOOTREPLY, the request's xid and chaddr,
 *       a 53 of OFFER/ACK/NAK and a 54, within the size the request allows; a decision that promises a reply sends
 *       exactly one;</li>
 *   <li>the journal stays within its capacity (64) and counts what it evicted and rejected.</li>
 * </ul>
 * One input may carry several datagrams, separated by {@link #SEPARATOR}, delivered to one fresh server in order
 * (so that a DISCOVER then a REQUEST reaches the ACK path); the test clock moves 10 s between datagrams.
 *
 * <p>Under {@code mvn verify} this runs once per seed in {@code PacketPathFuzzTestInputs/packetPath} (regression
 * mode). To fuzz: {@code JAZZER_FUZZ=1 mvn -pl dhcp-embedded test -Dtest=PacketPathFuzzTest}; it stops after the
 * {@code maxDuration} below (raise it in the annotation for longer runs). A crashing input is written to the inputs
 * folder and becomes a regression seed.
 */
class PacketPathFuzzTest {

    /** Splits one fuzz input into several datagrams. */
    static final byte[] SEPARATOR = {(byte) 0xF0, 'N', 'E', 'X', 'T', (byte) 0xF0};
    static final int JOURNAL_CAPACITY = 64;
    static final int MAX_DATAGRAMS = 200;

    static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 68);
    private static final Set<String> SUBNETS = Set.of("192.168.0", "10.30.0", "10.40.0");

    @FuzzTest(maxDuration = "10m")
    void packetPath(byte[] input) {
        TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = server(memory, clock);
        try {
            Journal journal = server.journal();
            List<JournalEntry> seen = new ArrayList<>();
            journal.addListener(seen::add);
            List<byte[]> datagrams = split(input);
            for (byte[] datagram : datagrams) {
                seen.clear();
                List<Datagram> replies = memory.deliver(datagram, CLIENT);
                check(datagram, replies, List.copyOf(seen));
                clock.advance(Duration.ofSeconds(10));
            }
            assertTrue(journal.size() <= JOURNAL_CAPACITY, "journal over its capacity: " + journal.size());
            assertEquals(journal.appended(), journal.size() + journal.evicted(), "appended = kept + evicted");
            assertTrue(journal.rejectedCount() <= datagrams.size());
            server.leases(); // the lease table stays readable
        } finally {
            server.stop();
        }
    }

    static DhcpServer server(InMemoryTransport memory, TestClock clock) {
        return DhcpServer.builder().transport(memory).clock(clock).serverId("192.168.0.1").authoritative()
                .journal(JOURNAL_CAPACITY, Journal.DEFAULT_MAX_BYTES).offerHoldTime(Duration.ofSeconds(30))
                .subnet("192.168.0.0/24", s -> s.pool("192.168.0.10", "192.168.0.17").exclude("192.168.0.12")
                        .router("192.168.0.1").dns("192.168.0.53").domainName("lab.test")
                        .leaseTime(Duration.ofMinutes(2)))
                .subnet("10.30.0.0/24", s -> s.pool("10.30.0.100", "10.30.0.103").router("10.30.0.1"))
                .subnet("10.40.0.0/24", s -> s.pool("10.40.0.100", "10.40.0.100").router("10.40.0.1")) // one address
                .staticLease("00:0b:82:01:fc:42", "192.168.0.42", l -> l.hostname("sample"))
                .start();
    }

    static void check(byte[] datagram, List<Datagram> replies, List<JournalEntry> entries) {
        List<JournalEntry> incoming = entries.stream().filter(e -> !e.isSent()).toList();
        List<JournalEntry> sent = entries.stream().filter(JournalEntry::isSent).toList();
        assertEquals(1, incoming.size(), "each datagram is journaled once as RECEIVED or REJECTED: " + entries);
        JournalEntry in = incoming.get(0);
        assertArrayEquals(datagram, in.bytes(), "the journal keeps the bytes as received");
        assertEquals(replies.size(), sent.size(), "one SENT entry per datagram sent");

        DhcpMessage request;
        try {
            request = DhcpCodec.decode(datagram);
        } catch (DhcpCodecException e) {
            assertEquals(JournalEntry.Kind.REJECTED, in.kind(), "undecodable input journaled as REJECTED");
            assertTrue(in.error().isPresent() && !in.note().isEmpty(), "a REJECTED entry carries its reason");
            assertTrue(replies.isEmpty(), "no reply to an input that does not decode");
            return;
        }
        assertEquals(JournalEntry.Kind.RECEIVED, in.kind(), "decodable input journaled as RECEIVED");
        String note = in.note();
        assertFalse(note == null || note.contains("responder failed"), "the responder failed: " + note);
        boolean promised = !note.startsWith("no reply")
                && (note.startsWith("DISCOVER: offer") || note.contains(": ACK") || note.contains(": NAK"));
        assertEquals(promised ? 1 : 0, replies.size(), "replies for decision '" + note + "'");

        for (Datagram out : replies) {
            DhcpMessage reply = DhcpCodec.decode(out.bytes()); // throws, and fails the test, if it does not decode
            assertEquals(DhcpMessage.BOOTREPLY, reply.op(), "op");
            assertEquals(request.xid(), reply.xid(), "xid");
            assertArrayEquals(request.chaddr(), reply.chaddr(), "chaddr");
            Optional<MessageType> type = reply.messageType();
            assertTrue(type.isPresent(), "a reply has option 53");
            assertTrue(Set.of(MessageType.OFFER, MessageType.ACK, MessageType.NAK).contains(type.get()),
                    "53 is OFFER, ACK or NAK: " + type.get());
            assertTrue(reply.serverIdentifier().isPresent(), "a reply has option 54");
            int limit = Math.max(576, request.maximumMessageSize().orElse(576)) - 28;
            assertTrue(out.bytes().length <= limit, "reply of " + out.bytes().length + " bytes over " + limit);
            if (reply.is(MessageType.NAK)) {
                assertEquals(0, Ipv4.toInt(reply.yiaddr()), "a NAK carries no address");
            } else if (Ipv4.toInt(reply.yiaddr()) != 0) {
                String net = Ipv4.toString(Ipv4.toInt(reply.yiaddr()) & 0xFFFFFF00);
                assertTrue(SUBNETS.contains(net.substring(0, net.lastIndexOf('.'))),
                        "offered " + reply.yiaddr() + " outside every subnet");
            }
            if (Ipv4.toInt(request.giaddr()) != 0) {
                assertEquals(new InetSocketAddress(request.giaddr(), 67), out.destination(),
                        "a relayed request is answered to its relay");
            }
        }
    }

    static List<byte[]> split(byte[] input) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i + SEPARATOR.length <= input.length && out.size() < MAX_DATAGRAMS - 1; i++) {
            if (matches(input, i)) {
                out.add(java.util.Arrays.copyOfRange(input, from, i));
                from = i + SEPARATOR.length;
                i = from - 1;
            }
        }
        out.add(java.util.Arrays.copyOfRange(input, from, input.length));
        return out;
    }

    private static boolean matches(byte[] input, int at) {
        for (int j = 0; j < SEPARATOR.length; j++) {
            if (input[at + j] != SEPARATOR[j]) {
                return false;
            }
        }
        return true;
    }
}
