package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DHCPv6 netboot (RFC 5970) on loopback: option 59 by client kind and architecture, chosen by the rule DHCPv4 uses,
 * the vendor class echoed to UEFI HTTP boot, the file fetched by HTTP over ::1, other clients untouched.
 */
class Netboot6ServerTest {

    static final Duid CLIENT = Duid.llt(Instant.parse("2020-01-01T00:00:00Z"), MacAddress.parse("52:54:00:12:34:56"));
    static final Dhcp6Option HTTP_CLIENT = vendorClass("HTTPClient:Arch:00016:UNDI:003001");
    static final Dhcp6Option PXE_CLIENT = vendorClass("PXEClient:Arch:00007:UNDI:003016");
    static final Dhcp6Option IPXE = Dhcp6Option.of(Dhcp6OptionCode.USER_CLASS, new byte[] {0, 4, 'i', 'P', 'X', 'E'});

    @TempDir
    Path root;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    static Dhcp6Option vendorClass(String data) {
        byte[] text = data.getBytes(StandardCharsets.US_ASCII);
        return Dhcp6Option.of(Dhcp6OptionCode.VENDOR_CLASS, ByteBuffer.allocate(6 + text.length).putInt(343)
                .putShort((short) text.length).put(text).array());
    }

    static Dhcp6Option arch(int type) {
        return Dhcp6Option.of(Dhcp6OptionCode.CLIENT_ARCH_TYPE, new byte[] {(byte) (type >> 8), (byte) type});
    }

    DhcpServer server(Consumer<NetbootBuilder> more) throws IOException {
        Files.write(root.resolve("ipxe.efi"), new byte[5_000]);
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\necho DHCP-EMBEDDED-BOOT-OK\n");
        DhcpServer server = DhcpServer.builder()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff").dns("2001:db8:1::53"))
                .netboot(n -> more.accept(n.tftpRoot(root).bootFile(a -> a == 16 || a == 7 ? "ipxe.efi" : "other.efi")))
                .start();
        toClose.add(server);
        return server;
    }

