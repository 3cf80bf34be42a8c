package dev.dhcpembedded.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.transport.LinkView;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The packet path without stubs makes no object per steady-state DORA (journal on), as the project's own
 * transports drive it: the request read in their buffer, the reply sent from the server's. Counted with the JVM's
 * per-thread allocation counter over 2,000 exchanges after a warm-up, against the bound of 256 bytes per
 * DORA (not timed: bytes are bytes on any machine), in a JVM of its own ({@link AllocationHarness}).
 */
class PacketPathAllocationTest {

    @Test
    void aSteadyStateDoraAllocatesAtMost256Bytes() throws Exception {
        long perDora = AllocationHarness.inForkedJvm(PacketPathAllocationTest.class);
        assertTrue(perDora <= 256, perDora + " bytes allocated per DORA");
    }

    /** The measurement, in a JVM of its own: prints the bytes allocated per DORA. */
    public static void main(String[] args) {
        System.out.println(measure());
    }

    private static final InetSocketAddress RELAY = new InetSocketAddress("10.20.0.2", 67);
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.20.0.1", 67);

    private static long measure() {
        AllocationHarness.Direct transport = new AllocationHarness.Direct(RELAY, SERVER, SERVER, LinkView.AS_SENT);
        DhcpServer server = DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/16", s -> s.pool("10.20.1.0", "10.20.254.255").router("10.20.0.1")
                        .dns("10.20.0.53"))
                .transport(transport).journal(1_000, Journal.DEFAULT_MAX_BYTES).start();
        try {
            int clients = 50;
            byte[][] discovers = new byte[clients][];
            byte[][] requests = new byte[clients][];
            for (int i = 0; i < clients; i++) {
                DhcpMessage discover = DhcpMessage.builder().xid(0x1000 + i)
                        .chaddr(String.format("02:00:00:00:00:%02x", i)).giaddr("10.20.0.2")
                        .messageType(MessageType.DISCOVER).option(DhcpOptions.hostname("host" + i))
                        .option(DhcpOptions.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                                OptionCode.DOMAIN_NAME_SERVER)).build();
                discovers[i] = DhcpCodec.encode(discover);
                DhcpMessage offer = DhcpCodec.decode(transport.exchange(discovers[i], true));
                assertEquals(MessageType.OFFER, offer.messageType().orElseThrow());
                requests[i] = DhcpCodec.encode(discover.toBuilder().messageType(MessageType.REQUEST)
                        .option(DhcpOptions.requestedIpAddress(offer.yiaddr().getHostAddress()))
                        .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
                DhcpMessage ack = DhcpCodec.decode(transport.exchange(requests[i], true));
                assertEquals(MessageType.ACK, ack.messageType().orElseThrow());
            }
            long perDora = AllocationHarness.bytesPerExchange(round -> {
                int i = round % clients;
                transport.exchange(discovers[i], false);
                transport.exchange(requests[i], false);
            });
            // and the path really served them: the journal's last entry is the last ACK, with its rule
            JournalEntry last = server.journal().entries().get(server.journal().entries().size() - 1);
            assertEquals(JournalEntry.Kind.SENT, last.kind());
            assertTrue(last.note().contains(": ACK"), last.note());
            return perDora;
        } finally {
            server.stop();
        }
    }
}
