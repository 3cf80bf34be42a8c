package dev.dhcpembedded.codec;

/* In the codec package of the CLI's tests: it reads the core's golden vectors and capture list (its test jar). */

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dhcpembedded.cli.Main;
import dev.dhcpembedded.cli.TestCaptures;
import dev.dhcpembedded.internal.pcap.PcapWriter;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dhcpembedded.internal.wire.Hex;

/**
 * The decode verb (SPEC §5) against Wireshark's own dissector, field by field: every capture in
 * src/test/resources/captures, plus a capture written from the golden vectors (hlen 16 and 0, htype 6, option
 * overload, RFC 3396 split options included). Skips without tshark, unless -Ddhcp.requireRealHosts=true.
 */
class DecodeVerbVsTsharkTest {

    /** Our JSON key, and where tshark -T json keeps the same fact. */
    private static final Map<String, String> HEADER_FIELDS = new LinkedHashMap<>();

    static {
        HEADER_FIELDS.put("op", "dhcp.type");
        HEADER_FIELDS.put("xid", "dhcp.id");
        HEADER_FIELDS.put("flags", "dhcp.flags");
        HEADER_FIELDS.put("ciaddr", "dhcp.ip.client");
        HEADER_FIELDS.put("yiaddr", "dhcp.ip.your");
        HEADER_FIELDS.put("siaddr", "dhcp.ip.server");
        HEADER_FIELDS.put("giaddr", "dhcp.ip.relay");
        // chaddr: dhcp.hw.mac_addr or dhcp.hw.addr; type: dhcp.option.dhcp under option 53;
        // options: dhcp.option.type + dhcp.option.value (and the overload sub-trees); frame: frame.number.
    }

    /** Options whose typed value (our "value") tshark -T json gives as one field of the option's tree. */
    private static final Map<Integer, String> TYPED_FIELDS = Map.of(1, "dhcp.option.subnet_mask",
            50, "dhcp.option.requested_ip_address", 51, "dhcp.option.ip_address_lease_time",
            54, "dhcp.option.dhcp_server_id", 57, "dhcp.option.dhcp_max_message_size",
            58, "dhcp.option.renewal_time_value", 59, "dhcp.option.rebinding_time_value");

    private static final List<String> OUR_KEYS = List.of("frame", "op", "xid", "flags", "ciaddr", "yiaddr",
            "siaddr", "giaddr", "chaddr", "type", "options");

    @BeforeAll
    static void needsTshark() {
        boolean present = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tshark")));
        if (!present && Boolean.getBoolean("dhcp.requireRealHosts")) {
            fail("tshark is not installed, and dhcp.requireRealHosts=true forbids skipping");
        }
        Assumptions.assumeTrue(present, "tshark is not installed (Debian: apt-get install tshark)");
    }

