package dev.dhcpembedded.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelProtocolException;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The frame reader's bounds: a frame it cannot take costs that frame only where the stream allows, and never an
 * allocation of its announced length.
 */
class FrameReaderBoundsTest {

    private static final byte[] PING = FrameCodec.encode(new Frame.Ping(42));

    @Test
    void aSkippingReaderGoesPastAnOversizedFrameAndReadsTheNextOne() throws IOException {
        long oversized = 0xFFFF_FFF0L; // 4 GiB announced: read through, never allocated
        InputStream in = new SequenceOfOversized(oversized, PING);
        FrameReader reader = FrameReader.skippingOversized(in);

        assertThatThrownBy(reader::read).isInstanceOf(ChannelProtocolException.class)
                .hasMessageContaining("frame length " + oversized + " is outside 1-" + ChannelProtocol.MAX_FRAME_LENGTH)
                .hasMessageContaining("skipped");
        assertThat(reader.atFrameBoundary()).isTrue();
        assertThat(reader.read()).isEqualTo(new Frame.Ping(42));
    }

    @Test
    void aDefaultReaderRefusesAnOversizedFrameBeforeItsBody() {
        byte[] bytes = ByteBuffer.allocate(8).putInt(ChannelProtocol.MAX_FRAME_LENGTH + 1).putInt(0).array();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes));

        assertThatThrownBy(reader::read).isInstanceOf(ChannelProtocolException.class)
                .hasMessageNotContaining("skipped");
        assertThat(reader.atFrameBoundary()).as("the stream is out of step: close it").isFalse();
    }

    @Test
    void aFrameWithABadBodyIsReadWholeSoTheNextFrameCanBeRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(6).putInt(2).put((byte) 0x7e).put((byte) 0).array());
        out.writeBytes(PING);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()));

        assertThatThrownBy(reader::read).isInstanceOf(ChannelProtocolException.class);
        assertThat(reader.atFrameBoundary()).isTrue();
        assertThat(reader.read()).isEqualTo(new Frame.Ping(42));
        assertThat(reader.read()).isNull();
        assertThat(reader.atFrameBoundary()).isTrue();
    }

    @Test
    void aStreamThatEndsInsideAFrameLeavesTheReaderOffABoundary() {
        byte[] cut = java.util.Arrays.copyOf(PING, PING.length - 1);
        FrameReader reader = FrameReader.skippingOversized(new ByteArrayInputStream(cut));

        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
        assertThat(reader.atFrameBoundary()).isFalse();
    }

    @Test
    void aStreamThatFailsBetweenFramesLeavesTheReaderOffABoundary() {
        FrameReader reader = FrameReader.skippingOversized(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("socket closed");
            }
        });
        assertThatThrownBy(reader::read).hasMessage("socket closed");
        assertThat(reader.atFrameBoundary()).as("a loop must not spin on a dead stream").isFalse();
    }

    /** A length prefix of {@code length} and that many zero bytes, then {@code next}; nothing held in memory. */
    private static final class SequenceOfOversized extends InputStream {
        private final byte[] header;
        private final byte[] next;
        private final long length;
        private long position;

        SequenceOfOversized(long length, byte[] next) {
            this.header = ByteBuffer.allocate(4).putInt((int) length).array();
            this.length = length;
            this.next = next;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long end = 4 + length + next.length;
            if (position >= end) {
                return -1;
            }
            int n = 0;
            while (n < len && position < end) {
                if (position < 4) {
                    b[off + n++] = header[(int) position++];
                } else if (position < 4 + length) {
                    int run = (int) Math.min(len - n, 4 + length - position);
                    java.util.Arrays.fill(b, off + n, off + n + run, (byte) 0);
                    n += run;
                    position += run;
                } else {
                    b[off + n++] = next[(int) (position++ - 4 - length)];
                }
            }
            return n;
        }
    }
}
