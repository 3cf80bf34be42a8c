package dev.dhcpembedded.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * encode -> decode is the identity, with and without a size limit (then option 52 and RFC 3396 do the work).
 * Each case is one seed of {@link RandomMessages}: a failure names its seed, and the same seed rebuilds the same
 * message.
 */
class CodecPropertiesTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void encodeThenDecodeIsTheIdentity(long seed) {
        DhcpMessage message = new RandomMessages(seed).message();

        assertThat(DhcpDecoder.decode(DhcpEncoder.encode(message))).isEqualTo(Messages.relayAgentLast(message));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void encodeWithinAMaximumSizeThenDecodeGivesTheSameMessage(long seed) {
        RandomMessages random = new RandomMessages(seed);
        DhcpMessage message = random.message();
        int maxPacket = random.between(300, 1500);

        byte[] encoded;
        try {
            encoded = DhcpEncoder.encode(message, maxPacket);
        } catch (DhcpCodecException tooBig) {
            assertThat(tooBig.offset()).isEqualTo(-1);
            return;
        }
        assertThat(encoded.length).isLessThanOrEqualTo(Math.max(maxPacket, DhcpEncoder.MIN_PACKET));
        assertThat(DhcpDecoder.decode(encoded)).isEqualTo(Messages.relayAgentLast(message));
    }
}
