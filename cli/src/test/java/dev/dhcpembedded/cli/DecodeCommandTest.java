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
