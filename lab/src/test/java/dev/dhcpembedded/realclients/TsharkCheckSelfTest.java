package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.lab.RealHostSupport;
import dev.dhcpembedded.internal.pcap.PcapWriter;
import dev.dhcpembedded.lab.RealHosts;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Wireshark check itself: it must see a malformed DHCP frame, so that the real-client tests can trust it. */
class TsharkCheckSelfTest {

    @Test
    void aMalformedDhcpFrameIsFlagged(@TempDir Path dir) throws Exception {
        RealHosts.gate(RealHostSupport.missingBinary("tshark"));
        byte[] fixed = new byte[240];
        fixed[0] = 1;
        fixed[1] = 1;
        fixed[2] = 6;
        fixed[4] = 0x12;
        fixed[5] = 0x34;
        fixed[6] = 0x56;
        fixed[7] = 0x78;
        fixed[28] = 2;
        fixed[33] = 1;
        fixed[236] = 99;
        fixed[237] = (byte) 130;
        fixed[238] = 83;
        fixed[239] = 99;
        byte[] good = concat(fixed, new byte[] {53, 1, 1, (byte) 255});
        byte[] bad = concat(fixed, new byte[] {53, 1, 1, 121, 9, 24, 10, 30, 0}); // 121 runs past the end
        Path file = dir.resolve("check.pcap");
        Inet4Address any = (Inet4Address) InetAddress.getByName("0.0.0.0");
        Inet4Address all = (Inet4Address) InetAddress.getByName("255.255.255.255");
        try (PcapWriter writer = PcapWriter.create(file)) {
            writer.write(Instant.now(), any, 68, all, 67, good);
            writer.write(Instant.now(), any, 68, all, 67, bad);
        }
        assertThat(Files.size(file)).isPositive();

        List<TsharkCapture.Frame> frames = TsharkCapture.read(file);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).isDhcp()).isTrue();
        assertThat(frames.get(0).message()).isEqualTo("0x12345678/1");
        assertThat(frames.get(0).malformed()).isEmpty();
        assertThat(frames.get(0).hasExpertWarning()).isFalse();
        assertThat(frames.get(1).malformed()).isNotEmpty();
        assertThat(frames.get(1).hasExpertWarning()).isTrue();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
