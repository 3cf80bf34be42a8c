package dev.dhcpembedded.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dhcpembedded.internal.transport.DirectReceiver;
import dev.dhcpembedded.internal.transport.DirectSender;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the packet-path allocation tests share: a measurement run in a JVM of its own (this suite's JVM carries the
 * fuzzer's instrumentation hooks, which allocate in the code they hook), the JVM's per-thread allocation counter,
 * and a transport that delivers requests as the project's own transports do (read in the caller's array, the reply
 * sent from the server's).
 */
final class AllocationHarness {

    /** Exchanges run before counting: the journal wraps, the JIT compiles. */
    static final int WARM_UP = 20_000;
    /** Exchanges counted. */
    static final int COUNTED = 2_000;

    private AllocationHarness() {
    }

    /** Runs {@code measurement}'s {@code main} in a JVM of its own and returns the number it prints last. */
    static long inForkedJvm(Class<?> measurement) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                measurement.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        return Long.parseLong(last);
    }

    /**
     * The bytes this thread allocates per call of {@code exchange} (given the round number), counted over
     * {@link #COUNTED} calls after {@link #WARM_UP}.
     */
    static long bytesPerExchange(java.util.function.IntConsumer exchange) {
        for (int round = 0; round < WARM_UP; round++) {
            exchange.accept(round);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int round = 0; round < COUNTED; round++) {
            exchange.accept(round);
        }
        return (threads.getThreadAllocatedBytes(id) - before) / COUNTED;
    }

    /**
     * Lends its request arrays as a socket transport lends its receive buffer, from {@code peer} to
     * {@code destination}; replies go back to {@code peer}, and a copy of one is kept if asked.
     */
    static final class Direct implements Transport, DirectSender {
        private final InetSocketAddress peer;
        private final InetSocketAddress local;
        private final InetSocketAddress destination;
        private final LinkView linkView;
        private DirectReceiver receiver;
        private boolean keep;
        private byte[] kept;
        private int sent;

        Direct(InetSocketAddress peer, InetSocketAddress local, InetSocketAddress destination, LinkView linkView) {
            this.peer = peer;
            this.local = local;
            this.destination = destination;
            this.linkView = linkView;
        }

        /** Delivers {@code request}; expects one reply, returned when {@code keepReply} (else null). */
        byte[] exchange(byte[] request, boolean keepReply) {
            keep = keepReply;
            sent = 0;
            receiver.onDatagram(request, request.length, peer, destination, "mem", false);
            assertEquals(1, sent, "one reply");
            return kept;
        }

        @Override
        public void send(byte[] bytes, int length, InetSocketAddress to, boolean broadcast) {
            sent++;
            kept = keep ? Arrays.copyOf(bytes, length) : null;
        }

        @Override
        public InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort,
                                                  byte[] ethernet, int ethernetOffset) {
            return peer;
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
            return local;
        }

        @Override
        public String interfaceName() {
            return "mem";
        }

        @Override
        public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                                  byte[] clientEthernet) {
            return peer;
        }

        @Override
        public LinkView linkView() {
            return linkView;
        }

        @Override
        public void close() {
        }
    }
}
