package dev.dhcpembedded.codec;

/* In the codec package of the CLI's tests, beside the v4 comparison: it uses the same JSON reader. */

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dhcpembedded.cli.Main;
import dev.dhcpembedded.cli.TestCaptures;
import dev.dhcpembedded.codec6.Dhcp6GoldenVectors;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.pcap.PcapWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decode verb's DHCPv6 lines (SPEC §5) against Wireshark's dissector: message type, xid (or hop count, link and
 * peer address of a relay message), and the top-level options in wire order with their value bytes, which tshark
 * gives as the raw bytes of each option ({@code -x}). On every {@code *.pcapng} of src/test/resources/captures and
 * on a capture written from the v6 golden vectors. Skips without tshark, unless -Ddhcp.requireRealHosts=true.
 */
class Dhcp6DecodeVerbVsTsharkTest {

    @BeforeAll
    static void needsTshark() {
        boolean present = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tshark")));
        if (!present && Boolean.getBoolean("dhcp.requireRealHosts")) {
            fail("tshark is not installed, and dhcp.requireRealHosts=true forbids skipping");
        }
        Assumptions.assumeTrue(present, "tshark is not installed (Debian: apt-get install tshark)");
    }

    /**
     * The DHCPv6 frames of each capture of the folder: packetgen's, and those recorded here with kea-dhcp6 and
     * dnsmasq as the server for dhclient -6 (src/test/scripts/record-dhcpv6-captures.sh).
     */
    static final Map<String, Integer> FRAMES = Map.of("packetgen-dhcpv6.pcapng", 6,
            "kea-dhcp6-dhclient.pcapng", 10, "dnsmasq-dhclient.pcapng", 8);

    @Test
    void everyV6CaptureMatchesTshark(@TempDir Path copies) throws Exception {
        Path dir = TestCaptures.copyTo(copies);
        List<Path> captures;
        try (Stream<Path> files = Files.list(dir)) {
            captures = files.filter(p -> p.toString().endsWith(".pcapng")).sorted().toList();
        }
        assertThat(captures).extracting(p -> p.getFileName().toString()).as("a capture added to the folder gets its"
                + " frame count here").containsExactlyInAnyOrderElementsOf(FRAMES.keySet());
        for (Path capture : captures) {
            String name = capture.getFileName().toString();
            assertThat(compare(capture)).as(name).isEqualTo(FRAMES.get(name));
        }
    }

    @Test
    void theRecordedCapturesHoldTheExchangesTheirReadmeSays(@TempDir Path copies) {
        Path dir = TestCaptures.copyTo(copies);
        assertThat(types(dir.resolve("kea-dhcp6-dhclient.pcapng"))).containsExactly("SOLICIT", "ADVERTISE",
                "REQUEST", "REPLY", "RENEW", "REPLY", "RELEASE", "REPLY", "INFORMATION-REQUEST", "REPLY");
        assertThat(types(dir.resolve("dnsmasq-dhclient.pcapng"))).containsExactly("SOLICIT", "ADVERTISE",
                "REQUEST", "REPLY", "RELEASE", "REPLY", "INFORMATION-REQUEST", "REPLY");
    }

    private static List<Object> types(Path capture) {
        return decodeVerb(capture).values().stream().map(line -> Json.get(line, "type")).toList();
    }

