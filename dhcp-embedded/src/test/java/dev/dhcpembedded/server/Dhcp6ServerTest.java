package dev.dhcpembedded.server;

import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.io.File;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DHCPv6 beside DHCPv4 in one server: [::1] on an ephemeral port, one journal, one clock. */
class Dhcp6ServerTest {

    static final Duid CLIENT = Duid.llt(Instant.parse("2020-01-01T00:00:00Z"), MacAddress.parse("02:00:00:00:00:42"));

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    DhcpServer dualStack() {
        DhcpServer server = DhcpServer.builder().clock(clock)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
                        .prefixDelegation("2001:db8:100::/48", 56).dns("2001:db8:1::53").domainSearch("lab.test"))
                .start();
        toClose.add(server);
        return server;
    }

    /** A client socket on [::1], any port. */
    DatagramSocket socket() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0));
        socket.setSoTimeout(3000);
        toClose.add(socket);
        return socket;
    }

    static Dhcp6Message exchange(DatagramSocket socket, InetSocketAddress server, Dhcp6Message request)
            throws IOException {
        byte[] bytes = Dhcp6Codec.encode(request);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
        DatagramPacket in = new DatagramPacket(new byte[65535], 65535);
        socket.receive(in);
        return Dhcp6Codec.decode(java.util.Arrays.copyOf(in.getData(), in.getLength()));
    }

    static Dhcp6Message.Builder msg(Dhcp6MessageType type, int xid) {
        return Dhcp6Message.builder(type).transactionId(xid).option(Dhcp6Option.clientId(CLIENT))
                .option(Dhcp6Option.elapsedTime(0)).option(Dhcp6Option.oro(23, 24));
    }

    @Test
    void solicitAdvertiseRequestReplyOverLoopback() throws IOException {
        DhcpServer server = dualStack();
        assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        InetSocketAddress v6 = server.v6().address();
        assertThat(v6.getAddress()).isInstanceOf(Inet6Address.class);
        assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
        assertThat(v6.getPort()).isNotZero();

        DatagramSocket socket = socket();
        Dhcp6Message advertise = exchange(socket, v6, msg(Dhcp6MessageType.SOLICIT, 0x100874)
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
        assertThat(advertise.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(advertise.transactionId()).isEqualTo(0x100874);
        assertThat(advertise.serverId()).isEqualTo(server.serverDuid());
        assertThat(advertise.dnsServers()).containsExactly(Ipv6.parse("2001:db8:1::53"));
        assertThat(advertise.domainList()).containsExactly("lab.test");
        IaAddress offered = advertise.iaNa().get(0).addresses().get(0);
        assertThat(Ipv6.format(offered.address())).isEqualTo("2001:db8:1::100");
        assertThat(offered.preferredLifetime()).isEqualTo(3600);
        assertThat(offered.validLifetime()).isEqualTo(7200);
        assertThat(advertise.iaNa().get(0).t1()).isEqualTo(1800);
        assertThat(advertise.iaNa().get(0).t2()).isEqualTo(2880);
        assertThat(advertise.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(server.v6().leases()).extracting(Lease6::state).containsOnly(LeaseState.OFFERED);

        Dhcp6Message reply = exchange(socket, v6, msg(Dhcp6MessageType.REQUEST, 0x49174e)
                .option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0, Dhcp6Option.iaAddress(offered))))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(server.v6().leases(CLIENT)).extracting(Lease6::text, Lease6::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2001:db8:1::100", LeaseState.BOUND),
                org.assertj.core.groups.Tuple.tuple("2001:db8:100::/56", LeaseState.BOUND));
        assertThat(server.v6().leases().get(0).expiresAt()).isEqualTo(clock.instant().plusSeconds(7200));

        // one journal: DHCPv6 entries, shown with the ports a link would carry
        List<JournalEntry> entries = server.journal().entries();
        assertThat(entries).hasSize(4).allMatch(JournalEntry::isV6);
        assertThat(server.journal().received(Dhcp6MessageType.SOLICIT)).hasSize(1);
        assertThat(server.journal().sent(Dhcp6MessageType.REPLY)).hasSize(1);
        assertThat(server.journal().forDuid(CLIENT)).hasSize(4);
        assertThat(entries.get(0).note()).contains("SOLICIT").contains("18.3.1");
        assertThat(server.journal().transcript().lines().toList()).containsExactly(
                "[::1]:546 -> [::1]:547 DHCPv6 Solicit XID: 0x100874 CID: " + CLIENT.hex(),
                "[::1]:547 -> [::1]:546 DHCPv6 Advertise XID: 0x100874 CID: " + CLIENT.hex(),
                "[::1]:546 -> [::1]:547 DHCPv6 Request XID: 0x49174e CID: " + CLIENT.hex(),
                "[::1]:547 -> [::1]:546 DHCPv6 Reply XID: 0x49174e CID: " + CLIENT.hex());
        assertThat(entries.get(0).peer().getPort()).isEqualTo(socket.getLocalPort());
    }

    @Test
    void theJournalReadsWallTimeFromTheBuildersWallClockForDhcp6Too() throws IOException {
        TestClock wall = TestClock.at(Instant.parse("2031-05-05T10:00:00Z"));
        DhcpServer server = DhcpServer.builder().clock(clock).wallClock(wall)
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")).start();
        toClose.add(server);
        DatagramSocket socket = socket();
        exchange(socket, server.v6().address(), msg(Dhcp6MessageType.SOLICIT, 1).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)))
                .build());
        wall.advance(Duration.ofSeconds(7));
        exchange(socket, server.v6().address(), msg(Dhcp6MessageType.SOLICIT, 2).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)))
                .build());
        List<JournalEntry> entries = server.journal().entries();
        assertThat(entries).hasSize(4);
        assertThat(entries).extracting(JournalEntry::wallTime).containsExactly(
                Instant.parse("2031-05-05T10:00:00Z"), Instant.parse("2031-05-05T10:00:00Z"),
                Instant.parse("2031-05-05T10:00:07Z"), Instant.parse("2031-05-05T10:00:07Z"));
        assertThat(entries.get(2).serverTime()).isEqualTo(clock.instant());
    }

    @Test
    void aStaticLeaseByDuidOverLoopback() throws IOException {
        Duid other = Duid.ll(MacAddress.parse("02:00:00:00:00:43"));
        DhcpServer server = DhcpServer.builder().clock(clock)
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
                        .prefixDelegation("2001:db8:100::/48", 56))
                .staticLease6(CLIENT, l -> l.address("2001:db8:1::42").prefix("2001:db8:100:4200::/56"))
                .staticLease6(other, "2001:db8:1::100")
                .start();
        toClose.add(server);
        DatagramSocket socket = socket();
        Dhcp6Message advertise = exchange(socket, server.v6().address(), msg(Dhcp6MessageType.SOLICIT, 1)
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
        assertThat(Ipv6.format(advertise.iaNa().get(0).addresses().get(0).address())).isEqualTo("2001:db8:1::42");
        assertThat(advertise.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100:4200::/56");
        Dhcp6Message reply = exchange(socket, server.v6().address(), msg(Dhcp6MessageType.REQUEST, 2)
                .option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
        assertThat(reply.iaNa().get(0).addresses()).hasSize(1);
        assertThat(server.v6().leases(CLIENT)).extracting(Lease6::text, Lease6::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("2001:db8:1::42", LeaseState.BOUND),
                org.assertj.core.groups.Tuple.tuple("2001:db8:100:4200::/56", LeaseState.BOUND));
        assertThat(server.journal().entries().get(3).note()).contains("(static lease)");
        // a client without a static lease skips the other client's static ::100
        Dhcp6Message third = exchange(socket, server.v6().address(), Dhcp6Message.builder(Dhcp6MessageType.SOLICIT)
                .transactionId(3).option(Dhcp6Option.clientId(Duid.ll(MacAddress.parse("02:00:00:00:00:44"))))
                .option(Dhcp6Option.elapsedTime(0)).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build());
        assertThat(Ipv6.format(third.iaNa().get(0).addresses().get(0).address())).isEqualTo("2001:db8:1::101");
    }

    @Test
    void badStaticLeases6FailAtBuildWithWhatToChange() {
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s.defaultPool())
                .staticLease6(CLIENT, "2001:db8:2::42").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside every subnet6 (2001:db8:1::/64); use an address inside one");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/24", s -> { })
                .staticLease6(CLIENT, "2001:db8:2::42").build())
                .hasMessageContaining("needs a DHCPv6 link; add .subnet6(\"PREFIX\", ...)");
        assertThatThrownBy(() -> DhcpServer.builder().staticLease6(CLIENT, l -> l.iaid(1)))
                .hasMessageContaining("gives neither an address nor a prefix");
    }

    @Test
    void ipv4StillServedBesideIt() {
        DhcpServer server = dualStack();
        try (dev.dhcpembedded.client.DhcpTestClient client = dev.dhcpembedded.client.DhcpTestClient.builder()
                .server(server.address()).mac("02:00:00:00:00:07").timeout(Duration.ofMillis(800)).attempts(2)
                .clock(clock).build()) {
            assertThat(client.dora().address().getHostAddress()).isEqualTo("10.20.0.100");
        }
        assertThat(server.leases()).hasSize(1);
        assertThat(server.journal().entries()).noneMatch(JournalEntry::isV6);
    }

    @Test
    void aMalformedPacketIsJournaledWithItsReasonAndGetsNoReply() throws IOException {
        DhcpServer server = dualStack();
        DatagramSocket socket = socket();
        byte[] lying = Hex.parse("01abcdef" + "00080010" + "0000");
        socket.send(new DatagramPacket(lying, lying.length, server.v6().address()));
        socket.setSoTimeout(300);
        assertThatThrownBy(() -> socket.receive(new DatagramPacket(new byte[100], 100)))
                .isInstanceOf(SocketTimeoutException.class);
        JournalEntry rejected = server.journal().rejected().get(0);
        assertThat(rejected.isV6()).isTrue();
        assertThat(rejected.error().orElseThrow().offset()).isEqualTo(6);
        assertThat(rejected.transcriptLine()).contains("DHCPv6 [Malformed Packet: ").contains("at offset 6");
        socket.setSoTimeout(3000);
        assertThat(exchange(socket, server.v6().address(), msg(Dhcp6MessageType.INFORMATION_REQUEST, 9).build())
                .type()).as("still serving").contains(Dhcp6MessageType.REPLY);
    }

    @Test
    void dhcp6AloneAndInMemory() {
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = DhcpServer.builder().clock(clock).rapidCommit6()
                .serverDuid(Duid.ll(MacAddress.parse("02:00:00:00:00:01"))).transport6(memory)
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100-2001:db8:1::100")
                        .preferredLifetime(Duration.ofMinutes(10)).validLifetime(Duration.ofMinutes(20)))
                .start();
        toClose.add(server);
        assertThat(server.address()).isEqualTo(InMemoryTransport.SERVER);
        assertThatThrownBy(server::leases).hasMessageContaining("no IPv4 subnet");

        List<Datagram> out = memory.deliver(Dhcp6Codec.encode(msg(Dhcp6MessageType.SOLICIT, 1)
                .option(Dhcp6Option.rapidCommit()).option(Dhcp6Option.iaNa(IaNa.of(5, 0, 0))).build()),
                InMemoryTransport.CLIENT);
        Dhcp6Message reply = Dhcp6Codec.decode(out.get(0).bytes());
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(reply.rapidCommit()).isTrue();
        assertThat(reply.iaNa().get(0).t1()).isEqualTo(300);
        assertThat(server.v6().leases()).singleElement().extracting(Lease6::state).isEqualTo(LeaseState.BOUND);

        Dhcp6Message full = Dhcp6Codec.decode(memory.deliver(Dhcp6Codec.encode(Dhcp6Message
                .builder(Dhcp6MessageType.SOLICIT).transactionId(2).option(Dhcp6Option.clientId(Duid.ll(
                        MacAddress.parse("02:00:00:00:00:43")))).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build()),
                InMemoryTransport.CLIENT).get(0).bytes());
        assertThat(full.iaNa().get(0).status().orElseThrow().code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL);

        clock.advance(Duration.ofMinutes(21));
        assertThat(server.v6().leases()).singleElement().extracting(Lease6::state).isEqualTo(LeaseState.EXPIRED);
        server.reset();
        assertThat(server.v6().leases()).isEmpty();
        assertThat(server.journal().entries()).isEmpty();
    }

    @Test
    void badDhcp6ConfigurationFailsAtBuild() {
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:2::1",
                "2001:db8:2::9")).build()).hasMessageContaining("outside subnet6 2001:db8:1::/64");
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::/64", s -> { })
                .subnet6("2001:db8::/32", s -> { }).build()).hasMessageContaining("overlap");
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s
                .renewalTime(Duration.ofHours(2)).rebindingTime(Duration.ofHours(1))).build())
                .hasMessageContaining("T1");
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s
                .prefixDelegation("2001:db8:100::/48", 40)).build()).hasMessageContaining("/40");
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::1/64", s -> { }))
                .hasMessageContaining("bits set");
        assertThatThrownBy(() -> DhcpServer.builder().bindInterface("nosuch6if").subnet6("2001:db8:1::/64",
                s -> { }).start()).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("no interface named nosuch6if");
    }

    @Test
    void thePcapExportHoldsIpv6FramesThatTsharkDecodesCleanly(@TempDir Path tmp) throws Exception {
        boolean tshark = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tshark")));
        Assumptions.assumeTrue(tshark || Boolean.getBoolean("dhcp.requireRealHosts"), "tshark is not installed");
        DhcpServer server = dualStack();
        DatagramSocket socket = socket();
        Dhcp6Message advertise = exchange(socket, server.v6().address(), msg(Dhcp6MessageType.SOLICIT, 0x10)
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
        Dhcp6Message relayed = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0)
                .linkAddress("2001:db8:1::1").peerAddress("fe80::42")
                .option(Dhcp6Option.interfaceId("eth0".getBytes(StandardCharsets.US_ASCII)))
                .option(Dhcp6Option.relayMessage(msg(Dhcp6MessageType.INFORMATION_REQUEST, 0x11).build())).build();
        assertThat(exchange(socket, server.v6().address(), relayed).type()).contains(Dhcp6MessageType.RELAY_REPL);
        assertThat(advertise.iaNa()).hasSize(1);
        Path pcap = tmp.resolve("v6.pcap");
        server.journal().writePcap(pcap);

        Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V", "-o", "udp.check_checksum:TRUE")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(text).contains("DHCPv6").contains("Message type: Solicit (1)").contains("Advertise (2)")
                .contains("Relay-forw (12)").contains("Relay-reply (13)")
                .doesNotContain("Malformed").doesNotContain("Expert Info").doesNotContain("[Checksum Status: Bad]");
        Process fields = new ProcessBuilder("tshark", "-r", pcap.toString(), "-T", "fields", "-e", "dhcpv6.msgtype")
                .redirectErrorStream(true).start();
        String types = new String(fields.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fields.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(types.lines().filter(l -> !l.startsWith("Running as")).toList())
                .containsExactly("1", "2", "12,11", "13,7");
    }
}
