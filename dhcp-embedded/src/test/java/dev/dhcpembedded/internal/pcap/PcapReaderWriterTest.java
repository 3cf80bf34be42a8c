package dev.dhcpembedded.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapReaderWriterTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.123456Z");

    private static Inet4Address ip(String s) throws IOException {
        return (Inet4Address) InetAddress.getByName(s);
    }

    private static byte[] ipPacket(byte[] payload) throws IOException {
        return Ipv4Udp.build(ip("10.0.0.1"), 68, ip("10.0.0.2"), 67, payload);
    }

    /** A classic pcap with the given byte order, magic and link type, one record per frame. */
    private static byte[] pcap(ByteOrder order, int magic, int linkType, List<byte[]> frames) {
        ByteBuffer b = ByteBuffer.allocate(24 + frames.stream().mapToInt(f -> 16 + f.length).sum()).order(order);
        b.putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType);
        for (byte[] f : frames) {
            b.putInt((int) T.getEpochSecond()).putInt(magic == 0xA1B23C4D ? T.getNano() : T.getNano() / 1000)
                    .putInt(f.length).putInt(f.length).put(f);
        }
        return b.array();
    }

    private static List<PcapFrame> read(byte[] file) throws IOException {
        List<PcapFrame> frames = new ArrayList<>();
        try (PcapReader r = new PcapReader(new ByteArrayInputStream(file))) {
            for (PcapFrame f = r.next(); f != null; f = r.next()) {
                frames.add(f);
            }
        }
        return frames;
    }

    @Test
    void writesWhatItReads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out)) {
            w.write(T, ip("0.0.0.0"), 68, ip("255.255.255.255"), 67, new byte[] {1, 2, 3});
            w.write(T.plusSeconds(1), ip("10.0.0.1"), 67, ip("10.0.0.2"), 68, new byte[301]);
        }
        List<PcapFrame> frames = read(out.toByteArray());
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).number()).isEqualTo(1);
        assertThat(frames.get(0).timestamp()).isEqualTo(T);
        assertThat(frames.get(0).source().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(frames.get(0).destinationPort()).isEqualTo(67);
        assertThat(frames.get(0).payload()).containsExactly(1, 2, 3);
        assertThat(frames.get(1).payload()).hasSize(301);
        assertThat(frames.get(1).isDhcp()).isTrue();
    }

    @Test
    void checksumsAreValid() throws IOException {
        byte[] p = ipPacket(new byte[] {9, 8, 7});
        assertThat(onesComplementSum(p, 0, 20, 0)).isEqualTo(0xFFFF);
        int pseudo = onesComplementSum(p, 12, 8, 0) + 17 + (p.length - 20);
        assertThat(onesComplementSum(p, 20, p.length - 20, pseudo)).isEqualTo(0xFFFF);
    }

    private static int onesComplementSum(byte[] b, int from, int length, int initial) {
        long s = initial;
        for (int i = from; i < from + length; i += 2) {
            s += ((b[i] & 0xFF) << 8) | (i + 1 < from + length ? b[i + 1] & 0xFF : 0);
        }
        while (s >> 16 != 0) {
            s = (s & 0xFFFF) + (s >> 16);
        }
        return (int) s;
    }

    @Test
    void readsBothByteOrdersAndNanosecondsAndEveryLinkType() throws IOException {
        byte[] ip = ipPacket(new byte[] {42});
        byte[] eth = concat(new byte[12], new byte[] {0x08, 0x00}, ip);
        byte[] vlan = concat(new byte[12], new byte[] {(byte) 0x81, 0x00, 0x00, 0x05, 0x08, 0x00}, ip);
        byte[] sll = concat(new byte[14], new byte[] {0x08, 0x00}, ip);
        byte[] arp = concat(new byte[12], new byte[] {0x08, 0x06}, new byte[28]);
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            for (int magic : new int[] {0xA1B2C3D4, 0xA1B23C4D}) {
                List<PcapFrame> frames = read(pcap(order, magic, 1, List.of(arp, eth, vlan)));
                assertThat(frames).extracting(PcapFrame::number).containsExactly(2, 3);
                assertThat(frames.get(0).timestamp()).isEqualTo(T);
                assertThat(frames.get(1).payload()).containsExactly(42);
            }
        }
        assertThat(read(pcap(ByteOrder.BIG_ENDIAN, 0xA1B2C3D4, 101, List.of(ip)))).hasSize(1);
        assertThat(read(pcap(ByteOrder.BIG_ENDIAN, 0xA1B2C3D4, 228, List.of(ip)))).hasSize(1);
        assertThat(read(pcap(ByteOrder.LITTLE_ENDIAN, 0xA1B2C3D4, 113, List.of(sll)))).hasSize(1);
    }

    @Test
    void ethernetPaddingIsNotPayload() throws IOException {
        byte[] eth = concat(new byte[12], new byte[] {0x08, 0x00}, ipPacket(new byte[] {1}), new byte[20]);
        assertThat(read(pcap(ByteOrder.BIG_ENDIAN, 0xA1B2C3D4, 1, List.of(eth))).get(0).payload())
                .containsExactly(1);
    }

    @Test
    void badFilesAreReportedClearly() {
        assertThat(bad(new byte[] {1, 2, 3})).hasMessageContaining("too short for a pcap header");
        assertThat(bad(pcap(ByteOrder.BIG_ENDIAN, 0x0A0D0D0A, 1, List.of()))).hasMessageContaining("pcapng");
        assertThat(bad(pcap(ByteOrder.BIG_ENDIAN, 0x12345678, 1, List.of()))).hasMessageContaining("magic number");
        assertThat(bad(pcap(ByteOrder.BIG_ENDIAN, 0xA1B2C3D4, 105, List.of()))).hasMessageContaining("link type 105");
        byte[] whole = pcap(ByteOrder.BIG_ENDIAN, 0xA1B2C3D4, 101, List.of(new byte[40]));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
        PcapFormatException e = bad(cut);
        assertThat(e).hasMessageContaining("file ends inside frame 1");
        assertThat(e.offset()).isEqualTo(cut.length);
    }

    private static PcapFormatException bad(byte[] file) {
        return catchThrowableOfType(PcapFormatException.class, () -> read(file));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
