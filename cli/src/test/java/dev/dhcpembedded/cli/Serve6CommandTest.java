package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.pcap.PcapFrame;
import dev.dhcpembedded.internal.pcap.PcapReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DHCPv6 flags of SPEC §5: --subnet6, --pool6, --pd, --dns6, --rapid-commit6, --bind [::1]:0, --ra; and --static6. */
class Serve6CommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private String stdout() {
        synchronized (out) {
            return out.toString();
        }
    }

    @Test
    void servesBothAndPrintsTheV6ListeningLineSecond(@TempDir Path tmp) throws Exception {
        Path pcap = tmp.resolve("both.pcap");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("--subnet", "10.20.0.0/24",
                "--subnet6", "2001:db8:1::/64", "--pool6", "2001:db8:1::100-2001:db8:1::1ff",
                "--pd", "2001:db8:100::/48/56", "--dns6", "2001:db8:1::53,2001:db8:1::54", "--domain", "lab.test",
                "--rapid-commit6", "--bind", "[::1]:0", "--pcap", pcap.toString(), "--max-seconds", "4"));
        Pattern v6 = Pattern.compile("listening on \\[::1\\]:(\\d+)");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!v6.matcher(stdout()).find() && System.nanoTime() < deadline && !exit.isDone()) {
            Thread.sleep(20);
        }
        String[] lines = stdout().split("\n");
        assertThat(lines[0]).as(err.toString()).matches("listening on 127\\.0\\.0\\.1:\\d+");
        Matcher m = v6.matcher(lines[1]);
        assertThat(m.matches()).as(lines[1]).isTrue();
        int port = Integer.parseInt(m.group(1));

        Duid client = Duid.ll(MacAddress.parse("02:00:00:00:00:42"));
        Dhcp6Message reply;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0))) {
            socket.setSoTimeout(3000);
            byte[] solicit = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(7)
                    .option(Dhcp6Option.clientId(client)).option(Dhcp6Option.rapidCommit())
                    .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
            socket.send(new DatagramPacket(solicit, solicit.length, new InetSocketAddress(Ipv6.parse("::1"), port)));
            DatagramPacket in = new DatagramPacket(new byte[2000], 2000);
            socket.receive(in);
            reply = Dhcp6Codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
        }
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(reply.rapidCommit()).isTrue();
        assertThat(Ipv6.format(reply.iaNa().get(0).addresses().get(0).address())).isEqualTo("2001:db8:1::100");
        assertThat(reply.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(reply.dnsServers()).extracting(Ipv6::format).containsExactly("2001:db8:1::53", "2001:db8:1::54");
        assertThat(reply.domainList()).containsExactly("lab.test");

        assertThat(exit.get()).isZero();
        assertThat(stdout()).contains("[::1]:546 -> [::1]:547 DHCPv6 Solicit XID: 0x000007 CID: " + client.hex())
                .contains("[::1]:547 -> [::1]:546 DHCPv6 Reply XID: 0x000007");
        List<PcapFrame> frames = PcapReader.readAll(pcap);
        assertThat(frames).hasSize(2).allMatch(PcapFrame::isDhcp6);
    }

    @Test
    void static6GivesTheDuidItsAddressAndPrefix() throws Exception {
        Duid client = Duid.ll(MacAddress.parse("02:00:00:00:00:42"));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("--subnet6", "2001:db8:1::/64",
                "--pd", "2001:db8:100::/48/56", "--static6", "00:03:00:01:02:00:00:00:00:42=2001:db8:1::42,"
                        + "2001:db8:100:4200::/56", "--static6", "0003000102000000004f=2001:db8:1::100",
                "--lease", "120", "--max-seconds", "4", "--quiet")); // --lease without --subnet: v6 lifetimes
        Pattern v6 = Pattern.compile("listening on \\[::1\\]:(\\d+)");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!v6.matcher(stdout()).find() && System.nanoTime() < deadline && !exit.isDone()) {
            Thread.sleep(20);
        }
        Matcher m = v6.matcher(stdout());
        assertThat(m.find()).as(stdout() + err).isTrue();
        int port = Integer.parseInt(m.group(1));
        Dhcp6Message advertise;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0))) {
            socket.setSoTimeout(3000);
            byte[] solicit = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(8)
                    .option(Dhcp6Option.clientId(client))
                    .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
            socket.send(new DatagramPacket(solicit, solicit.length, new InetSocketAddress(Ipv6.parse("::1"), port)));
            DatagramPacket in = new DatagramPacket(new byte[2000], 2000);
            socket.receive(in);
            advertise = Dhcp6Codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
        }
        assertThat(Ipv6.format(advertise.iaNa().get(0).addresses().get(0).address())).isEqualTo("2001:db8:1::42");
        assertThat(advertise.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100:4200::/56");
        assertThat(advertise.iaNa().get(0).addresses().get(0).validLifetime()).isEqualTo(120);
        assertThat(exit.get()).isZero();
    }

    @Test
    void badStatic6SaysWhatToChange() {
        String[][] bad = {
            {"--subnet", "10.20.0.0/24", "--static6", "00030001020000000042=2001:db8:1::42"},
            {"--subnet6", "2001:db8:1::/64", "--static6", "2001:db8:1::42"},
            {"--subnet6", "2001:db8:1::/64", "--static6", "zz=2001:db8:1::42"},
            {"--subnet6", "2001:db8:1::/64", "--static6", "00030001020000000042=10.0.0.1"},
            {"--subnet6", "2001:db8:1::/64", "--static6", "00030001020000000042=2001:db8:2::42"},
        };
        String[] says = {"need --subnet6", "is not written DUID=ADDR", "the DUID is not valid hex",
            "not an IPv6 address", "is outside every subnet6 (2001:db8:1::/64)"};
        for (int i = 0; i < bad.length; i++) {
            StringWriter e = new StringWriter();
            int code = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(e))
                    .execute(bad[i]);
            assertThat(code).as(String.join(" ", bad[i]) + ": " + e).isEqualTo(2);
            assertThat(e.toString().strip()).as(String.join(" ", bad[i])).doesNotContain("\n").contains(says[i]);
        }
    }

    @Test
    void dhcp6AlonePrintsOneListeningLine() throws Exception {
        assertThat(run("--subnet6", "2001:db8:1::/120", "--max-seconds", "1", "--quiet")).isZero();
        assertThat(stdout().strip()).matches("listening on \\[::1\\]:\\d+");
    }

    @Test
    void raNeedsInterfaceModeAndSubnet6() {
        StringWriter e = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(e))
                .execute("--subnet6", "2001:db8:1::/64", "--ra", "managed");
        assertThat(code).isEqualTo(2);
        assertThat(e.toString()).contains("--ra managed needs --interface NAME: there is no Router Advertisement "
                + "in loopback mode");
        StringWriter e2 = new StringWriter();
        int code2 = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(e2))
                .execute("--subnet", "10.20.0.0/24", "--interface", "lo", "--ra", "slaac");
        assertThat(code2).isEqualTo(2);
        assertThat(e2.toString()).contains("--ra slaac needs --subnet6 PREFIX");
    }

    @Test
    void raModesBuildAServerOnAnInterface() {
        for (String mode : new String[] {"managed", "other", "slaac", "none"}) {
            ServeOptions options = new ServeOptions();
            picocli.CommandLine.populateCommand(options, "--interface", "lo", "--subnet6", "2001:db8:1::/64",
                    "--dns6", "2001:db8:1::53", "--domain", "lab.test", "--ra", mode);
            assertThat(options.buildServer()).as(mode).isNotNull();
        }
    }

    @Test
    void badV6FlagsExitTwoWithOneLine() {
        String[][] bad = {
            {},
            {"--pool6", "2001:db8:1::1-2001:db8:1::2"},
            {"--subnet6", "2001:db8:1::/64", "--pd", "2001:db8:100::/48"},
            {"--subnet6", "2001:db8:1::/64", "--pd", "nonsense"},
            {"--subnet6", "2001:db8:1::/64", "--pool6", "2001:db8:2::1-2001:db8:2::9"},
            {"--subnet6", "2001:db8:1::1/64"},
            {"--subnet6", "2001:db8:1::/64", "--ra", "managed"},
            {"--subnet6", "2001:db8:1::/64", "--ra", "sometimes"},
            {"--subnet6", "2001:db8:1::/64", "--bind", "[2001:db8::1]:0"},
            {"--subnet6", "2001:db8:1::/64", "--dns6", "10.0.0.1"},
            {"--subnet6", "2001:db8:1::/64", "--router", "10.0.0.1"},
        };
        for (String[] args : bad) {
            StringWriter e = new StringWriter();
            int code = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(e))
                    .execute(args);
            assertThat(code).as(String.join(" ", args) + ": " + e).isEqualTo(2);
            assertThat(e.toString().strip()).as(String.join(" ", args)).isNotEmpty().doesNotContain("\n");
        }
    }
}
