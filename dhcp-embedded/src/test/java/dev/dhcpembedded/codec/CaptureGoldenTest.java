package dev.dhcpembedded.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dhcpembedded.internal.pcap.PcapFrame;
import dev.dhcpembedded.internal.pcap.PcapReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.dhcpembedded.internal.wire.Hex;

/** Golden tests from real captures (src/test/resources/captures; origins and licences in its README). */
class CaptureGoldenTest {

    static Path capture(String name) {
        try {
            return Path.of(CaptureGoldenTest.class.getResource("/captures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<PcapFrame> frames(String name) throws IOException {
        return PcapReader.readAll(capture(name));
    }

    private static List<Integer> codes(DhcpMessage m) {
        return m.options().stream().map(o -> o.code().code()).toList();
    }

    private static String hex(DhcpMessage m, int code) {
        return Hex.of(m.option(code).orElseThrow().value());
    }

    /** The values below are those `tshark -r wireshark-sample-dhcp.pcap -V` (Wireshark 4.0.17) shows. */
    @Test
    void wiresharkSampleDecodesToWhatTsharkShows() throws IOException {
        List<PcapFrame> frames = frames("wireshark-sample-dhcp.pcap");
        assertThat(frames).hasSize(4);
        assertThat(frames.get(0).payload()).hasSize(272); // under the BOOTP minimum: accepted

        // Frame 1: DHCP Discover - Transaction ID 0x00003d1d, from 0.0.0.0:68 to 255.255.255.255:67
        DhcpMessage discover = DhcpDecoder.decode(frames.get(0).payload());
        assertThat(discover.op()).isEqualTo(1);                     // Message type: Boot Request (1)
        assertThat(discover.htype()).isEqualTo(1);                  // Hardware type: Ethernet (0x01)
        assertThat(discover.hlen()).isEqualTo(6);
        assertThat(discover.hops()).isZero();
        assertThat(discover.xid()).isEqualTo(0x00003d1d);
        assertThat(discover.secs()).isZero();
        assertThat(discover.flags()).isZero();                      // Bootp flags: 0x0000 (Unicast)
        assertThat(discover.ciaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(discover.yiaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(discover.siaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(discover.giaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(discover.clientMac()).hasToString("00:0b:82:01:fc:42");
        assertThat(discover.sname()).isEmpty();                     // Server host name not given
        assertThat(discover.file()).isEmpty();                      // Boot file name not given
        assertThat(discover.messageType()).contains(MessageType.DISCOVER);
        assertThat(codes(discover)).containsExactly(53, 61, 50, 55);
        assertThat(hex(discover, 61)).isEqualTo("01000b8201fc42");  // Ethernet, 00:0b:82:01:fc:42
        assertThat(discover.requestedIpAddress().orElseThrow().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(discover.parameterRequestList()).extracting(OptionCode::code).containsExactly(1, 3, 6, 42);

        // Frame 2: DHCP Offer - Transaction ID 0x00003d1d
        DhcpMessage offer = DhcpDecoder.decode(frames.get(1).payload());
        assertThat(offer.op()).isEqualTo(2);                        // Boot Reply (2)
        assertThat(offer.xid()).isEqualTo(0x00003d1d);
        assertThat(offer.flags()).isZero();
        assertThat(offer.ciaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(offer.yiaddr().getHostAddress()).isEqualTo("192.168.0.10");
        assertThat(offer.siaddr().getHostAddress()).isEqualTo("192.168.0.1");
        assertThat(offer.giaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(offer.clientMac()).hasToString("00:0b:82:01:fc:42");
        assertThat(offer.messageType()).contains(MessageType.OFFER);
        assertThat(codes(offer)).containsExactly(53, 1, 58, 59, 51, 54);
        assertThat(offer.subnetMask().orElseThrow().getHostAddress()).isEqualTo("255.255.255.0");
        assertThat(offer.renewalTime().orElseThrow().getSeconds()).isEqualTo(1800);
        assertThat(offer.rebindingTime().orElseThrow().getSeconds()).isEqualTo(3150);
        assertThat(offer.leaseTime().orElseThrow().getSeconds()).isEqualTo(3600);
        assertThat(offer.serverIdentifier().orElseThrow().getHostAddress()).isEqualTo("192.168.0.1");

        // Frame 3: DHCP Request - Transaction ID 0x00003d1e
        DhcpMessage request = DhcpDecoder.decode(frames.get(2).payload());
        assertThat(request.op()).isEqualTo(1);
        assertThat(request.xid()).isEqualTo(0x00003d1e);
        assertThat(request.flags()).isZero();
        assertThat(request.ciaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(request.yiaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(request.clientMac()).hasToString("00:0b:82:01:fc:42");
        assertThat(request.messageType()).contains(MessageType.REQUEST);
        assertThat(codes(request)).containsExactly(53, 61, 50, 54, 55);
        assertThat(hex(request, 61)).isEqualTo("01000b8201fc42");
        assertThat(request.requestedIpAddress().orElseThrow().getHostAddress()).isEqualTo("192.168.0.10");
        assertThat(request.serverIdentifier().orElseThrow().getHostAddress()).isEqualTo("192.168.0.1");
        assertThat(request.parameterRequestList()).extracting(OptionCode::code).containsExactly(1, 3, 6, 42);

        // Frame 4: DHCP ACK - Transaction ID 0x00003d1e
        DhcpMessage ack = DhcpDecoder.decode(frames.get(3).payload());
        assertThat(ack.op()).isEqualTo(2);
        assertThat(ack.xid()).isEqualTo(0x00003d1e);
        assertThat(ack.flags()).isZero();
        assertThat(ack.yiaddr().getHostAddress()).isEqualTo("192.168.0.10");
        assertThat(ack.siaddr().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(ack.clientMac()).hasToString("00:0b:82:01:fc:42");
        assertThat(ack.messageType()).contains(MessageType.ACK);
        assertThat(codes(ack)).containsExactly(53, 58, 59, 51, 54, 1);
        assertThat(ack.renewalTime().orElseThrow().getSeconds()).isEqualTo(1800);
        assertThat(ack.rebindingTime().orElseThrow().getSeconds()).isEqualTo(3150);
        assertThat(ack.leaseTime().orElseThrow().getSeconds()).isEqualTo(3600);
        assertThat(ack.serverIdentifier().orElseThrow().getHostAddress()).isEqualTo("192.168.0.1");
        assertThat(ack.subnetMask().orElseThrow().getHostAddress()).isEqualTo("255.255.255.0");
    }

    @Test
    void reencodingGivesTheSameBytesUpToAndIncludingEnd() throws IOException {
        for (String name : List.of("wireshark-sample-dhcp.pcap", "request-retransmit-ack.pcap",
                "ack-relay-agent-info-82.pcap", "discover-55-61.pcap")) {
            for (PcapFrame frame : frames(name)) {
                byte[] original = frame.payload();
                byte[] encoded = DhcpEncoder.encode(DhcpDecoder.decode(original));
                int end = endOffset(encoded);
                assertThat(Hex.of(Arrays.copyOf(encoded, end + 1)))
                        .as("%s frame %d", name, frame.number())
                        .isEqualTo(Hex.of(Arrays.copyOf(original, end + 1)));
                assertThat(original[end]).isEqualTo((byte) 255);
            }
        }
    }

    private static int endOffset(byte[] packet) {
        int i = DhcpDecoder.OPTIONS_OFFSET;
        while ((packet[i] & 0xFF) != 255) {
            i += packet[i] == 0 ? 1 : 2 + (packet[i + 1] & 0xFF);
        }
        return i;
    }

    @Test
    void badMagicCookiesAreRejectedAndNothingLeaks() throws IOException {
        List<PcapFrame> frames = frames("bad-magic-cookie.pcap");
        assertThat(frames).hasSize(5);
        DhcpMessage first = DhcpDecoder.decode(frames.get(0).payload());
        assertThat(first.xid()).isEqualTo(0x1000);
        assertThat(codes(first)).containsExactly(53);
        for (PcapFrame bad : frames.subList(1, 4)) {
            DhcpCodecException e = catchThrowableOfType(DhcpCodecException.class,
                    () -> DhcpDecoder.decode(bad.payload()));
            assertThat(e).as("frame %d", bad.number()).isNotNull();
            assertThat(e.offset()).isEqualTo(236);
            assertThat(e.reason()).isEqualTo("magic cookie 0x00000000 is not 0x63825363");
        }
        DhcpMessage last = DhcpDecoder.decode(frames.get(4).payload());
        assertThat(last.xid()).isEqualTo(0x3000);
        assertThat(last.messageType()).contains(MessageType.DISCOVER);
        assertThat(last.options()).containsExactly(DhcpOptions.messageType(MessageType.DISCOVER));
    }

    @Test
    void relayAgentSubOptions() throws IOException {
        DhcpMessage ack = DhcpDecoder.decode(frames("ack-relay-agent-info-82.pcap").get(0).payload());
        assertThat(ack.messageType()).contains(MessageType.ACK);
        assertThat(ack.xid()).isEqualTo(0x3d11);
        List<SubOption> subs = ack.relayAgentInformation();
        assertThat(subs).extracting(SubOption::code).containsExactly(1, 2, 6);
        assertThat(subs.get(0).valueAsString()).isEqualTo("this is only a test...");  // agent circuit id
        assertThat(Hex.of(subs.get(1).value())).isEqualTo("13");                      // agent remote id
        assertThat(subs.get(2).valueAsString()).isEqualTo("-subID-");                 // subscriber id
    }

    @Test
    void parameterRequestListAndClientIdentifier() throws IOException {
        DhcpMessage discover = DhcpDecoder.decode(frames("discover-55-61.pcap").get(0).payload());
        assertThat(discover.messageType()).contains(MessageType.DISCOVER);
        assertThat(discover.parameterRequestList()).extracting(OptionCode::code).containsExactly(1, 3, 6, 42);
        assertThat(Hex.of(discover.clientIdentifier().orElseThrow())).isEqualTo("01000b8201fc42");
        assertThat(discover.hostname()).contains("test0000");
        assertThat(discover.requestedIpAddress().orElseThrow().getHostAddress()).isEqualTo("208.67.222.222");
    }
}
