package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
                + "\"chaddr\":\"00:0b:82:01:fc:42\",\"type\":\"DISCOVER\",\"options\":["
                + "{\"code\":53,\"name\":\"DHCP Message Type\",\"hex\":\"01\",\"value\":\"DISCOVER\"},"
                + "{\"code\":61,\"name\":\"Client identifier\",\"hex\":\"01000b8201fc42\"},"
                + "{\"code\":50,\"name\":\"Requested IP Address\",\"hex\":\"00000000\",\"value\":\"0.0.0.0\"},"
                + "{\"code\":55,\"name\":\"Parameter Request List\",\"hex\":\"0103062a\",\"value\":[1,3,6,42]}]}");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void decodesDhcp6FromAPcapng() throws Exception {
        assertThat(run("decode", capture("packetgen-dhcpv6.pcapng"))).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("{\"frame\":1,\"v6\":true,\"type\":\"SOLICIT\",\"xid\":\"0x100874\","
                + "\"options\":[{\"code\":1,\"name\":\"Client Identifier\",\"hex\":\"000100011c39cf88080027fe8f95\","
                + "\"value\":{\"type\":1,\"hardware_type\":1,\"time\":\"2015-01-02T21:52:08Z\","
                + "\"link_layer_address\":\"08:00:27:fe:8f:95\"}},"
                + "{\"code\":6,\"name\":\"Option Request\",\"hex\":\"00170018\",\"value\":[23,24]},"
                + "{\"code\":8,\"name\":\"Elapsed time\",\"hex\":\"0000\",\"value\":0},"
                + "{\"code\":25,\"name\":\"Identity Association for Prefix Delegation\","
                + "\"hex\":\"27fe8f9500000e1000001518\",\"value\":{\"iaid\":670994325,\"t1\":3600,\"t2\":5400,"
                + "\"prefixes\":[]}}]}");
        assertThat(lines[3]).contains("{\"code\":25,\"name\":\"Identity Association for Prefix Delegation\","
                + "\"hex\":\"27fe8f950000000000000000001a00190000119400001c2040200100000000fe000000000000000000\","
                + "\"value\":{\"iaid\":670994325,\"t1\":0,\"t2\":0,\"prefixes\":[{\"prefix\":\"2001:0:0:fe00::/64\","
                + "\"preferred_lifetime\":4500,\"valid_lifetime\":7200}]}}");
        assertThat(lines[5]).startsWith("{\"frame\":6,\"v6\":true,\"type\":\"REPLY\",\"xid\":\"0xc789b0\",")
                .endsWith("{\"code\":13,\"name\":\"Status code\",\"hex\":\"000052656c656173652072656365697665642e\","
                        + "\"value\":{\"code\":0,\"name\":\"Success\",\"message\":\"Release received.\"}}]}");
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
                        + "\"peer_address\":\"fe80::1\",\"options\":[{\"code\":9,\"name\":\"Relay Message\","
                        + "\"hex\":\"01abcdef\"}]}",
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
        assertThat(lines[4]).contains("\"xid\":\"0x00003000\"").contains("\"options\":[{\"code\":53,\"name\":\"DHCP Message Type\","
                + "\"hex\":\"01\",\"value\":\"DISCOVER\"}]");
    }

    @Test
    void dhcpv4OptionsCarryTheirTypedValues() {
        assertThat(run("decode", capture("wireshark-sample-dhcp.pcap"))).isZero();
        String offer = out.toString().split("\n")[1];
        assertThat(offer).contains(
                "{\"code\":1,\"name\":\"Subnet Mask\",\"hex\":\"ffffff00\",\"value\":\"255.255.255.0\"}",
                "{\"code\":58,\"name\":\"Renewal Time Value\",\"hex\":\"00000708\",\"value\":1800}",
                "{\"code\":51,\"name\":\"IP Address Lease Time\",\"hex\":\"00000e10\",\"value\":3600}",
                "{\"code\":54,\"name\":\"DHCP Server Identifier\",\"hex\":\"c0a80001\",\"value\":\"192.168.0.1\"}");
    }

    @Test
    void typedValuesOfListsNamesRoutesAndSubOptionsAndOnlyHexForAnUnknownOption(@TempDir Path tmp)
            throws Exception {
        Path file = tmp.resolve("v4.pcap");
        byte[] ack = dev.dhcpembedded.codec.DhcpCodec.encode(dev.dhcpembedded.codec.DhcpMessage.builder().op(2)
                .xid(7).chaddr("02:00:00:00:00:07").yiaddr("10.0.0.7")
                .option(dev.dhcpembedded.codec.DhcpOption.of(53, new byte[] {5}))
                .option(dev.dhcpembedded.codec.DhcpOption.of(3, hex("0a000001" + "0a000002")))
                .option(dev.dhcpembedded.codec.DhcpOption.of(15, "lab.test".getBytes(StandardCharsets.US_ASCII)))
                .option(dev.dhcpembedded.codec.DhcpOption.of(119, hex("036c6162047465737400")))
                .option(dev.dhcpembedded.codec.DhcpOption.of(121, hex("100a1e" + "0a000001")))
                .option(dev.dhcpembedded.codec.DhcpOption.of(80, new byte[0]))
                .option(dev.dhcpembedded.codec.DhcpOption.of(200, hex("0102")))
                .option(dev.dhcpembedded.codec.DhcpOption.of(82, hex("0103657468")))
                .build());
        try (dev.dhcpembedded.internal.pcap.PcapWriter w = dev.dhcpembedded.internal.pcap.PcapWriter.create(file)) {
            w.write(java.time.Instant.EPOCH, dev.dhcpembedded.codec.IpAddresses.ipv4("10.0.0.1"), 67,
                    dev.dhcpembedded.codec.IpAddresses.ipv4("10.0.0.7"), 68, ack);
        }
        assertThat(run("decode", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).contains(
                "{\"code\":3,\"name\":\"Router\",\"hex\":\"0a0000010a000002\",\"value\":[\"10.0.0.1\",\"10.0.0.2\"]}",
                "{\"code\":15,\"name\":\"Domain Name\",\"hex\":\"6c61622e74657374\",\"value\":\"lab.test\"}",
                "{\"code\":119,\"name\":\"Domain Search\",\"hex\":\"036c6162047465737400\","
                        + "\"value\":[\"lab.test\"]}",
                "{\"code\":121,\"name\":\"Classless Static Route\",\"hex\":\"100a1e0a000001\","
                        + "\"value\":[{\"destination\":\"10.30.0.0/16\",\"router\":\"10.0.0.1\"}]}",
                "{\"code\":80,\"name\":\"Rapid commit\",\"hex\":\"\",\"value\":true}",
                "{\"code\":200,\"hex\":\"0102\"}",
                "{\"code\":82,\"name\":\"Agent Information Option\",\"hex\":\"0103657468\","
                        + "\"value\":[{\"code\":1,\"hex\":\"657468\"}]}");
    }

    @Test
    void anUnknownDhcpv6OptionHasOnlyItsHex(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("v6.pcap");
        java.net.Inet6Address a = dev.dhcpembedded.internal.wire.Ipv6.parse("fe80::2");
        java.net.Inet6Address b = dev.dhcpembedded.internal.wire.Ipv6.parse("ff02::1:2");
        byte[] solicit = hex("01abcdef" + "0001000a" + "0003" + "0001" + "020000000002" + "00960002" + "abcd" + "00200004"
                + "00015180" + "000c0010" + "20010db8000000000000000000000001");
        try (dev.dhcpembedded.internal.pcap.PcapWriter w = dev.dhcpembedded.internal.pcap.PcapWriter.create(file)) {
            w.write(java.time.Instant.EPOCH, a, 546, b, 547, solicit);
        }
        assertThat(run("decode", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).contains("{\"code\":150,\"hex\":\"abcd\"}",
                "{\"code\":32,\"name\":\"Information Refresh Time\",\"hex\":\"00015180\",\"value\":86400}",
                "{\"code\":12,\"name\":\"Server unicast\",\"hex\":\"20010db8000000000000000000000001\","
                        + "\"value\":\"2001:db8::1\"}");
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
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
