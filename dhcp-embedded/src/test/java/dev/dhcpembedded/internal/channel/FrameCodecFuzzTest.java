package dev.dhcpembedded.internal.channel;

import dev.dhcpembedded.channel.ChannelProtocolException;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The channel decoder's contract under arbitrary bytes, as the agent meets them from whoever reaches its port: a
 * frame that encodes back to the same bytes, a clean end, or an {@link IOException} ({@link ChannelProtocolException}
 * or {@link EOFException}). Nothing else: no other exception, no allocation beyond the length limit.
 *
 * <p>The bytes are read twice: whole, and as the agent's receive loop and {@code AgentTransport} read a socket (a
 * {@link FrameReader} over a {@link BufferedInputStream} over a stream that hands out a few bytes per read, as TCP
 * segments arrive). Both must read the same frames and end the same way.
 *
 * <p>Under {@code mvn verify} this runs once per seed in {@code FrameCodecFuzzTestInputs/read}. To fuzz:
 * {@code fuzz/campaign.sh frame} (or {@code JAZZER_FUZZ=1 mvn -pl dhcp-embedded test -Dtest=FrameCodecFuzzTest}).
 */
class FrameCodecFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] input) {
        List<Object> whole = readAll(input, new ByteArrayInputStream(input));
        List<Object> socket = readAll(input, new BufferedInputStream(new Trickle(input)));
        assertEquals(whole, socket, "frames read whole and as a socket delivers them");
    }

    /** The frames read, then how the stream ended: null (clean end) or the exception's class. */
    private static List<Object> readAll(byte[] input, InputStream stream) {
        FrameReader reader = new FrameReader(stream);
        List<Object> outcome = new ArrayList<>();
        int at = 0;
        while (true) {
            Frame frame;
            try {
                frame = reader.read();
            } catch (IOException expected) {
                outcome.add(expected.getClass());
                return outcome;
            }
            if (frame == null) {
                outcome.add(null);
                return outcome;
            }
            outcome.add(frame);
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

    /** A stream that hands out 1 to 7 bytes per read, as segments of a TCP stream arrive. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int at;
        private int reads;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - at), 1 + reads++ % 7);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
