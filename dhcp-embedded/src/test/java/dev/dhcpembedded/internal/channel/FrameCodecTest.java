package dev.dhcpembedded.internal.channel;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelProtocolException;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.channel.FrameWriter;
import dev.dhcpembedded.channel.UdpFrame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.dhcpembedded.internal.wire.Ipv6;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static final byte[] TOKEN = "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);

    static Inet4Address ip(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Frame> everyKind() {
        return List.of(
                new Frame.Hello(ChannelProtocol.VERSION, TOKEN, ip("10.1.2.3")),
                new Frame.Hello(ChannelProtocol.VERSION, TOKEN, ip("10.1.2.3"), true),
                new Frame.Welcome(ChannelProtocol.VERSION, "eth1", ip("10.1.2.3"), 67,
                        List.of(ip("255.255.255.255"), ip("10.1.2.255"))),
                new Frame.Welcome(ChannelProtocol.VERSION, "eth1", ip("10.1.2.3"), 67,
                        List.of(ip("255.255.255.255")), Optional.of(Ipv6.parse("fe80::42:acff:fe11:2"))),
                new Frame.Refused("bad token"),
                new Frame.Inbound(new InetSocketAddress("0.0.0.0", 68), new InetSocketAddress("255.255.255.255", 67),
                        true, new byte[] {1, 2, 3}),
                new Frame.Outbound(new InetSocketAddress("10.1.2.100", 68), false,
                        new byte[] {2, 0, 0, 0, 0, 0x42}, new byte[300]),
                new Frame.Outbound(new InetSocketAddress("255.255.255.255", 68), true, new byte[0], new byte[0]),
                new Frame.Inbound6(new InetSocketAddress(Ipv6.parse("fe80::1:2ff:fe00:42"), 546),
                        new InetSocketAddress(Ipv6.parse("ff02::1:2"), 547), new byte[] {1, 0, 0, 7}),
                new Frame.Outbound6(new InetSocketAddress(Ipv6.parse("fe80::1:2ff:fe00:42"), 546), new byte[80]),
                new Frame.Outbound6(new InetSocketAddress(Ipv6.parse("::ffff:10.0.0.1"), 547), new byte[0]),
                new Frame.Ping(Long.MIN_VALUE),
                new Frame.Pong(42),
                new Frame.Notice("ARP entry refused: broadcast instead ✓"),
                new Frame.Bye("test over"),
                new UdpFrame.Open(1, 69),
                new UdpFrame.Open(-1, 0),
                new UdpFrame.Opened(7, new InetSocketAddress("10.1.2.3", 40123)),
                new UdpFrame.Data(7, new InetSocketAddress("10.1.2.100", 2000), new byte[] {0, 1, 'f', 0}),
                new UdpFrame.Data(7, new InetSocketAddress("10.1.2.100", 2000), new byte[0]),
                new UdpFrame.Close(7, "transfer over"));
    }

    @Test
    void everyKindOfFrameSurvivesTheRoundTrip() throws IOException {
        for (Frame frame : everyKind()) {
            byte[] wire = FrameCodec.encode(frame);
            assertThat(ByteBuffer.wrap(wire).getInt()).as("length prefix of %s", frame).isEqualTo(wire.length - 4);
            assertThat(wire[4] & 0xFF).isEqualTo(frame.type());
            assertThat(FrameCodec.decode(Arrays.copyOfRange(wire, 4, wire.length))).isEqualTo(frame);
        }
    }

    @Test
    void theHelloIsLaidOutAsDocumented() {
        byte[] wire = FrameCodec.encode(new Frame.Hello(1, TOKEN, ip("10.1.2.3")));
        ByteBuffer b = ByteBuffer.wrap(wire);
        assertThat(b.getInt()).isEqualTo(1 + 4 + 2 + 1 + TOKEN.length + 4 + 1);
        assertThat(b.get()).isEqualTo((byte) 0x01);
        assertThat(new String(wire, 5, 4, StandardCharsets.US_ASCII)).isEqualTo("DHCA");
    }

    @Test
    void aReaderReadsFramesInOrderAndNullAtACleanEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        for (Frame frame : everyKind()) {
            writer.write(frame);
        }
        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()));
        for (Frame frame : everyKind()) {
            assertThat(reader.read()).isEqualTo(frame);
        }
        assertThat(reader.read()).isNull();
    }

    @Test
    void anOversizedLengthIsRefusedBeforeItsBodyIsRead() {
        byte[] header = ByteBuffer.allocate(5).putInt(ChannelProtocol.MAX_FRAME_LENGTH + 1).put((byte) 0x10).array();
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(header)).read())
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("outside 1-");
        byte[] negative = ByteBuffer.allocate(4).putInt(-1).array();
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(negative)).read())
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("4294967295");
    }

    @Test
    void aStreamEndingInsideAFrameIsAnEof() {
        byte[] wire = FrameCodec.encode(new Frame.Ping(7));
        byte[] cut = Arrays.copyOf(wire, wire.length - 1);
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(cut)).read())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void badBodiesNameWhatIsWrong() {
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x7E}))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("unknown frame type 0x7e");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x20, 1, 2}))
                .hasMessageContaining("PING frame of 3 bytes is truncated");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x20, 0, 0, 0, 0, 0, 0, 0, 1, 9}))
                .hasMessageContaining("1 unexpected trailing bytes");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x01, 'G', 'E', 'T', ' ', '/', ' '}))
                .hasMessageContaining("not a dhcp-embedded channel peer");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] {0x30, 0, 2, (byte) 0xC3, 0x28}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[0])).hasMessageContaining("empty frame");
    }

    @Test
    void anotherProtocolVersionIsNamed() {
        byte[] wire = FrameCodec.encode(new Frame.Hello(1, TOKEN, ip("10.1.2.3")));
        byte[] body = Arrays.copyOfRange(wire, 4, wire.length);
        body[6] = 1;
        assertThatThrownBy(() -> FrameCodec.decode(body)).hasMessageContaining("version 1")
                .hasMessageContaining("this end speaks version 3");
    }

    @Test
    void aShortTokenOrABadMacIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new Frame.Hello(1, new byte[3], ip("10.1.2.3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 3");
        assertThatThrownBy(() -> new Frame.Outbound(new InetSocketAddress("10.0.0.1", 68), false, new byte[5],
                new byte[0])).hasMessageContaining("6 bytes");
        assertThatThrownBy(() -> ChannelToken.parse("short")).hasMessageContaining("this one 5");
    }

    @Test
    void aZonedOrIpv4AddressHasNoPlaceInAV6Frame() throws IOException {
        java.net.Inet6Address zoned = java.net.Inet6Address.getByAddress(null,
                Ipv6.parse("fe80::1").getAddress(), 3);
        assertThatThrownBy(() -> new Frame.Outbound6(new InetSocketAddress(zoned, 546), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a zone");
        assertThatThrownBy(() -> new Frame.Inbound6(new InetSocketAddress("10.0.0.1", 546),
                new InetSocketAddress(Ipv6.parse("ff02::1:2"), 547), new byte[0]))
                .hasMessageContaining("not a resolved IPv6 socket address");
        byte[] badFlag = FrameCodec.encode(new Frame.Hello(ChannelProtocol.VERSION, TOKEN, ip("10.1.2.3"), true));
        badFlag[badFlag.length - 1] = 3;
        assertThatThrownBy(() -> FrameCodec.decode(Arrays.copyOfRange(badFlag, 4, badFlag.length)))
                .isInstanceOf(ChannelProtocolException.class).hasMessageContaining("unknown flag bits 0x03");
    }

    @Test
    void tokensMatchOnlyThemselves() {
        ChannelToken token = ChannelToken.random();
        assertThat(token.text()).hasSize(64);
        assertThat(token.matches(token.bytes())).isTrue();
        assertThat(ChannelToken.parse(token.text()).matches(token.bytes())).isTrue();
        assertThat(token.matches(ChannelToken.random().bytes())).isFalse();
        assertThat(token.matches(new byte[0])).isFalse();
    }
}
