package dev.dhcpembedded.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The DHCPv6 packet path under arbitrary bytes, with the invariants of the v4 one ({@link PacketPathFuzzTest}):
 * <ul>
 *   <li>every datagram is journaled exactly once (RECEIVED or REJECTED) with its bytes, and nothing escapes;</li>
 *   <li>no reply to a datagram that does not decode (REJECTED with the codec's reason and offset);</li>
 *   <li>every reply decodes and is well formed: ADVERTISE or REPLY (inside RELAY-REPL layers that mirror the
 *       request's RELAY-FORW layers, hop count, link and peer address), the request's transaction id, this server's
 *       DUID, the client's DUID echoed, addresses from the pools and prefixes from the delegation pool;</li>
 *   <li>the journal stays within its capacity and counts what it evicted.</li>
 * </ul>
 * Several datagrams per input, split by {@link PacketPathFuzzTest#SEPARATOR}, go to one fresh server; the test
 * clock moves 10 s between them. Regression seeds: {@code Dhcp6PacketPathFuzzTestInputs/packetPath}. To fuzz:
 * {@code JAZZER_FUZZ=1 mvn -pl dhcp-embedded test -Dtest=Dhcp6PacketPathFuzzTest}.
 */
class Dhcp6PacketPathFuzzTest {

    static final Duid SERVER = Duid.ll(MacAddress.parse("02:00:00:00:00:01"));

    @FuzzTest(maxDuration = "10m")
    void packetPath(byte[] input) {
        TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = DhcpServer.builder().transport6(memory).clock(clock).serverDuid(SERVER)
                .journal(PacketPathFuzzTest.JOURNAL_CAPACITY, Journal.DEFAULT_MAX_BYTES)
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::107")
                        .prefixDelegation("2001:db8:100::/60", 62).dns("2001:db8:1::53").domainSearch("lab.test")
                        .preferredLifetime(Duration.ofMinutes(1)).validLifetime(Duration.ofMinutes(2)))
                .subnet6("2001:db8:2::/64", s -> s.pool("2001:db8:2::100", "2001:db8:2::100"))
                .start();
        try {
            Journal journal = server.journal();
            List<JournalEntry> seen = new ArrayList<>();
            journal.addListener(seen::add);
            List<byte[]> datagrams = PacketPathFuzzTest.split(input);
            for (byte[] datagram : datagrams) {
                seen.clear();
                List<Datagram> replies = memory.deliver(datagram, PacketPathFuzzTest.CLIENT);
                check(datagram, replies, List.copyOf(seen));
                clock.advance(Duration.ofSeconds(10));
            }
            assertTrue(journal.size() <= PacketPathFuzzTest.JOURNAL_CAPACITY, "journal over its capacity");
            assertEquals(journal.appended(), journal.size() + journal.evicted(), "appended = kept + evicted");
            server.v6().leases().forEach(Object::toString);
        } finally {
            server.stop();
        }
    }

    static void check(byte[] datagram, List<Datagram> replies, List<JournalEntry> entries) {
        List<JournalEntry> incoming = entries.stream().filter(e -> !e.isSent()).toList();
        List<JournalEntry> sent = entries.stream().filter(JournalEntry::isSent).toList();
        assertEquals(1, incoming.size(), "each datagram is journaled once: " + entries);
        JournalEntry in = incoming.get(0);
        assertTrue(in.isV6(), "a DHCPv6 entry");
        assertArrayEquals(datagram, in.bytes(), "the journal keeps the bytes as received");
        assertEquals(replies.size(), sent.size(), "one SENT entry per datagram sent");
        Dhcp6Message request;
        try {
            request = Dhcp6Codec.decode(datagram);
        } catch (DhcpCodecException e) {
            assertEquals(JournalEntry.Kind.REJECTED, in.kind(), "undecodable input journaled as REJECTED");
            assertTrue(in.error().isPresent() && !in.note().isEmpty(), "a REJECTED entry carries its reason");
            assertTrue(replies.isEmpty(), "no reply to an input that does not decode");
            return;
        }
        assertEquals(JournalEntry.Kind.RECEIVED, in.kind());
        assertTrue(replies.size() <= 1, "at most one reply: " + in.note());
        for (Datagram out : replies) {
            Dhcp6Message reply = Dhcp6Codec.decode(out.bytes());
            Dhcp6Message req = request;
            while (req.isRelay()) {
                assertTrue(reply.is(Dhcp6MessageType.RELAY_REPL), "RELAY-FORW answered by RELAY-REPL");
                assertEquals(req.hopCount(), reply.hopCount(), "hop count");
                assertEquals(req.linkAddress(), reply.linkAddress(), "link address");
                assertEquals(req.peerAddress(), reply.peerAddress(), "peer address");
                req = req.relayMessage().orElseThrow();
                reply = reply.relayMessage().orElseThrow();
            }
            assertTrue(Set.of(Dhcp6MessageType.ADVERTISE, Dhcp6MessageType.REPLY).contains(reply.type().orElseThrow()),
                    "ADVERTISE or REPLY: " + reply.typeName());
            assertEquals(req.transactionId(), reply.transactionId(), "transaction id");
            assertEquals(SERVER, reply.serverId().orElseThrow(), "server DUID");
            assertEquals(req.clientId(), reply.clientId(), "client DUID echoed");
            for (IaNa ia : reply.iaNa()) {
                for (IaAddress a : ia.addresses()) {
                    String text = Ipv6.format(a.address());
                    assertTrue(a.validLifetime() == 0 || text.startsWith("2001:db8:1::10")
                            || text.equals("2001:db8:2::100"), "address outside the pools: " + text);
                }
            }
            for (IaPd ia : reply.iaPd()) {
                for (IaPrefix p : ia.prefixes()) {
                    assertTrue(p.cidr().startsWith("2001:db8:100:") && p.prefixLength() == 62
                            || p.cidr().equals("2001:db8:100::/62"), "prefix outside the pool: " + p.cidr());
                }
            }
        }
    }
}