    @Test
    void goldenVectorsAndRelayNestingMatchTshark(@TempDir Path tmp) throws Exception {
        Path capture = tmp.resolve("vectors6.pcap");
        Inet6Address client = Ipv6.parse("fe80::1");
        Inet6Address relay = Ipv6.parse("2001:db8:1::1");
        Inet6Address server = Ipv6.parse("2001:db8:1::2");
        List<byte[]> payloads = new ArrayList<>(Dhcp6GoldenVectors.all().values());
        byte[] relayed = Dhcp6GoldenVectors.all().get("RELAY_FORW");
        payloads.add(wrap(relayed, 1, "2001:db8:2::1", "2001:db8:1::1")); // a second relay layer
        try (PcapWriter writer = PcapWriter.create(capture)) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (byte[] payload : payloads) {
                boolean fromServer = payload[0] == Dhcp6MessageType.ADVERTISE.code()
                        || payload[0] == Dhcp6MessageType.REPLY.code();
                boolean isRelay = payload[0] == Dhcp6MessageType.RELAY_FORW.code();
                if (fromServer) {
                    writer.write(t, server, 547, client, 546, payload);
                } else {
                    writer.write(t, isRelay ? relay : client, isRelay ? 547 : 546, server, 547, payload);
                }
                t = t.plusMillis(1);
            }
        }
        assertThat(compare(capture)).isEqualTo(payloads.size());
    }

    private static byte[] wrap(byte[] inner, int hops, String link, String peer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(12);
        out.write(hops);
        out.writeBytes(Ipv6.parse(link).getAddress());
        out.writeBytes(Ipv6.parse(peer).getAddress());
        out.write(0);
        out.write(9);
        out.write(inner.length >>> 8);
        out.write(inner.length);
        out.writeBytes(inner);
        return out.toByteArray();
    }

    /** Compares every frame; returns how many were compared. */
    private static int compare(Path capture) throws Exception {
        Map<Integer, Object> ours = decodeVerb(capture);
        Map<Integer, Object> theirs = tshark(capture);
        assertThat(ours.keySet()).as("%s: frames", capture.getFileName()).isEqualTo(theirs.keySet());
        for (Map.Entry<Integer, Object> e : theirs.entrySet()) {
            Object dhcp = e.getValue();
            Object line = ours.get(e.getKey());
            String where = capture.getFileName() + " frame " + e.getKey();
            assertThat(Json.get(line, "error")).as(where + " error").isNull();
            assertThat(Json.get(line, "v6")).as(where).isEqualTo("true");
            int code = Integer.parseInt((String) Json.get(dhcp, "dhcpv6.msgtype"));
            assertThat(Json.get(line, "type")).as(where + " type")
                    .isEqualTo(Dhcp6MessageType.of(code).map(Dhcp6MessageType::rfcName).orElse(null));
            List<String> keys = new ArrayList<>();
            Json.object(line).forEach(entry -> keys.add(entry.getKey()));
            if (code == 12 || code == 13) {
                assertThat(keys).as(where).containsExactly("frame", "v6", "type", "hop_count", "link_address",
                        "peer_address", "options");
                assertThat(Json.get(line, "hop_count")).as(where).isEqualTo(Json.get(dhcp, "dhcpv6.hopcount"));
                assertThat(Json.get(line, "link_address")).as(where).isEqualTo(Json.get(dhcp, "dhcpv6.linkaddr"));
                assertThat(Json.get(line, "peer_address")).as(where).isEqualTo(Json.get(dhcp, "dhcpv6.peeraddr"));
            } else {
                assertThat(keys).as(where).containsExactly("frame", "v6", "type", "xid", "options");
                assertThat(Json.get(line, "xid")).as(where + " xid").isEqualTo(Json.get(dhcp, "dhcpv6.xid"));
            }
            List<String> expected = new ArrayList<>();
            for (Map.Entry<String, Object> entry : Json.object(dhcp)) {
                if (entry.getKey().equals("dhcpv6.option.type_str_raw")) {
                    String raw = (String) ((List<?>) entry.getValue()).get(0);
                    expected.add(Integer.parseInt(raw.substring(0, 4), 16) + "=" + raw.substring(8));
                }
            }
            List<String> actual = new ArrayList<>();
            for (Object o : (List<?>) Json.get(line, "options")) {
                actual.add(Json.get(o, "code") + "=" + Json.get(o, "hex"));
            }
            assertThat(actual).as(where + " options").isNotEmpty().containsExactlyElementsOf(expected);
        }
        return theirs.size();
    }

    private static Map<Integer, Object> decodeVerb(Path capture) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("decode", capture.toString());
        assertThat(exit).as(err.toString()).isZero();
        Map<Integer, Object> lines = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                Object json = Json.parse(line);
                lines.put(Integer.valueOf((String) Json.get(json, "frame")), json);
            }
        }
        return lines;
    }

    private static Map<Integer, Object> tshark(Path capture) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tshark", "-r", capture.toString(), "-T", "json", "-x", "-J", "frame dhcpv6")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<Integer, Object> frames = new TreeMap<>();
        for (Object packet : (List<?>) Json.parse(json)) {
            Object layers = Json.get(Json.get(packet, "_source"), "layers");
            Object dhcp = Json.get(layers, "dhcpv6");
            if (dhcp != null) {
                frames.put(Integer.valueOf((String) Json.get(Json.get(layers, "frame"), "frame.number")), dhcp);
            }
        }
        return frames;
    }
}
