package dev.dhcpembedded.codec6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.pcap.PcapFrame;
import dev.dhcpembedded.internal.pcap.PcapReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests from packetgen-dhcpv6.pcapng (src/test/resources/captures; origin and licence in its README). The
 * values are those `tshark -r packetgen-dhcpv6.pcapng -V` (Wireshark 4.0) shows.
 */
class Dhcp6CaptureGoldenTest {

    static List<PcapFrame> frames() throws IOException {
        try {
            return PcapReader.readAll(Path.of(Dhcp6CaptureGoldenTest.class
                    .getResource("/captures/packetgen-dhcpv6.pcapng").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> codes(Dhcp6Message m) {
        return m.options().stream().map(o -> o.code().code()).toList();
    }

    static final Duid CLIENT = Duid.parse("000100011c39cf88080027fe8f95");
    static final Duid SERVER = Duid.parse("000100011c3825e8080027d410bb");

    @Test
    void theReaderFindsSixDhcp6DatagramsInThePcapng() throws IOException {
        List<PcapFrame> frames = frames();
        assertThat(frames).extracting(PcapFrame::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(frames).allMatch(PcapFrame::isDhcp6).noneMatch(PcapFrame::isDhcp);
        PcapFrame first = frames.get(0);
        assertThat(Ipv6.format(first.source())).isEqualTo("fe80::a00:27ff:fefe:8f95");
        assertThat(Ipv6.format(first.destination())).isEqualTo("ff02::1:2");
        assertThat(first.sourcePort()).isEqualTo(546);
        assertThat(first.destinationPort()).isEqualTo(547);
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2015-01-02T21:52:44.775688Z"));
        assertThat(frames.get(1).sourcePort()).isEqualTo(547);
        assertThat(frames.get(5).payload()).hasSize(125 - 14 - 40 - 8);
    }

    @Test
    void decodesToWhatTsharkShows() throws IOException {
        List<PcapFrame> frames = frames();

        // Frame 1: Solicit XID: 0x100874 CID: 000100011c39cf88080027fe8f95
        Dhcp6Message solicit = Dhcp6Codec.decode(frames.get(0).payload());
        assertThat(solicit.type()).contains(Dhcp6MessageType.SOLICIT);
        assertThat(solicit.transactionId()).isEqualTo(0x100874);
        assertThat(codes(solicit)).containsExactly(1, 6, 8, 25);
        assertThat(solicit.clientId()).contains(CLIENT);               // DUID-LLT, Ethernet
        assertThat(solicit.clientId().orElseThrow().time())           // Jan  2, 2015 21:52:08 UTC
                .contains(Instant.parse("2015-01-02T21:52:08Z"));
        assertThat(solicit.clientId().orElseThrow().mac().orElseThrow()).hasToString("08:00:27:fe:8f:95");
        assertThat(solicit.oro()).containsExactly(Dhcp6OptionCode.DNS_SERVERS, Dhcp6OptionCode.DOMAIN_LIST);
        assertThat(solicit.elapsedTime()).hasValue(0);
        assertThat(solicit.iaPd()).containsExactly(IaPd.of(0x27fe8f95L, 3600, 5400)); // IAID 27fe8f95, T1, T2

        // Frame 2: Advertise XID: 0x100874
        Dhcp6Message advertise = Dhcp6Codec.decode(frames.get(1).payload());
        assertThat(advertise.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(advertise.transactionId()).isEqualTo(0x100874);
        assertThat(codes(advertise)).containsExactly(25, 1, 2);
        IaPd pd = advertise.iaPd().get(0);
        assertThat(pd.iaid()).isEqualTo(0x27fe8f95L);
        assertThat(pd.t1()).isZero();
        assertThat(pd.t2()).isZero();
        IaPrefix prefix = pd.prefixes().get(0);                       // IA Prefix: 2001:0:0:fe00::/64
        assertThat(prefix.cidr()).isEqualTo("2001:0:0:fe00::/64");
        assertThat(prefix.preferredLifetime()).isEqualTo(4500);
        assertThat(prefix.validLifetime()).isEqualTo(7200);
        assertThat(advertise.serverId()).contains(SERVER);

        // Frame 3: Request XID: 0x49174e
        Dhcp6Message request = Dhcp6Codec.decode(frames.get(2).payload());
        assertThat(request.type()).contains(Dhcp6MessageType.REQUEST);
        assertThat(request.transactionId()).isEqualTo(0x49174e);
        assertThat(codes(request)).containsExactly(1, 2, 6, 8, 25);
        IaPrefix asked = request.iaPd().get(0).prefixes().get(0);
        assertThat(asked.cidr()).isEqualTo("2001:0:0:fe00::/64");
        assertThat(asked.preferredLifetime()).isEqualTo(7200);
        assertThat(asked.validLifetime()).isEqualTo(7500);

        // Frame 4: Reply XID: 0x49174e
        Dhcp6Message reply = Dhcp6Codec.decode(frames.get(3).payload());
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(codes(reply)).containsExactly(25, 1, 2);

        // Frame 5: Release XID: 0xc789b0, lifetimes 0
        Dhcp6Message release = Dhcp6Codec.decode(frames.get(4).payload());
        assertThat(release.type()).contains(Dhcp6MessageType.RELEASE);
        assertThat(release.transactionId()).isEqualTo(0xc789b0);
        assertThat(release.iaPd().get(0).prefixes().get(0).validLifetime()).isZero();

        // Frame 6: Reply XID: 0xc789b0 with Status code: Success (0), "Release received."
        Dhcp6Message released = Dhcp6Codec.decode(frames.get(5).payload());
        assertThat(codes(released)).containsExactly(1, 2, 13);
        assertThat(released.statusCode()).contains(new StatusCode(StatusCode.SUCCESS, "Release received."));
    }

    @Test
    void everyFrameReencodesByteForByte() throws IOException {
        for (PcapFrame frame : frames()) {
            byte[] original = frame.payload();
            assertThat(Hex.of(Dhcp6Codec.encode(Dhcp6Codec.decode(original))))
                    .as("frame %d", frame.number()).isEqualTo(Hex.of(original));
        }
    }
}
