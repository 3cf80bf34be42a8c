package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.Subnet6Builder;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.stub6.Request6Matcher;
import dev.dhcpembedded.stub6.Response6;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ISC dhclient -6 in a namespace against the server bound to the lab's veth (interface mode: UDP 547 joined to
 * ff02::1:2 on that interface only). The lab's script applies the address and reports each event; it never writes
 * /etc/resolv.conf. Each test checks the capture with tshark: every frame DHCPv6, none malformed, no expert info.
 */
class Dhclient6Test {

    static final Duration AWAIT = Duration.ofSeconds(20);

    @BeforeEach
    void needs() {
        RealHosts.assumeBinary("dhclient");
        RealHosts.assumeBinary("tshark");
        RealHosts.assumeBinary("dumpcap");
    }

    /** A lab, a DHCPv6 server on its veth, a capture of that veth, and dhclient -6 commands. */
    static final class Served6 implements AutoCloseable {
        final HostLab lab;
        final DhcpServer server;
        final Path capture;
        final BackgroundProcess dumpcap;
        final List<String> base;

        Served6() throws Exception {
            this(x -> { });
        }

        Served6(Consumer<Subnet6Builder> shape) throws Exception {
            this(HostLab.create(), shape, b -> { });
        }

        Served6(HostLab lab, Consumer<Subnet6Builder> shape, Consumer<DhcpServerBuilder> more) throws Exception {
            this.lab = lab;
            try {
                awaitLinkLocal(lab);
                DhcpServerBuilder b = DhcpServer.builder().bindInterface(lab.serverInterface())
                        .subnet6("2001:db8:1::/64", s -> {
                            s.pool("2001:db8:1::100", "2001:db8:1::1ff").prefixDelegation("2001:db8:100::/48", 56)
                                    .dns("2001:db8:1::53").domainSearch("lab.test");
                            shape.accept(s);
                        });
                more.accept(b);
                server = b.start();
                capture = lab.workDir().resolve("v6.pcap");
                dumpcap = lab.startOnHost(List.of("dumpcap", "-q", "-i", lab.serverInterface(), "-f",
                        "udp port 546 or udp port 547", "-w", capture.toString()));
                await("dumpcap's file header", () -> Files.exists(capture) && size(capture) > 0);
                Path state = lab.stateDir("dhclient6");
                Path conf = Files.writeString(state.resolve("dhclient6.conf"),
                        "also request dhcp6.name-servers, dhcp6.domain-search;\n");
                base = List.of("dhclient", "-6", "-v", "-cf", conf.toString(), "-lf",
                        state.resolve("dhclient6.leases").toString(), "-pf", state.resolve("dhclient6.pid").toString(),
                        "-sf", lab.script(ClientScript.DHCLIENT6).toString());
            } catch (Exception | Error e) {
                lab.close();
                throw e;
            }
        }

        /** Waits for the script's event line that contains {@code text}, and returns it. */
        String awaitEvent(BackgroundProcess client, String text) {
            return client.awaitLine(l -> l.startsWith("DHCP6-EVENT") && l.contains(text), AWAIT).orElseThrow(() ->
                    new AssertionError("no DHCP6-EVENT with " + text + "\n" + client.output() + "\n"
                            + server.journal().transcript()));
        }

        BackgroundProcess start(String... flags) {
            List<String> cmd = new ArrayList<>(base);
            cmd.addAll(List.of("-d"));
            cmd.addAll(List.of(flags));
            cmd.add(lab.clientInterface());
            return lab.start(cmd);
        }

        CommandResult run(String... flags) {
            List<String> cmd = new ArrayList<>(base);
            cmd.addAll(List.of(flags));
            cmd.add(lab.clientInterface());
            return lab.exec(AWAIT, cmd);
        }

        String globalAddresses() {
            return lab.exec(AWAIT, "ip", "-6", "-o", "addr", "show", "dev", lab.clientInterface(), "scope",
                    "global").stdout();
        }

        String leaseFile() throws Exception {
            return Files.readString(lab.workDir().resolve("dhclient6").resolve("dhclient6.leases"));
        }

