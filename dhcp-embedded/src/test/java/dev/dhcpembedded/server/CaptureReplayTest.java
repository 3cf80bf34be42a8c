package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.pcap.PcapFrame;
import dev.dhcpembedded.internal.pcap.PcapReader;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the client packets of Wireshark's sample DHCP capture against a server configured like the capture's
 * (192.168.0.0/24, server id 192.168.0.1, one-hour leases, 192.168.0.10 the first pool address) and compares each
 * answer with the one the capture's server gave.
 */
class CaptureReplayTest {

    static final String CAPTURE = "wireshark-sample-dhcp.pcap";

    static Path capture(String name) throws URISyntaxException {
        URL resource = CaptureReplayTest.class.getResource("/captures/" + name);
        if (resource != null) {
            return Paths.get(resource.toURI());
        }
        for (String candidate : List.of("src/test/resources/captures/")) {
            Path path = Paths.get(candidate, name);
            if (Files.exists(path)) {
                return path;
            }
        }
        throw new IllegalStateException(name + " is not in src/test/resources/captures");
    }

    static DhcpServer captureLikeServer(InMemoryTransport memory) {
        return DhcpServer.builder().transport(memory).serverId("192.168.0.1")
                .subnet("192.168.0.0/24", s -> s.pool("192.168.0.10", "192.168.0.254")
                        .leaseTime(Duration.ofHours(1)))
                .start();
    }

    @Test
    void answersCarryTheCapturedAddressesAndOptions() throws Exception {
        List<PcapFrame> frames = PcapReader.readAll(capture(CAPTURE));
        List<DhcpMessage> clientPackets = new ArrayList<>();
        List<DhcpMessage> capturedReplies = new ArrayList<>();
        for (PcapFrame frame : frames) {
            if (frame.destinationPort() == 67) {
                clientPackets.add(DhcpCodec.decode(frame.payload()));
            } else if (frame.sourcePort() == 67) {
                capturedReplies.add(DhcpCodec.decode(frame.payload()));
            }
        }
        assertThat(clientPackets).hasSize(2);
        assertThat(capturedReplies).hasSize(2);

        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = captureLikeServer(memory)) {
            for (int i = 0; i < clientPackets.size(); i++) {
                byte[] raw = DhcpCodec.encode(clientPackets.get(i));
                List<Datagram> out = memory.deliver(raw, new InetSocketAddress("0.0.0.0", 68));
                assertThat(out).as("answer to frame %d", i * 2 + 1).hasSize(1);
                DhcpMessage ours = DhcpCodec.decode(out.get(0).bytes());
                DhcpMessage theirs = capturedReplies.get(i);
                assertThat(ours.messageType()).isEqualTo(theirs.messageType());
                assertThat(ours.xid()).isEqualTo(theirs.xid());
                assertThat(ours.yiaddr()).isEqualTo(theirs.yiaddr());
                assertThat(ours.ciaddr()).isEqualTo(theirs.ciaddr());
                assertThat(ours.giaddr()).isEqualTo(theirs.giaddr());
                assertThat(ours.flags()).isEqualTo(theirs.flags());
                assertThat(ours.clientMac()).isEqualTo(theirs.clientMac());
                for (DhcpOption option : theirs.options()) {
                    assertThat(ours.option(option.code())).as("option %s", option.code()).contains(option);
                }
                // where it went: unicast to the offered address, as in the capture
                assertThat(out.get(0).destination()).isEqualTo(new InetSocketAddress("192.168.0.10", 68));
            }
            assertThat(server.journal().transcript().lines()).containsExactly(
                    "0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x3d1d",
                    "192.168.0.1:67 -> 192.168.0.10:68 DHCP Offer - Transaction ID 0x3d1d",
                    "0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x3d1e",
                    "192.168.0.1:67 -> 192.168.0.10:68 DHCP ACK - Transaction ID 0x3d1e");
        }
    }

    @Test
    void rawCapturedBytesAreAcceptedAsTheyAre() throws Exception {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = captureLikeServer(memory)) {
            for (PcapFrame frame : PcapReader.readAll(capture(CAPTURE))) {
                if (frame.destinationPort() == 67) {
                    List<Datagram> out = memory.deliver(frame.payload(), new InetSocketAddress("0.0.0.0", 68));
                    assertThat(out).hasSize(1);
                    assertThat(DhcpCodec.decode(out.get(0).bytes()).yiaddr().getHostAddress())
                            .isEqualTo("192.168.0.10");
                }
            }
            assertThat(server.journal().rejectedCount()).isZero();
            assertThat(server.lease("00:0b:82:01:fc:42")).isPresent();
        }
    }
}
