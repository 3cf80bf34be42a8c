package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
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
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per DORA exchange, the received datagrams'
 * bytes included (a socket transport allocates them too):
 * {@code dhcp-embedded/bench/jmh.sh PacketPathBenchmark -prof gc}.
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

    private final DiscardTransport transport = new DiscardTransport();
    private DhcpServer server;
    private final byte[][] discovers = new byte[CLIENTS][];
    private final byte[][] requests = new byte[CLIENTS][];
    private int next;

    @Setup(Level.Trial)
    public void start() {
        server = DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/16", s -> s.pool("10.20.1.0", "10.20.254.255").router("10.20.0.1")
                        .dns("10.20.0.53"))
                .transport(transport).journalCapacity(journal).start();
        for (int i = 0; i < CLIENTS; i++) {
            String mac = String.format("02:00:00:00:%02x:%02x", i >>> 8, i & 0xFF);
            DhcpMessage discover = DhcpMessage.builder().xid(0x1000 + i).chaddr(mac).giaddr("10.20.0.2")
                    .messageType(MessageType.DISCOVER)
                    .option(DhcpOption.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                            OptionCode.DOMAIN_NAME_SERVER)).build();
            discovers[i] = DhcpCodec.encode(discover);
            DhcpMessage offer = DhcpCodec.decode(deliver(discovers[i]));
            requests[i] = DhcpCodec.encode(discover.toBuilder().messageType(MessageType.REQUEST)
                    .option(DhcpOption.requestedIpAddress(offer.yiaddr().getHostAddress()))
                    .option(DhcpOption.serverIdentifier("10.20.0.1")).build());
            deliver(requests[i]);
        }
    }

    private byte[] deliver(byte[] bytes) {
        transport.last = null;
        transport.receiver.onDatagram(new Datagram(bytes.clone(), RELAY, DiscardTransport.SERVER, "mem", false));
        return transport.last;
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.stop();
    }

    /** One DORA of the next client: its lease renews, the journal gets four entries. */
    @Benchmark
    public int dora() {
        int client = next;
        next = (client + 1) % CLIENTS;
        byte[] offer = deliver(discovers[client]);
        byte[] ack = deliver(requests[client]);
        return offer.length + ack.length;
    }

    /** Hands datagrams to the server and keeps only the last reply: no history, no allocation of its own. */
    static final class DiscardTransport implements Transport {
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
