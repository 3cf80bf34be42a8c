package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.RouterAdvertisementBuilder;
import dev.dhcpembedded.server.Subnet6Builder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A lab for the DHCPv6 clients that follow Router Advertisements: the server bound to the lab's veth serves
 * 2001:db8:1::/64 (pool ::100-::1ff, prefixes /56 from 2001:db8:100::/48, DNS 2001:db8:1::53, search lab.test) and
 * advertises as {@code ra} says; dumpcap records DHCPv6 and the Router Solicitations and Advertisements on the veth.
 * {@link #verifyCapture(String...)} is the tshark check: every frame DHCPv6 or RS/RA, none malformed, no expert
 * info (a wrong ICMPv6 checksum would be one).
 */
final class RaLab implements AutoCloseable {

    static final Duration AWAIT = Duration.ofSeconds(25);
    static final String FILTER = "udp port 546 or udp port 547 or (icmp6 and (ip6[40] == 133 or ip6[40] == 134))";

    final HostLab lab;
    final DhcpServer server;
    final Path capture;
    final BackgroundProcess dumpcap;

    RaLab(Consumer<RouterAdvertisementBuilder> ra) throws Exception {
        this(ra, s -> { });
    }

    RaLab(Consumer<RouterAdvertisementBuilder> ra, Consumer<Subnet6Builder> shape) throws Exception {
        this(ra, shape, b -> { });
    }

    RaLab(Consumer<RouterAdvertisementBuilder> ra, Consumer<Subnet6Builder> shape,
          Consumer<dev.dhcpembedded.server.DhcpServerBuilder> extra) throws Exception {
        lab = HostLab.create();
        BackgroundProcess started = null;
        try {
            Dhclient6Test.awaitLinkLocal(lab);
            capture = lab.workDir().resolve("ra.pcap");
            started = lab.startOnHost(List.of("dumpcap", "-q", "-i", lab.serverInterface(), "-f", FILTER, "-w",
                    capture.toString()));
            Dhclient6Test.await("dumpcap's file header", () -> Files.exists(capture)
                    && Dhclient6Test.size(capture) > 0);
            dumpcap = started;
            var builder = DhcpServer.builder().bindInterface(lab.serverInterface())
                    .subnet6("2001:db8:1::/64", s -> {
                        s.pool("2001:db8:1::100", "2001:db8:1::1ff").prefixDelegation("2001:db8:100::/48", 56)
                                .dns("2001:db8:1::53").domainSearch("lab.test");
                        shape.accept(s);
                    })
                    .routerAdvertisements(ra);
            extra.accept(builder);
            server = builder.start();
        } catch (Exception | Error e) {
            if (started != null) {
                started.stop(Duration.ofSeconds(2));
            }
            lab.close();
            throw e;
        }
    }

    /** Waits for the client's {@code DHCP6-EVENT} line with {@code event} and {@code text}, and returns it. */
    String awaitEvent(BackgroundProcess client, String event, String text) {
        return client.awaitLine(l -> l.startsWith("DHCP6-EVENT event=" + event + " ") && l.contains(text), AWAIT)
                .orElseThrow(() -> new AssertionError("no DHCP6-EVENT " + event + " with " + text + "\n"
                        + tail(client) + "\n" + server.journal().transcript()));
    }

    void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + server.journal().transcript());
            }
            Thread.sleep(50);
        }
    }

    /** Like {@link #await(String, java.util.function.BooleanSupplier)}, with the client's log when it times out. */
    void await(String what, BackgroundProcess client, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        try {
            await(what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nclient log:\n" + tail(client), e);
        }
    }

    /** The client interface's global IPv6 addresses, as {@code ip -o} lines. */
    String globalAddresses() {
        return lab.exec(AWAIT, "ip", "-6", "-o", "addr", "show", "dev", lab.clientInterface(), "scope", "global")
                .stdout();
    }

    static String tail(BackgroundProcess p) {
        List<String> lines = p.output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Stops the capture, then: every frame is DHCPv6 or a Router Solicitation/Advertisement, none malformed, no
     * expert info, and {@code texts} (tshark's words) all appear.
     */
    String verifyCapture(String... texts) throws Exception {
        Thread.sleep(300);
        dumpcap.stop(Duration.ofSeconds(2));
        String decoded = Dhclient6Test.exec(List.of("tshark", "-r", capture.toString(), "-V"));
        String summary = Dhclient6Test.exec(List.of("tshark", "-r", capture.toString()));
        assertThat(decoded).as(summary).doesNotContain("Malformed").doesNotContain("Expert Info");
        for (String text : texts) {
            assertThat(decoded).as(summary).contains(text);
        }
        assertThat(summary.lines().filter(l -> !l.startsWith("Running as") && !l.isBlank()))
                .as(summary).isNotEmpty().allMatch(l -> l.contains("DHCPv6") || l.contains("Router Advertisement")
                        || l.contains("Router Solicitation"));
        // the journal holds the advertisements it sent and the solicitations it heard, and its pcap is clean too
        assertThat(server.journal().entries(e -> e.isIcmp6() && e.isSent())).as(server.journal().transcript())
                .isNotEmpty().allMatch(e -> e.transcriptLine().contains("ICMPv6 Router Advertisement from "));
        Path exported = lab.workDir().resolve("journal.pcap");
        server.journal().writePcap(exported);
        String journalPcap = Dhclient6Test.exec(List.of("tshark", "-r", exported.toString(), "-V"));
        assertThat(journalPcap).contains("Router Advertisement").contains("DHCPv6").doesNotContain("Malformed")
                .doesNotContain("Expert Info");
        return decoded;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                dumpcap.stop(Duration.ofSeconds(2));
            } finally {
                lab.close();
            }
        }
    }
}
