package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decode verb's exit codes and output (SPEC §5). */
class DecodeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @TempDir
    static Path captures;

    @BeforeAll
    static void copyCaptures() {
        TestCaptures.copyTo(captures);
    }

    private static String capture(String name) {
        return captures.resolve(name).toString();
    }

    @Test
    void exitsZeroWhenEveryPacketDecodes() throws Exception {
        assertThat(run("decode", capture("wireshark-sample-dhcp.pcap"))).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("{\"frame\":1,\"op\":1,\"xid\":\"0x00003d1d\",\"flags\":\"0x0000\","
                + "\"ciaddr\":\"0.0.0.0\",\"yiaddr\":\"0.0.0.0\",\"siaddr\":\"0.0.0.0\",\"giaddr\":\"0.0.0.0\","
                + "\"chaddr\":\"00:0b:82:01:fc:42\",\"type\":\"DISCOVER\",\"options\":[{\"code\":53,\"hex\":\"01\"},"
                + "{\"code\":61,\"hex\":\"01000b8201fc42\"},{\"code\":50,\"hex\":\"00000000\"},"
                + "{\"code\":55,\"hex\":\"0103062a\"}]}");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void decodesDhcp6FromAPcapng() throws Exception {
        assertThat(run("decode", capture("packetgen-dhcpv6.pcapng"))).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("{\"frame\":1,\"v6\":true,\"type\":\"SOLICIT\",\"xid\":\"0x100874\","
                + "\"options\":[{\"code\":1,\"hex\":\"000100011c39cf88080027fe8f95\"},{\"code\":6,\"hex\":\"00170018\"},"
                + "{\"code\":8,\"hex\":\"0000\"},{\"code\":25,\"hex\":\"27fe8f9500000e1000001518\"}]}");
        assertThat(lines[5]).startsWith("{\"frame\":6,\"v6\":true,\"type\":\"REPLY\",\"xid\":\"0xc789b0\",")
                .endsWith("{\"code\":13,\"hex\":\"000052656c656173652072656365697665642e\"}]}");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aDhcp6RelayLineAndAMalformedDhcp6Packet(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("v6.pcap");
        java.net.Inet6Address a = dev.dhcpembedded.internal.wire.Ipv6.parse("2001:db8:1::1");
        java.net.Inet6Address b = dev.dhcpembedded.internal.wire.Ipv6.parse("2001:db8:1::2");
        byte[] relay = dev.dhcpembedded.internal.wire.Hex.parse("0c05" + "20010db8000000000000000000000001"
                + "fe800000000000000000000000000001" + "00090004" + "01abcdef");
        byte[] lying = dev.dhcpembedded.internal.wire.Hex.parse("01abcdef" + "00080010" + "0000");
        try (dev.dhcpembedded.internal.pcap.PcapWriter w = dev.dhcpembedded.internal.pcap.PcapWriter.create(file)) {
            w.write(java.time.Instant.EPOCH, a, 547, b, 547, relay);
            w.write(java.time.Instant.EPOCH, a, 546, b, 547, lying);
        }
        assertThat(run("decode", file.toString())).isEqualTo(1);
        String[] lines = out.toString().split("\n");
        assertThat(lines).containsExactly(
                "{\"frame\":1,\"v6\":true,\"type\":\"RELAY-FORW\",\"hop_count\":5,\"link_address\":\"2001:db8::1\","
                        + "\"peer_address\":\"fe80::1\",\"options\":[{\"code\":9,\"hex\":\"01abcdef\"}]}",
                "{\"frame\":2,\"error\":\"message: option 8 length 16 runs past the end (2 bytes left)\","
                        + "\"offset\":6}");
    }

    @Test
    void exitsOneWhenAPacketDoesNotDecode() throws Exception {
        assertThat(run("decode", capture("bad-magic-cookie.pcap"))).isEqualTo(1);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).isEqualTo(
                "{\"frame\":2,\"error\":\"magic cookie 0x00000000 is not 0x63825363\",\"offset\":236}");
        assertThat(lines[4]).contains("\"xid\":\"0x00003000\"").contains("\"options\":[{\"code\":53,\"hex\":\"01\"}]");
    }

    @Test
    void exitsTwoOnAFileThatIsNotAPcap(@TempDir Path tmp) throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.pcap"), "this is not a capture at all");
        assertThat(run("decode", junk.toString())).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n").contains("junk.pcap").contains("not a pcap");
    }

    @Test
    void exitsTwoOnATruncatedPcap(@TempDir Path tmp) throws Exception {
        byte[] whole = Files.readAllBytes(Path.of(capture("wireshark-sample-dhcp.pcap")));
        Path cut = Files.write(tmp.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 10));
        assertThat(run("decode", cut.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("file ends inside frame 4");
    }

    @Test
    void exitsTwoOnAMissingFile() {
        assertThat(run("decode", "/no/such/file.pcap")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("decode: /no/such/file.pcap: no such file");
    }

    @Test
    void aBadFlagExitsTwoWithOneLine() {
        assertThat(run("decode", "--frobnicate", "x.pcap")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("Unknown option: '--frobnicate'");
    }

    @Test
    void aMissingFileArgumentExitsTwoWithOneLine() {
        assertThat(run("decode")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("Missing required parameter");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(DecodeJson.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }
}
