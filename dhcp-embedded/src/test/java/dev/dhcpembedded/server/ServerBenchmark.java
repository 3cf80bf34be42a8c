package dev.dhcpembedded.server;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * start() to ready and stop() (warm), one DORA over the in-memory transport, and one DORA over loopback UDP with the
 * project's client. SampleTime gives p50 and the tail. Run: {@code dhcp-embedded/bench/jmh.sh ServerBenchmark}, or
 * {@code java -cp target/test-classes:target/classes:$(deps) org.openjdk.jmh.Main ServerBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServerBenchmark {

    static DhcpServerBuilder builder() {
        return DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                        .dns("10.20.0.53").leaseTime(Duration.ofMinutes(10)));
    }

    /** A built, not yet started server; stopped after each start. */
    @State(Scope.Thread)
    public static class Unstarted {
        DhcpServer server;

        @Setup(Level.Invocation)
        public void build() {
            server = builder().build();
        }

        @TearDown(Level.Invocation)
        public void stop() {
            server.stop();
        }
    }

    /** A started server, to be stopped by the benchmark. */
    @State(Scope.Thread)
    public static class Started {
        DhcpServer server;

        @Setup(Level.Invocation)
        public void start() {
            server = builder().start();
        }

        @TearDown(Level.Invocation)
        public void stop() {
            server.stop();
        }
    }

    @State(Scope.Thread)
    public static class InMemory {
        InMemoryTransport memory;
        DhcpServer server;
        DhcpMessage discover;
        DhcpMessage request;

        @Setup(Level.Trial)
        public void start() {
            memory = new InMemoryTransport();
            server = builder().transport(memory).journal(1000, Journal.DEFAULT_MAX_BYTES).start();
            discover = DhcpMessage.builder().xid(0x1234).chaddr("02:00:00:00:00:01")
                    .messageType(MessageType.DISCOVER)
                    .option(DhcpOptions.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                            OptionCode.DOMAIN_NAME_SERVER)).build();
            request = discover.toBuilder().messageType(MessageType.REQUEST)
                    .option(DhcpOptions.requestedIpAddress("10.20.0.100"))
                    .option(DhcpOptions.serverIdentifier("10.20.0.1")).build();
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.stop();
        }
    }

    @State(Scope.Thread)
    public static class Loopback {
        DhcpServer server;
        DhcpTestClient client;

        @Setup(Level.Trial)
        public void start() {
            server = builder().journal(1000, Journal.DEFAULT_MAX_BYTES).start();
            client = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:01")
                    .timeout(Duration.ofSeconds(1)).attempts(3).build();
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            server.stop();
        }
    }

    @Benchmark
    public DhcpServer start(Unstarted state) {
        return state.server.start();
    }

    @Benchmark
    public boolean stop(Started state) {
        state.server.stop();
        return state.server.isRunning();
    }

    @Benchmark
    public List<DhcpMessage> doraInMemory(InMemory state) {
        state.memory.exchange(state.discover);
        return state.memory.exchange(state.request);
    }

    @Benchmark
    public ClientLease doraLoopback(Loopback state) {
        return state.client.dora();
    }
}
