package dev.dhcpembedded.server;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
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
 * The DHCPv6 packet path alone, in memory: SOLICIT in, ADVERTISE out, REQUEST in, REPLY out, with the journal on and
 * nothing of a client's own encoding or decoding in the figure. Run with {@code -prof gc}: {@code
 * gc.alloc.rate.norm} is the bytes allocated per exchange, a received datagram's own bytes included where the
 * transport makes them (the public {@code Transport} API's {@code Datagram}; the project's own transports read
 * datagrams in one reused array):
 * {@code dhcp-embedded/bench/jmh.sh PacketPath6Benchmark -prof gc}.
 *
 * <ul>
 *   <li>{@link #exchange()}: the next of {@value #CLIENTS} known DUIDs (IA_NA, an ORO), as perfdhcp -6 sends them:
 *   each client gets its address again, delivered as the project's transports deliver;</li>
 *   <li>{@link #exchangePublicTransport()}: the same through the public {@code Transport} API;</li>
 *   <li>{@link #newClient()}: a DUID never seen before each time (IA_NA and IA_PD), so that every exchange scans
 *   the address pool and the delegation pool for the next free resource; the table is emptied before each
 *   iteration.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PacketPath6Benchmark {

    static final int CLIENTS = 1000;
    /** Where the DUID-LL's link-layer address starts in a message whose first option is the client identifier. */
    private static final int MAC_OFFSET = 4 + 4 + 4;
    private static final InetSocketAddress CLIENT = new InetSocketAddress("fe80::2", 546);
    private static final InetSocketAddress ALL_SERVERS = new InetSocketAddress("ff02::1:2", 547);

    /** Journal entries kept: the default, so that the journal wraps and reuses its storage as it does under load. */
    @Param({"10000"})
    public int journal;

    private final DiscardTransport6 transport = new DiscardTransport6();
    private DhcpServer server;
    private final byte[][] solicits = new byte[CLIENTS][];
    private final byte[][] requests = new byte[CLIENTS][];
    private byte[] newSolicit;
    private byte[] newRequest;
    private int next;
    private long fresh;

    @Setup(Level.Trial)
    public void start() {
        server = DhcpServer.builder()
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::1:0", "2001:db8:1::ff:ffff")
                        .prefixDelegation("2001:db9::/32", 56).dns("2001:db8:1::53").domainSearch("example.test"))
                .transport6(transport).journal(journal, Journal.DEFAULT_MAX_BYTES).start();
        Duid us = server.serverDuid().orElseThrow();
        for (int i = 0; i < CLIENTS; i++) {
            solicits[i] = Dhcp6Codec.encode(solicit(i, false));
            requests[i] = Dhcp6Codec.encode(request(solicit(i, false), us));
            deliver(solicits[i]);
            deliver(requests[i]);
        }
        newSolicit = Dhcp6Codec.encode(solicit(0, true));
        newRequest = Dhcp6Codec.encode(request(solicit(0, true), us));
    }

    /** A client's SOLICIT: its DUID-LL first (the benchmark writes new link-layer addresses there), one IA_NA. */
    private static Dhcp6Message solicit(int client, boolean delegation) {
        byte[] mac = {2, 0, 0, 0, (byte) (client >>> 8), (byte) client};
        Dhcp6Message.Builder b = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(0x100 + client)
                .option(Dhcp6Option.clientId(Duid.ll(1, mac)))
                .option(Dhcp6Option.elapsedTime(0))
                .option(Dhcp6Option.oro(Dhcp6OptionCode.DNS_SERVERS, Dhcp6OptionCode.DOMAIN_LIST))
                .option(Dhcp6Option.iaNa(IaNa.of(client, 0, 0)));
        if (delegation) {
            b.option(Dhcp6Option.iaPd(IaPd.of(client, 0, 0)));
        }
        return b.build();
    }

    private static Dhcp6Message request(Dhcp6Message solicit, Duid server) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(Dhcp6MessageType.REQUEST)
                .transactionId(solicit.transactionId() + 0x10000);
        for (Dhcp6Option o : solicit.options()) {
            b.option(o);
            if (o.code() == Dhcp6OptionCode.CLIENTID) {
                b.option(Dhcp6Option.serverId(server));
            }
        }
        return b.build();
    }

    /** As the project's transports deliver: copied into their one receive array, read there. */
    private byte[] deliver(byte[] bytes) {
        transport.last = null;
        System.arraycopy(bytes, 0, transport.receiveBuffer, 0, bytes.length);
        ((DirectReceiver) transport.receiver).onDatagram(transport.receiveBuffer, bytes.length, CLIENT, ALL_SERVERS,
                "mem", false);
        return transport.last;
    }

    /** As a transport of one's own delivers, through the public API: a {@link Datagram} with its own bytes. */
    private byte[] deliverPublic(byte[] bytes) {
        transport.last = null;
        transport.receiver.onDatagram(new Datagram(bytes.clone(), CLIENT, ALL_SERVERS, "mem", false));
        return transport.last;
    }

    @Setup(Level.Iteration)
    public void emptyTable() {
        if (fresh > 0) {
            server.reset();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.stop();
    }

    /** One SOLICIT-ADVERTISE-REQUEST-REPLY of the next known client: its address again, four journal entries. */
    @Benchmark
    public int exchange() {
        int client = next;
        next = (client + 1) % CLIENTS;
        byte[] advertise = deliver(solicits[client]);
        byte[] reply = deliver(requests[client]);
        return advertise.length + reply.length;
    }

    /** {@link #exchange()} through the public {@code Transport} API: a {@link Datagram} each way. */
    @Benchmark
    public int exchangePublicTransport() {
        int client = next;
        next = (client + 1) % CLIENTS;
        byte[] advertise = deliverPublic(solicits[client]);
        byte[] reply = deliverPublic(requests[client]);
        return advertise.length + reply.length;
    }

    /** The same exchange by a DUID never seen before: a new address and a new delegated prefix. */
    @Benchmark
    public int newClient() {
        long n = ++fresh;
        for (byte[] message : new byte[][] {newSolicit, newRequest}) {
            for (int i = 0; i < 4; i++) {
                message[MAC_OFFSET + 2 + i] = (byte) (n >>> (24 - 8 * i));
            }
        }
        byte[] advertise = deliver(newSolicit);
        byte[] reply = deliver(newRequest);
        return advertise.length + reply.length;
    }

    /** Hands datagrams to the server and keeps only the last reply, as the project's transports do or not. */
    static final class DiscardTransport6 implements Transport, DirectSender {
        static final InetSocketAddress SERVER = new InetSocketAddress("fe80::1", 547);
        final byte[] receiveBuffer = new byte[65535];
        Receiver receiver;
        byte[] last;

        @Override
        public void send(byte[] bytes, int length, InetSocketAddress destination, boolean broadcast) {
            last = bytes;
        }

        @Override
        public InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort,
                                                  byte[] ethernet, int ethernetOffset) {
            return requestSource;
        }

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
            return request.source();
        }

        @Override
        public LinkView linkView() {
            return LinkView.AS_ON_A_LINK;
        }

        @Override
        public void close() {
            receiver = null;
        }
    }
}