    @Test
    void everyResourceCaptureMatchesTshark(@TempDir Path copies) throws Exception {
        Path dir = TestCaptures.copyTo(copies);
        List<Path> captures;
        try (Stream<Path> files = Files.list(dir)) {
            captures = files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        assertThat(captures).hasSizeGreaterThanOrEqualTo(5);
        int typedValues = 0;
        for (Path capture : captures) {
            typedValues += compare(capture);
        }
        assertThat(typedValues).as("typed option values compared with tshark's").isGreaterThan(20);
    }

    @Test
    void goldenVectorsAndOddHeadersMatchTshark(@TempDir Path tmp) throws Exception {
        Path capture = tmp.resolve("vectors.pcap");
        Inet4Address client = (Inet4Address) Inet4Address.getByName("10.20.0.100");
        Inet4Address server = (Inet4Address) Inet4Address.getByName("10.20.0.1");
        List<byte[]> payloads = new ArrayList<>(GoldenVectors.all().values());
        byte[] chaddr = Hex.parse("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        int[][] htypeHlen = {{1, 16}, {1, 0}, {1, 4}, {6, 6}, {32, 8}, {1, 6}};
        for (int[] h : htypeHlen) {
            payloads.add(DhcpEncoder.encode(DhcpMessage.builder().htype(h[0]).hlen(h[1]).chaddrBytes(chaddr)
                    .xid(h[0] << 8 | h[1]).messageType(MessageType.INFORM).build()));
        }
        try (PcapWriter writer = PcapWriter.create(capture)) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (byte[] payload : payloads) {
                writer.write(t, client, 68, server, 67, payload);
                t = t.plusMillis(1);
            }
        }
        compare(capture);
    }

    /** Compares every frame; returns how many typed option values it compared with tshark's fields. */
    private static int compare(Path capture) throws Exception {
        int typedValues = 0;
        Map<Integer, Object> ours = decodeVerb(capture);
        Map<Integer, Object> theirs = tshark(capture);
        assertThat(ours.keySet()).as("%s: frames", capture.getFileName()).isEqualTo(theirs.keySet());
        for (Map.Entry<Integer, Object> e : theirs.entrySet()) {
            int frame = e.getKey();
            Object dhcp = e.getValue();
            Object line = ours.get(frame);
            String where = capture.getFileName() + " frame " + frame;
            boolean tsharkSawDhcp = "99.130.83.99".equals(Json.get(dhcp, "dhcp.cookie"));
            if (Json.get(line, "error") != null) {
                assertThat(tsharkSawDhcp).as("%s: we failed (%s) where tshark found a DHCP message", where,
                        Json.get(line, "error")).isFalse();
                continue;
            }
            assertThat(tsharkSawDhcp).as(where + ": tshark sees the cookie").isTrue();
            assertThat(Json.object(line)).extracting(Map.Entry::getKey).as(where).containsExactlyElementsOf(OUR_KEYS);
            assertThat(Json.get(line, "frame")).isEqualTo(String.valueOf(frame));
            for (Map.Entry<String, String> field : HEADER_FIELDS.entrySet()) {
                assertThat(Json.get(line, field.getKey())).as(where + " " + field.getKey())
                        .isEqualTo(Json.get(dhcp, field.getValue()));
            }
            Object mac = Json.get(dhcp, "dhcp.hw.mac_addr");
            Object hw = mac != null ? mac : Json.get(dhcp, "dhcp.hw.addr");
            assertThat(Json.get(line, "chaddr")).as(where + " chaddr").isEqualTo(hw == null ? "" : hw);

            Map<Integer, String> options = new LinkedHashMap<>();
            Object option52 = collectOptions(dhcp, options);
            if (option52 != null) {
                collectOptions(Json.get(option52, "Boot file name option overload"), options);
                collectOptions(Json.get(option52, "Server host name option overload"), options);
            }
            List<String> expected = new ArrayList<>();
            options.forEach((code, hex) -> expected.add(code + "=" + hex));
            List<String> actual = new ArrayList<>();
            for (Object o : (List<?>) Json.get(line, "options")) {
                actual.add(Json.get(o, "code") + "=" + Json.get(o, "hex"));
            }
            assertThat(actual).as(where + " options").containsExactlyElementsOf(expected);

            Object type = Json.get(line, "type");
            String tsharkType = null;
            for (Map.Entry<String, Object> entry : Json.object(dhcp)) {
                if (entry.getKey().equals("dhcp.option.type_tree") && Json.get(entry.getValue(),
                        "dhcp.option.dhcp") != null) {
                    tsharkType = MessageType.of(Integer.parseInt((String) Json.get(entry.getValue(),
                            "dhcp.option.dhcp"))).name();
                    break;
                }
            }
            assertThat(type).as(where + " type").isEqualTo(tsharkType);

            Map<Integer, Object> trees = optionTrees(dhcp);
            for (Object o : (List<?>) Json.get(line, "options")) {
                Integer code = Integer.valueOf((String) Json.get(o, "code"));
                String field = TYPED_FIELDS.get(code);
                if (field != null && trees.containsKey(code) && trees.get(code) != null) {
                    assertThat(Json.get(o, "value")).as(where + " option " + code + " value")
                            .isEqualTo(Json.get(trees.get(code), field));
                    typedValues++;
                }
            }
        }
        return typedValues;
    }

    /** Each option's tree in tshark's top-level list, by code; null for a code that occurs twice (RFC 3396). */
    private static Map<Integer, Object> optionTrees(Object dhcp) {
        Map<Integer, Object> trees = new LinkedHashMap<>();
        Integer code = null;
        for (Map.Entry<String, Object> e : Json.object(dhcp)) {
            if (e.getKey().equals("dhcp.option.type")) {
                code = Integer.valueOf((String) e.getValue());
            } else if (e.getKey().equals("dhcp.option.type_tree") && code != null) {
                trees.put(code, trees.containsKey(code) ? null : e.getValue());
                code = null;
            }
        }
        return trees;
    }

    /**
     * Adds the options of one tshark option list, merging instances of a code (RFC 3396) at the place of the
     * first; END and PAD (type 0) are framing. Returns option 52's tree, whose sub-trees hold the file and sname
     * options.
     */
    private static Object collectOptions(Object list, Map<Integer, String> into) {
        Object option52 = null;
        if (list == null) {
            return null;
        }
        Integer code = null;
        for (Map.Entry<String, Object> e : Json.object(list)) {
            if (e.getKey().equals("dhcp.option.type")) {
                code = Integer.valueOf((String) e.getValue());
            } else if (e.getKey().equals("dhcp.option.type_tree") && code != null && code != 0) {
                Object value = Json.get(e.getValue(), "dhcp.option.value");
                String length = (String) Json.get(e.getValue(), "dhcp.option.length");
                assertThat(value != null || "0".equals(length)).as("tshark value of option " + code).isTrue();
                String hex = value == null ? "" : ((String) value).replace(":", "");
                into.merge(code, hex, String::concat);
                if (code == 52) {
                    option52 = e.getValue();
                }
                code = null;
            }
        }
        return option52;
    }

    private static Map<Integer, Object> decodeVerb(Path capture) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("decode", capture.toString());
        assertThat(exit).as(err.toString()).isIn(0, 1);
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
        Process p = new ProcessBuilder("tshark", "-r", capture.toString(), "-T", "json", "-J", "frame dhcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<Integer, Object> frames = new TreeMap<>();
        for (Object packet : (List<?>) Json.parse(json)) {
            Object layers = Json.get(Json.get(packet, "_source"), "layers");
            Object dhcp = Json.get(layers, "dhcp");
            if (dhcp != null) {
                frames.put(Integer.valueOf((String) Json.get(Json.get(layers, "frame"), "frame.number")), dhcp);
            }
        }
        return frames;
    }
}
