package dev.dhcpembedded.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public capture API on the real captures of the test resources (origins in captures/README.md). */
class CaptureReaderWriterTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.123456Z");

    @TempDir
    Path dir;

    static Path capture(String name) {
        try {
            return Path.of(CaptureReaderWriterTest.class.getResource("/captures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetSocketAddress socket(String literal, int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }

    @Test
    void readsTheUdpDatagramsOfAnEthernetPcap() throws IOException {
        List<CapturedDatagram> datagrams = CaptureReader.readAll(capture("wireshark-sample-dhcp.pcap"));

        // as tshark -T fields -e frame.number -e frame.time_epoch -e ip.src -e udp.srcport ... shows them
        assertThat(datagrams).extracting(CapturedDatagram::frameNumber).containsExactly(1, 2, 3, 4);
        CapturedDatagram discover = datagrams.get(0);
        assertThat(discover.timestamp()).isEqualTo(Instant.ofEpochSecond(1102274184L, 317453000L));
        assertThat(discover.source()).isEqualTo(socket("0.0.0.0", 68));
        assertThat(discover.destination()).isEqualTo(socket("255.255.255.255", 67));
        assertThat(discover.payload()).hasSize(280 - 8);
        assertThat(Arrays.copyOfRange(discover.payload(), 0, 8))
                .containsExactly(1, 1, 6, 0, 0x00, 0x00, 0x3d, 0x1d); // op, htype, hlen, hops, xid 0x3d1d
        assertThat(discover.isDhcp()).isTrue();
        assertThat(discover.isDhcp6()).isFalse();
        assertThat(DhcpCodec.decode(discover.payload()).messageType()).contains(MessageType.DISCOVER);

        CapturedDatagram offer = datagrams.get(1);
        assertThat(offer.source()).isEqualTo(socket("192.168.0.1", 67));
        assertThat(offer.destination()).isEqualTo(socket("192.168.0.10", 68));
        assertThat(offer.payload()).hasSize(308 - 8);
        assertThat(DhcpCodec.decode(offer.payload()).messageType()).contains(MessageType.OFFER);
    }

    @Test
    void readsTheUdpDatagramsOfAnIpv6Pcapng() throws IOException {
        List<CapturedDatagram> datagrams = CaptureReader.readAll(capture("packetgen-dhcpv6.pcapng"));

        assertThat(datagrams).extracting(CapturedDatagram::frameNumber).containsExactly(1, 2, 3, 4, 5, 6);
        CapturedDatagram solicit = datagrams.get(0);
        assertThat(solicit.timestamp()).isEqualTo(Instant.ofEpochSecond(1420235564L, 775688000L));
        assertThat(solicit.source()).isEqualTo(socket("fe80::a00:27ff:fefe:8f95", 546));
        assertThat(solicit.destination()).isEqualTo(socket("ff02::1:2", 547));
        assertThat(solicit.payload()).hasSize(60 - 8);
        assertThat(solicit.isDhcp6()).isTrue();
        assertThat(solicit.isDhcp()).isFalse();
        assertThat(Dhcp6Codec.decode(solicit.payload()).type()).contains(Dhcp6MessageType.SOLICIT);
        assertThat(datagrams.get(1).source()).isEqualTo(socket("fe80::a00:27ff:fed4:10bb", 547));
        assertThat(datagrams).extracting(d -> d.payload().length).containsExactly(52, 85, 99, 85, 99, 63);
    }

    @Test
    void readsOneDatagramAtATimeAsReadAllDoes() throws IOException {
        Path file = capture("kea-dhcp6-dhclient.pcapng");
        List<CapturedDatagram> streamed = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(file)) {
            for (CapturedDatagram d = reader.next(); d != null; d = reader.next()) {
                streamed.add(d);
            }
            assertThat(reader.next()).isNull();
        }
        assertThat(streamed).hasSize(10).isEqualTo(CaptureReader.readAll(file));
    }

    @Test
    void whatItWritesReadsBackTheSame() throws IOException {
        List<CapturedDatagram> written = new ArrayList<>(CaptureReader.readAll(capture("wireshark-sample-dhcp.pcap")));
        written.addAll(CaptureReader.readAll(capture("packetgen-dhcpv6.pcapng")));
        Path file = dir.resolve("round-trip.pcap");
        try (CaptureWriter writer = CaptureWriter.create(file)) {
            for (CapturedDatagram d : written) {
                writer.write(d);
            }
        }

        List<CapturedDatagram> read = CaptureReader.readAll(file);

        assertThat(read).hasSize(written.size());
        for (int i = 0; i < read.size(); i++) {
            CapturedDatagram in = read.get(i);
            CapturedDatagram out = written.get(i);
            assertThat(in.frameNumber()).isEqualTo(i + 1); // a pcap numbers by position
            assertThat(in.timestamp()).isEqualTo(out.timestamp());
            assertThat(in.source()).isEqualTo(out.source());
            assertThat(in.destination()).isEqualTo(out.destination());
            assertThat(in.payload()).isEqualTo(out.payload());
        }
    }

    @Test
    void writesIncrementallyAFileReadableBeforeItIsClosed() throws IOException {
        Path file = dir.resolve("live.pcap");
        try (CaptureWriter writer = CaptureWriter.create(file)) {
            writer.write(T, socket("0.0.0.0", 68), socket("255.255.255.255", 67), new byte[] {1, 2, 3});
            writer.flush();
            assertThat(CaptureReader.readAll(file)).singleElement()
                    .satisfies(d -> assertThat(d.payload()).containsExactly(1, 2, 3));

            writer.write(T.plusSeconds(1), socket("2001:db8::1", 547), socket("fe80::1", 546), new byte[] {7});
            writer.flush();
            List<CapturedDatagram> two = CaptureReader.readAll(file);
            assertThat(two).hasSize(2);
            assertThat(two.get(1).timestamp()).isEqualTo(T.plusSeconds(1));
            assertThat(two.get(1).source()).isEqualTo(socket("2001:db8::1", 547));
        }
    }

    @Test
    void writesToAStreamAndReadsFromOne() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CapturedDatagram datagram = new CapturedDatagram(1, T, socket("10.0.0.1", 67), socket("10.0.0.2", 68),
                new byte[301]);
        try (CaptureWriter writer = CaptureWriter.of(bytes)) {
            writer.write(datagram);
        }
        try (CaptureReader reader = CaptureReader.of(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(reader.next()).isEqualTo(datagram);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void framesThatAreNotUdpDatagramsAreSkippedButCounted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CaptureWriter writer = CaptureWriter.of(bytes)) {
            writer.write(T, socket("10.0.0.1", 68), socket("10.0.0.2", 67), new byte[] {1});
            writer.write(T, socket("10.0.0.1", 68), socket("10.0.0.2", 67), new byte[] {2});
        }
        byte[] file = bytes.toByteArray();
        int second = 24 + 16 + ByteBuffer.wrap(file, 24 + 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] icmp = new byte[28]; // an IPv4 header of protocol 1 (ICMP) and an echo request
        icmp[0] = 0x45;
        icmp[3] = 28;
        icmp[8] = 64;
        icmp[9] = 1;
        icmp[20] = 8;
        ByteBuffer record = ByteBuffer.allocate(16 + icmp.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) T.getEpochSecond()).putInt(0).putInt(icmp.length).putInt(icmp.length).put(icmp);
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(file, 0, second);
        spliced.write(record.array());
        spliced.write(file, second, file.length - second);

        List<CapturedDatagram> read = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.of(new ByteArrayInputStream(spliced.toByteArray()))) {
            for (CapturedDatagram d = reader.next(); d != null; d = reader.next()) {
                read.add(d);
            }
        }

        assertThat(read).extracting(CapturedDatagram::frameNumber).containsExactly(1, 3);
        assertThat(read).extracting(d -> d.payload()[0]).containsExactly((byte) 1, (byte) 2);
    }

    @Test
    void aFileThatIsNoCaptureIsAFormatErrorWithItsOffset() throws IOException {
        Path notPcap = Files.write(dir.resolve("not.pcap"), "this is not a capture file at all".getBytes());
        assertThatThrownBy(() -> CaptureReader.readAll(notPcap)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("magic number 0x74686973 is not a pcap file's (at file offset 0)")
                .satisfies(e -> assertThat(((CaptureFormatException) e).offset()).isZero());

        byte[] whole = Files.readAllBytes(capture("discover-55-61.pcap"));
        Path truncated = Files.write(dir.resolve("truncated.pcap"), Arrays.copyOf(whole, whole.length - 10));
        try (CaptureReader reader = CaptureReader.open(truncated)) {
            assertThatThrownBy(reader::next).isInstanceOf(CaptureFormatException.class)
                    .hasMessageContaining("file ends inside frame 1");
        }

        assertThatThrownBy(() -> CaptureReader.open(dir.resolve("missing.pcap")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theWriterRefusesAddressesItCannotWrite() throws IOException {
        try (CaptureWriter writer = CaptureWriter.of(new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> writer.write(T, socket("10.0.0.1", 68), socket("2001:db8::1", 547),
                    new byte[1])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not of the same IP version");
            assertThatThrownBy(() -> writer.write(T, InetSocketAddress.createUnresolved("dhcp.example", 68),
                    socket("10.0.0.2", 67), new byte[1])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unresolved");
            assertThatThrownBy(() -> writer.write(Instant.ofEpochSecond(-1), socket("10.0.0.1", 68),
                    socket("10.0.0.2", 67), new byte[1])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aDatagramKeepsItsOwnCopyOfThePayload() throws IOException {
        byte[] payload = {1, 2, 3};
        CapturedDatagram d = new CapturedDatagram(1, T, socket("10.0.0.1", 68), socket("10.0.0.2", 67), payload);
        payload[0] = 9;
        d.payload()[1] = 9;

        assertThat(d.payload()).containsExactly(1, 2, 3);
        assertThat(d).isEqualTo(new CapturedDatagram(1, T, socket("10.0.0.1", 68), socket("10.0.0.2", 67),
                new byte[] {1, 2, 3})).hasSameHashCodeAs(new CapturedDatagram(1, T, socket("10.0.0.1", 68),
                socket("10.0.0.2", 67), new byte[] {1, 2, 3}));
        assertThat(d.toString()).isEqualTo("frame 1 " + T + " /10.0.0.1:68 -> /10.0.0.2:67, 3 bytes");
    }
}
