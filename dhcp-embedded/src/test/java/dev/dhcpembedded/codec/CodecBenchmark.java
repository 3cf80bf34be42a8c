package dev.dhcpembedded.codec;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Decode and encode a typical DISCOVER and an ACK with 11 options. Run with dhcp-embedded/bench/jmh.sh. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark {

    private final byte[] discoverBytes = GoldenVectors.DISCOVER.clone();
    private final byte[] ackBytes = GoldenVectors.ACK.clone();
    private final DhcpMessage discover = DhcpDecoder.decode(discoverBytes);
    private final DhcpMessage ack = DhcpDecoder.decode(ackBytes);

    @Benchmark
    public DhcpMessage decodeDiscover() {
        return DhcpDecoder.decode(discoverBytes);
    }

    @Benchmark
    public DhcpMessage decodeAck() {
        return DhcpDecoder.decode(ackBytes);
    }

    @Benchmark
    public byte[] encodeDiscover() {
        return DhcpEncoder.encode(discover);
    }

    @Benchmark
    public byte[] encodeAck() {
        return DhcpEncoder.encode(ack);
    }
}
