package dev.dhcpembedded.internal.channel;

import dev.dhcpembedded.channel.ChannelProtocolException;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The channel decoder's contract under arbitrary bytes, as the agent meets them from whoever reaches its port: a
 * frame that encodes back to the same bytes, a clean end, or an {@link IOException} ({@link ChannelProtocolException}
 * or {@link EOFException}). Nothing else: no other exception, no allocation beyond the length limit.
 *
 * <p>Under {@code mvn verify} this runs once per seed in {@code FrameCodecFuzzTestInputs/read}. To fuzz:
 * {@code JAZZER_FUZZ=1 mvn -pl dhcp-embedded test -Dtest=FrameCodecFuzzTest}.
 */
class FrameCodecFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] input) {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(input));
        int at = 0;
        while (true) {
            Frame frame;
            try {
                frame = reader.read();
            } catch (IOException expected) {
                return;
            }
            if (frame == null) {
                return;
            }
            byte[] wire = FrameCodec.encode(frame);
            assertArrayEquals(Arrays.copyOfRange(input, at, at + wire.length), wire, "re-encoded " + frame);
            at += wire.length;
            try {
                assertEquals(frame, FrameCodec.decode(Arrays.copyOfRange(wire, 4, wire.length)));
            } catch (ChannelProtocolException e) {
                throw new AssertionError("a frame the codec made does not decode: " + frame, e);
            }
        }
    }
}
