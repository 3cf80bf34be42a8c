package dev.dhcpembedded.server;

import dev.dhcpembedded.journal.Journal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.transport.DirectReceiver;
import dev.dhcpembedded.internal.transport.DirectSender;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The packet path without stubs makes no object per steady-state DORA (journal on), as the project's own
 * transports drive it: the request read in their buffer, the reply sent from the server's. Counted with the JVM's
 * per-thread allocation counter over 2,000 exchanges after a warm-up, against the bound of 256 bytes per
 * DORA (not timed: bytes are bytes on any machine). Measured in a JVM of its own: this suite's JVM carries the
 * fuzzer's instrumentation hooks, which allocate in the code they hook.
 */
class PacketPathAllocationTest {

    @Test
    void aSteadyStateDoraAllocatesAtMost256Bytes() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PacketPathAllocationTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        long perDora = Long.parseLong(last);
        assertTrue(perDora <= 256, perDora + " bytes allocated per DORA");
    }

    /** The measurement, in a JVM of its own: prints the bytes allocated per DORA. */
    public static void main(String[] args) {
        System.out.println(measure());
    }

    private static final InetSocketAddress RELAY = new InetSocketAddress("10.20.0.2", 67);
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.20.0.1", 67);

    private static long measure() {
        Direct transport = new Direct();
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
            for (int round = 0; round < 20_000; round++) { // warm-up: the journal wraps, the JIT compiles
                int i = round % clients;
                transport.exchange(discovers[i], false);
                transport.exchange(requests[i], false);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            int doras = 2_000;
            long before = threads.getThreadAllocatedBytes(id);
            for (int round = 0; round < doras; round++) {
                int i = round % clients;
                transport.exchange(discovers[i], false);
                transport.exchange(requests[i], false);
            }
            long perDora = (threads.getThreadAllocatedBytes(id) - before) / doras;
            // and the path really served them: the journal's last entry is the last ACK, with its rule
            JournalEntry last = server.journal().entries().get(server.journal().entries().size() - 1);
            assertEquals(JournalEntry.Kind.SENT, last.kind());
            assertTrue(last.note().contains(": ACK"), last.note());
            return perDora;
        } finally {
            server.stop();
        }
    }

    /** Lends its request arrays as a socket transport lends its receive buffer; keeps a copy of a reply if asked. */
    private static final class Direct implements Transport, DirectSender {
        private DirectReceiver receiver;
        private boolean keep;
        private byte[] kept;
        private int sent;

        byte[] exchange(byte[] request, boolean keepReply) {
            keep = keepReply;
            sent = 0;
            receiver.onDatagram(request, request.length, RELAY, SERVER, "mem", false);
            assertEquals(1, sent, "one reply");
            return kept;
        }

        @Override
        public void send(byte[] bytes, int length, InetSocketAddress destination, boolean broadcast) {
            sent++;
            kept = keep ? Arrays.copyOf(bytes, length) : null;
        }

        @Override
        public InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort,
                                                  byte[] ethernet, int ethernetOffset) {
            return RELAY;
        }

        @Override
        public void start(Receiver r) {
            receiver = (DirectReceiver) r;
        }

        @Override
        public void send(Datagram datagram) {
            throw new AssertionError("the server's packet path sends through DirectSender");
        }

        @Override
        public InetSocketAddress localAddress() {
            return SERVER;
        }

        @Override
        public String interfaceName() {
            return "mem";
        }

        @Override
        public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                                  byte[] clientEthernet) {
            return RELAY;
        }

        @Override
        public LinkView linkView() {
            return LinkView.AS_SENT;
        }

        @Override
        public void close() {
        }
    }
}
