package dev.dhcpembedded.server;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.internal.runtime.ReplyAddressing;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.transport.DirectReceiver;
import dev.dhcpembedded.internal.transport.DirectSender;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's packet path alone, in memory: one DORA (DISCOVER in, OFFER out, REQUEST in, ACK out) with the
 * journal on, many clients, and nothing of a client's own encoding or decoding in the figure. Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per DORA exchange:
 * {@code dhcp-embedded/bench/jmh.sh PacketPathBenchmark -prof gc}.
 *
 * <p>{@link #dora} hands the server its datagrams as the project's own transports (loopback, interface) do: from
 * the transport's receive buffer, and takes the replies from the server's reply buffer ({@code DirectReceiver},
 * {@code DirectSender}). {@link #doraPublicTransport} goes through the public {@code Transport} API instead, as a
 * user's own transport does: a {@code Datagram} with its own bytes per datagram, both ways.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class PacketPathBenchmark {

    private static final int CLIENTS = 100;
    private static final InetSocketAddress RELAY = new InetSocketAddress("10.20.0.2", 67);

    /** Journal entries kept: the default, so that the journal wraps and reuses its slabs as it does under load. */
    @Param({"10000"})
    public int journal;

    private final DirectDiscardTransport transport = new DirectDiscardTransport();
    private final DiscardTransport publicTransport = new DiscardTransport();
    private DhcpServer server;
    private DhcpServer publicServer;
    private final byte[][] discovers = new byte[CLIENTS][];
    private final byte[][] requests = new byte[CLIENTS][];
    private int next;

    @Setup(Level.Trial)
    public void start() {
        server = start(transport);
        publicServer = start(publicTransport);
        for (int i = 0; i < CLIENTS; i++) {
            String mac = String.format("02:00:00:00:%02x:%02x", i >>> 8, i & 0xFF);
            DhcpMessage discover = DhcpMessage.builder().xid(0x1000 + i).chaddr(mac).giaddr("10.20.0.2")
                    .messageType(MessageType.DISCOVER)
                    .option(DhcpOptions.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                            OptionCode.DOMAIN_NAME_SERVER)).build();
            discovers[i] = DhcpCodec.encode(discover);
            DhcpMessage offer = DhcpCodec.decode(deliver(publicTransport, discovers[i]));
            requests[i] = DhcpCodec.encode(discover.toBuilder().messageType(MessageType.REQUEST)
                    .option(DhcpOptions.requestedIpAddress(offer.yiaddr().getHostAddress()))
                    .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
            deliver(publicTransport, requests[i]);
            // the same DORA on the direct server, checked: each reply must decode
            transport.keep = true;
            DhcpCodec.decode(transport.last(deliverDirect(discovers[i])));
            DhcpCodec.decode(transport.last(deliverDirect(requests[i])));
            transport.keep = false;
        }
    }

    private DhcpServer start(Transport to) {
        return DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/16", s -> s.pool("10.20.1.0", "10.20.254.255").router("10.20.0.1")
                        .dns("10.20.0.53"))
                .transport(to).journal(journal, Journal.DEFAULT_MAX_BYTES).start();
    }

    private static byte[] deliver(DiscardTransport to, byte[] bytes) {
        to.last = null;
        to.receiver.onDatagram(new Datagram(bytes.clone(), RELAY, DiscardTransport.SERVER, "mem", false));
        return to.last;
    }

    /** As a socket transport of the project's own: the bytes are the transport's buffer, lent for the call. */
    private int deliverDirect(byte[] bytes) {
        transport.lastLength = 0;
        ((DirectReceiver) transport.receiver).onDatagram(bytes, bytes.length, RELAY, DiscardTransport.SERVER, "mem",
                false);
        return transport.lastLength;
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.stop();
        publicServer.stop();
    }

    /** One DORA of the next client: its lease renews, the journal gets four entries. */
    @Benchmark
    public int dora() {
        int client = next;
        next = (client + 1) % CLIENTS;
        return deliverDirect(discovers[client]) + deliverDirect(requests[client]);
    }

    /** {@link #dora} through the public {@code Transport} API: a {@code Datagram} with its own bytes each way. */
    @Benchmark
    public int doraPublicTransport() {
        int client = next;
        next = (client + 1) % CLIENTS;
        byte[] offer = deliver(publicTransport, discovers[client]);
        byte[] ack = deliver(publicTransport, requests[client]);
        return offer.length + ack.length;
    }

    /** Hands datagrams to the server and keeps only the last reply: no history, no allocation of its own. */
    static final class DirectDiscardTransport extends DiscardTransport implements DirectSender {
        int lastLength;
        boolean keep;
        byte[] kept;

        @Override
        public void send(byte[] bytes, int length, InetSocketAddress destination, boolean broadcast) {
            lastLength = length;
            kept = keep ? java.util.Arrays.copyOf(bytes, length) : null;
        }

        byte[] last(int length) {
            if (length == 0 || kept == null || kept.length != length) {
                throw new IllegalStateException("no reply");
            }
            return kept;
        }

        @Override
        public InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort,
                                                  byte[] ethernet, int ethernetOffset) {
            return rfcIp == 0x0A140002 ? RELAY : ReplyAddressing.socket(rfcIp, rfcPort);
        }
    }

    static class DiscardTransport implements Transport {
        static final InetSocketAddress SERVER = new InetSocketAddress("10.20.0.1", 67);
        Receiver receiver;
        byte[] last;

        @Override
        public void start(Receiver r) {
            receiver = r;
        }

        @Override
        public void send(Datagram datagram) {
            last = datagram.bytes();
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
            return rfcDestination;
        }

        @Override
        public LinkView linkView() {
            return LinkView.AS_SENT;
        }

        @Override
        public void close() {
            receiver = null;
        }
    }
}