    Dhcp6Message exchange(DhcpServer server, Dhcp6Message request) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0));
        toClose.add(socket);
        socket.setSoTimeout(3000);
        byte[] bytes = Dhcp6Codec.encode(request);
        socket.send(new DatagramPacket(bytes, bytes.length, server.v6().address()));
        DatagramPacket in = new DatagramPacket(new byte[65535], 65535);
        socket.receive(in);
        return Dhcp6Codec.decode(java.util.Arrays.copyOf(in.getData(), in.getLength()));
    }

    static Dhcp6Message.Builder solicit(int xid, Dhcp6Option... options) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(xid)
                .option(Dhcp6Option.clientId(CLIENT)).option(Dhcp6Option.elapsedTime(0))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)));
        for (Dhcp6Option o : options) {
            b.option(o);
        }
        return b;
    }

    static String url(Dhcp6Message m) {
        return new String(m.option(Dhcp6OptionCode.BOOTFILE_URL).orElseThrow().value(), StandardCharsets.US_ASCII);
    }

    String base(DhcpServer server) {
        return "http://[::1]:" + server.netboot().httpAddress6().orElseThrow().getPort() + "/";
    }

    @Test
    void uefiHttpBootGetsTheUrlOnIpv6AndHttpClientBackAndFetchesTheFileOverIpv6() throws Exception {
        DhcpServer server = server(NetbootBuilder::httpBoot);
        Dhcp6Message advertise = exchange(server, solicit(1, HTTP_CLIENT, arch(16),
                Dhcp6Option.oro(23, 59)).build());
        assertThat(advertise.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(url(advertise)).isEqualTo(base(server) + "ipxe.efi");
        assertThat(advertise.option(Dhcp6OptionCode.VENDOR_CLASS).orElseThrow().value())
                .isEqualTo(vendorClass("HTTPClient").value());
        Dhcp6Message reply = exchange(server, Dhcp6Message.builder(Dhcp6MessageType.REQUEST).transactionId(2)
                .option(Dhcp6Option.clientId(CLIENT)).option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(advertise.options(Dhcp6OptionCode.IA_NA).get(0)).option(HTTP_CLIENT).option(arch(16))
                .option(Dhcp6Option.oro(59)).build());
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(url(reply)).isEqualTo(url(advertise));
        assertThat(reply.iaNa()).hasSize(1);

        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(reply)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).hasSize(5_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.netboot().fetched("ipxe.efi"));
        assertThat(server.netboot().fetches().get(0).client().getAddress().getHostAddress()).contains(":");
        assertThat(server.journal().received(Dhcp6MessageType.SOLICIT).get(0).note())
                .endsWith("; netboot UEFI HTTP boot arch 16: " + base(server) + "ipxe.efi (option 59, RFC 5970)");
    }

    @Test
    void iPxeGetsTheScriptUrlInTheAdvertiseAndInTheReplyToAnInformationRequest() throws Exception {
        DhcpServer server = server(n -> n.ipxeScript("boot.ipxe"));
        Dhcp6Message advertise = exchange(server, solicit(1, IPXE, arch(7)).build());
        assertThat(url(advertise)).isEqualTo(base(server) + "boot.ipxe");
        assertThat(advertise.option(Dhcp6OptionCode.VENDOR_CLASS)).isEmpty();
        Dhcp6Message info = exchange(server, Dhcp6Message.builder(Dhcp6MessageType.INFORMATION_REQUEST)
                .transactionId(3).option(Dhcp6Option.clientId(CLIENT)).option(IPXE)
                .option(Dhcp6Option.oro(23, 59)).build());
        assertThat(info.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(url(info)).isEqualTo(base(server) + "boot.ipxe");
        assertThat(info.dnsServers()).containsExactly(Ipv6.parse("2001:db8:1::53"));
        HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(info)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.body()).contains("DHCP-EMBEDDED-BOOT-OK");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.netboot().fetched("boot.ipxe"));
    }

    @Test
    void theBootFileFollowsTheArchitectureAndThePerMacFileTheDuidsLinkLayerAddress() throws Exception {
        DhcpServer server = server(n -> n.httpBoot().forClient("52:54:00:12:34:56", "special.efi"));
        assertThat(url(exchange(server, solicit(1, HTTP_CLIENT, arch(16)).build())))
                .isEqualTo(base(server) + "special.efi");
        Dhcp6Message other = solicit(2, HTTP_CLIENT, arch(10)).removeOption(Dhcp6OptionCode.CLIENTID)
                .option(Dhcp6Option.clientId(Duid.ll(MacAddress.parse("52:54:00:00:00:01")))).build();
        assertThat(url(exchange(server, other))).isEqualTo(base(server) + "other.efi");
        // no option 61: the architecture of the vendor class
        assertThat(url(exchange(server, solicit(3, HTTP_CLIENT).removeOption(Dhcp6OptionCode.CLIENTID)
                .option(Dhcp6Option.clientId(Duid.ll(MacAddress.parse("52:54:00:00:00:02")))).build())))
                .isEqualTo(base(server) + "ipxe.efi");
    }

    @Test
    void otherClientsAreUntouchedAndTheOroAloneAsksForTheUrl() throws Exception {
        DhcpServer server = server(NetbootBuilder::httpBoot);
        Dhcp6Message plain = exchange(server, solicit(1, Dhcp6Option.oro(23)).build());
        assertThat(plain.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(plain.option(Dhcp6OptionCode.BOOTFILE_URL)).isEmpty();
        assertThat(plain.option(Dhcp6OptionCode.VENDOR_CLASS)).isEmpty();
        assertThat(server.journal().received(Dhcp6MessageType.SOLICIT).get(0).note()).doesNotContain("netboot");
        // a vendor class of another enterprise is no netboot client
        Dhcp6Option other = Dhcp6Option.of(Dhcp6OptionCode.VENDOR_CLASS, ByteBuffer.allocate(16).putInt(4491)
                .putShort((short) 10).put("HTTPClient".getBytes(StandardCharsets.US_ASCII)).array());
        assertThat(exchange(server, solicit(2, other).build()).option(Dhcp6OptionCode.BOOTFILE_URL)).isEmpty();
        // no class, but option 59 in its ORO: answered as an HTTP boot client, without the vendor class
        Dhcp6Message asked = exchange(server, solicit(3, Dhcp6Option.oro(59), arch(16)).build());
        assertThat(url(asked)).isEqualTo(base(server) + "ipxe.efi");
        assertThat(asked.option(Dhcp6OptionCode.VENDOR_CLASS)).isEmpty();
    }

    @Test
    void aPxeClientOverIpv6GetsNoTftpFileAsTftpIsServedOverIpv4Only() throws Exception {
        DhcpServer server = server(NetbootBuilder::httpBoot);
        Dhcp6Message advertise = exchange(server, solicit(1, PXE_CLIENT, arch(7), Dhcp6Option.oro(59)).build());
        assertThat(advertise.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(advertise.option(Dhcp6OptionCode.BOOTFILE_URL)).isEmpty();
        assertThat(server.journal().received(Dhcp6MessageType.SOLICIT).get(0).note())
                .endsWith("; netboot PXE arch 7: nothing to boot (a PXE client fetches by TFTP, which is served over"
                        + " IPv4 only)");
    }

    @Test
    void aPxeClientOverIpv6GetsABootFileThatIsAUrl() throws Exception {
        DhcpServer server = server(n -> n.bootFile(a -> "http://[2001:db8::9]/ipxe.efi"));
        assertThat(url(exchange(server, solicit(1, PXE_CLIENT, arch(7)).build())))
                .isEqualTo("http://[2001:db8::9]/ipxe.efi");
    }

    @Test
    void tsharkDecodesTheNetbootAdvertiseCleanly(@TempDir Path tmp) throws Exception {
        boolean tshark = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tshark")));
        Assumptions.assumeTrue(tshark || Boolean.getBoolean("dhcp.requireRealHosts"), "tshark is not installed");
        DhcpServer server = server(n -> n.httpBoot().ipxeScript("boot.ipxe"));
        exchange(server, solicit(1, HTTP_CLIENT, arch(16), Dhcp6Option.oro(23, 59)).build());
        exchange(server, solicit(2, IPXE, arch(7)).build());
        Path pcap = tmp.resolve("netboot6.pcap");
        server.journal().writePcap(pcap);
        Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V", "-o", "udp.check_checksum:TRUE")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // this tshark names option 59 but shows no value of it
        assertThat(text).contains("Advertise (2)").contains("Option: Boot File URL (59)")
                .contains("Length: " + (base(server) + "ipxe.efi").length())
                .contains("Length: " + (base(server) + "boot.ipxe").length()).contains("vendor-class-data: HTTPClient\n")
                .doesNotContain("Malformed").doesNotContain("Expert Info").doesNotContain("[Checksum Status: Bad]");
    }
}