        /** Every captured frame is DHCPv6, none malformed, and tshark raises no expert info. */
        void verifyCapture(String... types) throws Exception {
            Thread.sleep(300);
            dumpcap.stop(Duration.ofSeconds(2));
            String decoded = exec(List.of("tshark", "-r", capture.toString(), "-V"));
            String summary = exec(List.of("tshark", "-r", capture.toString()));
            assertThat(decoded).as(summary).doesNotContain("Malformed").doesNotContain("Expert Info");
            for (String type : types) {
                assertThat(decoded).as(summary).contains(type);
            }
            assertThat(summary.lines().filter(l -> !l.startsWith("Running as") && !l.isBlank()))
                    .as(summary).isNotEmpty().allMatch(l -> l.contains("DHCPv6"));
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                lab.close();
            }
        }
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Both ends need their link-local address out of duplicate address detection before anything binds. */
    static void awaitLinkLocal(HostLab lab) throws Exception {
        await("link-local addresses out of DAD on " + lab.serverInterface() + " and " + lab.clientInterface(), () -> {
            try {
                String server = exec(List.of("ip", "-6", "-o", "addr", "show", "dev", lab.serverInterface(),
                        "scope", "link"));
                String client = lab.exec(AWAIT, "ip", "-6", "-o", "addr", "show", "dev", lab.clientInterface(),
                        "scope", "link").stdout();
                return server.contains("fe80") && client.contains("fe80") && !server.contains("tentative")
                        && !client.contains("tentative");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void solicitAdvertiseRequestReplyConfiguresTheAddressAndReportsThePrefixThenReleases() throws Exception {
        try (Served6 s = new Served6()) {
            BackgroundProcess client = s.start("-1", "-N", "-P");
            String bound = s.awaitEvent(client, "2001:db8:1::100");
            assertThat(bound).contains("dns=2001:db8:1::53").contains("search=lab.test");
            await("the address on the interface", () -> s.globalAddresses().contains("inet6 2001:db8:1::100/"));
            assertThat(s.server.v6().leases()).extracting(Lease6::text, Lease6::state).contains(
                    Tuple.tuple("2001:db8:1::100", LeaseState.BOUND),
                    Tuple.tuple("2001:db8:100::/56", LeaseState.BOUND));
            assertThat(s.leaseFile()).contains("iaaddr 2001:db8:1::100").contains("iaprefix 2001:db8:100::/56");
            JournalEntry solicit = s.server.journal().received(Dhcp6MessageType.SOLICIT).get(0);
            assertThat(solicit.source().getPort()).isEqualTo(546);
            assertThat(solicit.source().getAddress().isLinkLocalAddress()).isTrue();
            assertThat(solicit.destination().getAddress().getHostAddress()).startsWith("ff02:0:0:0:0:0:1:2");
            assertThat(solicit.message6().orElseThrow().elapsedTime()).isPresent();
            assertThat(s.server.journal().sent(Dhcp6MessageType.REPLY)).isNotEmpty();

            client.stop(Duration.ofSeconds(2));
            CommandResult release = s.run("-r", "-N", "-P");
            assertThat(release.ok()).as(release.describe()).isTrue();
            await("RELEASE in the journal", () -> !s.server.journal().received(Dhcp6MessageType.RELEASE).isEmpty());
            assertThat(s.server.v6().leases()).extracting(Lease6::state).doesNotContain(LeaseState.BOUND);
            s.verifyCapture("Solicit (1)", "Advertise (2)", "Request (3)", "Reply (7)", "Release (8)");
        }
    }

    @Test
    void aStaticLeaseByDuidGivesItsAddressAndPrefixAndKeepsThemAtRenew() throws Exception {
        // dhclient -D LL makes a DUID-LL from the interface's MAC: type 3, hardware type 1, the MAC
        String mac = "02:00:5e:00:06:42";
        Duid duid = Duid.ll(MacAddress.parse(mac));
        try (Served6 s = new Served6(HostLab.builder().clientMac(mac).build(),
                x -> x.preferredLifetime(Duration.ofSeconds(4)).validLifetime(Duration.ofSeconds(8)),
                b -> b.staticLease6(duid, l -> l.address("2001:db8:1::42").prefix("2001:db8:100:4200::/56")))) {
            BackgroundProcess client = s.start("-D", "LL", "-N", "-P");
            s.awaitEvent(client, "2001:db8:1::42");
            await("the static address on the interface", () -> s.globalAddresses()
                    .contains("inet6 2001:db8:1::42/"));
            assertThat(s.server.v6().leases(duid)).extracting(Lease6::text, Lease6::state).containsExactlyInAnyOrder(
                    Tuple.tuple("2001:db8:1::42", LeaseState.BOUND),
                    Tuple.tuple("2001:db8:100:4200::/56", LeaseState.BOUND));
            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT).get(0).message6().orElseThrow()
                    .clientId()).contains(duid);
            assertThat(s.server.journal().sent(Dhcp6MessageType.REPLY).get(0).note()).contains("(static lease)");
            await("RENEW at T1", () -> !s.server.journal().received(Dhcp6MessageType.RENEW).isEmpty());
            await("REPLY to the RENEW", () -> s.server.journal().sent(Dhcp6MessageType.REPLY).size() >= 2);
            Dhcp6Message renewed = s.server.journal().sent(Dhcp6MessageType.REPLY).get(1).message6().orElseThrow();
            assertThat(renewed.iaNa().get(0).addresses().get(0).address().getHostAddress())
                    .isEqualTo("2001:db8:1:0:0:0:0:42");
            assertThat(renewed.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100:4200::/56");
            assertThat(renewed.iaNa().get(0).addresses().get(0).validLifetime()).isEqualTo(8);
            assertThat(s.leaseFile()).contains("iaaddr 2001:db8:1::42").contains("iaprefix 2001:db8:100:4200::/56");
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture("Solicit (1)", "Advertise (2)", "Request (3)", "Renew (5)", "Reply (7)");
        }
    }

    @Test
    void renewsAtT1() throws Exception {
        try (Served6 s = new Served6(x -> x.preferredLifetime(Duration.ofSeconds(4))
                .validLifetime(Duration.ofSeconds(8)))) { // T1 = 2 s, T2 = 3.2 s
            BackgroundProcess client = s.start("-N");
            s.awaitEvent(client, "2001:db8:1::100");
            await("RENEW at T1", () -> !s.server.journal().received(Dhcp6MessageType.RENEW).isEmpty());
            Dhcp6Message renew = s.server.journal().received(Dhcp6MessageType.RENEW).get(0).message6().orElseThrow();
            assertThat(renew.serverId()).isEqualTo(s.server.serverDuid());
            assertThat(renew.iaNa().get(0).addresses().get(0).address().getHostAddress())
                    .isEqualTo("2001:db8:1:0:0:0:0:100");
            await("REPLY to the RENEW", () -> s.server.journal().sent(Dhcp6MessageType.REPLY).size() >= 2);
            client.awaitLineContaining("event=RENEW6", AWAIT);
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture("Renew (5)");
        }
    }

    @Test
    void statelessInformationRequestGetsDnsAndDomainAndNoAddress() throws Exception {
        try (Served6 s = new Served6()) {
            BackgroundProcess client = s.start("-1", "-S");
            await("INFORMATION-REQUEST", () ->
                    !s.server.journal().received(Dhcp6MessageType.INFORMATION_REQUEST).isEmpty());
            String line = client.awaitLineContaining("dns=2001:db8:1::53", AWAIT).orElseThrow(() ->
                    new AssertionError(client.output() + s.server.journal().transcript()));
            assertThat(line).contains("search=lab.test").contains("ip6= ");
            assertThat(s.server.v6().leases()).isEmpty();
            assertThat(s.globalAddresses()).doesNotContain("inet6");
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture("Information-request (11)", "Reply (7)");
        }
    }

    @Test
    void noAddrsAvailLeavesTheClientSolicitingWithNothingConfigured() throws Exception {
        try (Served6 s = new Served6()) {
            s.server.stub(Request6Matcher.onSolicit().respond(Response6.noAddrsAvail()));
            BackgroundProcess client = s.start("-N");
            await("two SOLICITs", () -> s.server.journal().received(Dhcp6MessageType.SOLICIT).size() >= 2);
            Dhcp6Message advertise = s.server.journal().sent(Dhcp6MessageType.ADVERTISE).get(0).message6()
                    .orElseThrow();
            assertThat(advertise.iaNa().get(0).status().orElseThrow().code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL);
            assertThat(s.server.journal().received(Dhcp6MessageType.REQUEST)).isEmpty();
            assertThat(s.globalAddresses()).doesNotContain("inet6");
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture("Solicit (1)", "Advertise (2)", "Status Code: NoAddrAvail (2)"); // Wireshark's spelling
        }
    }
}
