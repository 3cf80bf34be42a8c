package dev.dhcpembedded.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelProtocolException;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.channel.UdpFrame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UDP frames of channel version 3: their layout, and bodies that break it refused with a reason, never a crash. */
class UdpFrameCodecTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("10.1.2.100", 2000);

    @Test
    void aDataFrameIsLaidOutAsDocumented() throws IOException {
        byte[] wire = FrameCodec.encode(new UdpFrame.Data(0x01020304, PEER, new byte[] {9, 8}));
        ByteBuffer b = ByteBuffer.wrap(wire);
        assertThat(b.getInt()).isEqualTo(1 + 4 + 6 + 2);
        assertThat(b.get()).isEqualTo((byte) 0x42);
        assertThat(b.getInt()).isEqualTo(0x01020304);
        assertThat(new byte[] {b.get(), b.get(), b.get(), b.get()}).containsExactly(10, 1, 2, 100);
        assertThat(b.getShort()).isEqualTo((short) 2000);
        assertThat(new byte[] {b.get(), b.get()}).containsExactly(9, 8);
    }

    @Test
    void truncatedOrPaddedBodiesAreRefused() {
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x40, 0, 0, 0, 1, 0}))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("UDP_OPEN frame of 6 bytes is truncated");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x40, 0, 0, 0, 1, 0, 69, 7}))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("1 unexpected trailing bytes");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x41, 0, 0, 0, 1, 10, 0, 0}))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("UDP_OPENED frame of 8 bytes");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x42, 0, 0, 0, 1, 10, 0, 0, 1, 0}))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("UDP_DATA frame of 10 bytes");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x43, 0, 0, 0, 1, 0, 5, 'a'}))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("UDP_CLOSE frame of 8 bytes");
    }

    @Test
    void aCloseReasonMustBeShortUtf8() {
        ByteBuffer tooLong = ByteBuffer.allocate(1 + 4 + 2 + FrameCodec.MAX_TEXT + 1).put((byte) 0x43).putInt(1)
                .putShort((short) (FrameCodec.MAX_TEXT + 1));
        assertThatThrownBy(() -> FrameCodec.decode(tooLong.array())).isInstanceOf(ChannelProtocolException.class)
                .hasMessageContaining("exceeds " + FrameCodec.MAX_TEXT);
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x43, 0, 0, 0, 1, 0, 2, (byte) 0xC3, 0x28}))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> new UdpFrame.Close(1, "x".repeat(FrameCodec.MAX_TEXT + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordsRefuseWhatCannotGoOnTheWire() {
        assertThatThrownBy(() -> new UdpFrame.Open(1, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UdpFrame.Data(1, new InetSocketAddress("::1", 69), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a resolved IPv4");
        assertThatThrownBy(() -> new UdpFrame.Data(1, PEER, new byte[65_536]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new UdpFrame.Opened(1, InetSocketAddress.createUnresolved("agent", 69)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargestDataFrameFitsTheFrameLimit() throws IOException {
        UdpFrame.Data largest = new UdpFrame.Data(Integer.MAX_VALUE, PEER, new byte[65_535]);
        byte[] wire = FrameCodec.encode(largest);
        assertThat(wire.length - 4).isLessThanOrEqualTo(ChannelProtocol.MAX_FRAME_LENGTH);
        assertThat(new FrameReader(new ByteArrayInputStream(wire)).read()).isEqualTo(largest);
    }

    @Test
    void anOversizedDataFrameCostsASkippingReaderThatFrameAlone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = ChannelProtocol.MAX_FRAME_LENGTH + 100;
        out.write(ByteBuffer.allocate(5 + 4 + 6).putInt(length).put((byte) 0x42).putInt(1).put(new byte[] {10, 1, 2, 100})
                .putShort((short) 2000).array());
        out.write(new byte[length - 1 - 4 - 6]);
        UdpFrame.Close after = new UdpFrame.Close(1, "done");
        out.write(FrameCodec.encode(after));
        FrameReader reader = FrameReader.skippingOversized(new ByteArrayInputStream(out.toByteArray()));
        assertThatThrownBy(reader::read).isInstanceOf(ChannelProtocolException.class).hasMessageContaining("skipped");
        assertThat(reader.atFrameBoundary()).isTrue();
        assertThat(reader.read()).isEqualTo(after);
    }

    @Test
    void randomBodiesOfTheUdpTypesDecodeOrAreRefusedNeverWorse() {
        Random random = new Random(25);
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[1 + random.nextInt(40)];
            random.nextBytes(body);
            body[0] = (byte) (0x40 + random.nextInt(4));
            assertThatCode(() -> {
                try {
                    Frame frame = FrameCodec.decode(body);
                    assertThat(FrameCodec.encode(frame)).endsWith(body);
                } catch (ChannelProtocolException refused) {
                    assertThat(refused.getMessage()).isNotBlank();
                }
            }).as("body %s", Arrays.toString(body)).doesNotThrowAnyException();
        }
    }
}
