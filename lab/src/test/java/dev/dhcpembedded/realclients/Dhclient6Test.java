package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.Lease6;
import dev.dhcpembedded.server.LeaseState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ISC dhclient -6 in a namespace against the server bound to the lab's veth (interface mode: UDP 547 joined to
 * ff02::1:2 on that interface only). SOLICIT, ADVERTISE, REQUEST, REPLY: the address is configured on the client's
 * interface by dhclient-script, and the delegated prefix (-P) is in its lease file. Then RELEASE.
 */
class Dhclient6Test {

    static final Duration AWAIT = Duration.ofSeconds(20);

    @BeforeEach
    void needs() {
        RealHosts.assumeBinary("dhclient");
        RealHosts.assumeBinary("tshark");
    }

    /** Both ends need their link-local address out of duplicate address detection before anything binds. */
    static void awaitLinkLocal(HostLab lab) throws Exception {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            String server = run(List.of("ip", "-6", "-o", "addr", "show", "dev", lab.serverInterface(), "scope",
                    "link"));
            String client = lab.exec(AWAIT, "ip", "-6", "-o", "addr", "show", "dev", lab.clientInterface(), "scope",
                    "link").stdout();
            if (server.contains("fe80") && client.contains("fe80") && !server.contains("tentative")
                    && !client.contains("tentative")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no usable link-local address: " + server + " / " + client);
            }
            Thread.sleep(100);
        }
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void solicitAdvertiseRequestReplyConfiguresTheAddressAndReportsThePrefixThenReleases() throws Exception {
        try (HostLab lab = HostLab.create()) {
            awaitLinkLocal(lab);
            try (DhcpServer server = DhcpServer.builder().bindInterface(lab.serverInterface())
                    .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
                            .prefixDelegation("2001:db8:100::/48", 56).dns("2001:db8:1::53")
                            .domainSearch("lab.test"))
                    .start()) {
                Path capture = lab.workDir().resolve("v6.pcap");
                BackgroundProcess tshark = lab.startOnHost(List.of("dumpcap", "-q", "-i", lab.serverInterface(),
                        "-f", "udp port 546 or udp port 547", "-w", capture.toString()));
                long captureDeadline = System.nanoTime() + AWAIT.toNanos();
                while ((!Files.exists(capture) || Files.size(capture) == 0) && System.nanoTime() < captureDeadline) {
                    Thread.sleep(50); // dumpcap captures once it has written the file's header
                }
                Path state = lab.stateDir("dhclient6");
                Path leases = state.resolve("dhclient6.leases");
                List<String> base = List.of("dhclient", "-6", "-v", "-lf", leases.toString(), "-pf",
                        state.resolve("dhclient6.pid").toString(), "-sf", "/sbin/dhclient-script");
                BackgroundProcess client = lab.start(concat(base, List.of("-d", "-1", "-N", "-P",
                        lab.clientInterface())));

                String configured = "";
                long deadline = System.nanoTime() + AWAIT.toNanos();
                while (!configured.contains("2001:db8:1::100") && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    configured = lab.exec(AWAIT, "ip", "-6", "-o", "addr", "show", "dev", lab.clientInterface(),
                            "scope", "global").stdout();
                }
                assertThat(configured).as(client.output() + "\n" + server.journal().transcript())
                        .contains("inet6 2001:db8:1::100/");
                assertThat(server.leases6()).extracting(Lease6::text, Lease6::state).contains(
                        org.assertj.core.groups.Tuple.tuple("2001:db8:1::100", LeaseState.BOUND),
                        org.assertj.core.groups.Tuple.tuple("2001:db8:100::/56", LeaseState.BOUND));
                String leaseFile = Files.readString(leases);
                assertThat(leaseFile).contains("iaaddr 2001:db8:1::100").contains("iaprefix 2001:db8:100::/56");
                assertThat(server.journal().received(Dhcp6MessageType.SOLICIT)).isNotEmpty();
                JournalEntry solicit = server.journal().received(Dhcp6MessageType.SOLICIT).get(0);
                assertThat(solicit.source().getPort()).isEqualTo(546);
                assertThat(solicit.source().getAddress().isLinkLocalAddress()).isTrue();
                assertThat(solicit.destination().getAddress().getHostAddress()).startsWith("ff02:0:0:0:0:0:1:2");
                assertThat(server.journal().sent(Dhcp6MessageType.REPLY)).isNotEmpty();

                client.stop(Duration.ofSeconds(2));
                CommandResult release = lab.exec(AWAIT, concat(base, List.of("-r", "-N", "-P",
                        lab.clientInterface())));
                assertThat(release.ok()).as(release.describe()).isTrue();
                deadline = System.nanoTime() + AWAIT.toNanos();
                while (server.journal().received(Dhcp6MessageType.RELEASE).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(server.journal().received(Dhcp6MessageType.RELEASE)).as(server.journal().transcript())
                        .isNotEmpty();
                assertThat(server.leases6()).extracting(Lease6::state).doesNotContain(LeaseState.BOUND);

                Thread.sleep(300);
                tshark.stop(Duration.ofSeconds(2));
                String decoded = run(List.of("tshark", "-r", capture.toString(), "-V"));
                assertThat(decoded).contains("Solicit (1)").contains("Advertise (2)").contains("Request (3)")
                        .contains("Reply (7)").contains("Release (8)").doesNotContain("Malformed")
                        .doesNotContain("Expert Info");
            }
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
