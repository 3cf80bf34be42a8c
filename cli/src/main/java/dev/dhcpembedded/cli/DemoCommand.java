package dev.dhcpembedded.cli;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.report.HtmlReport;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: a server on loopback (no root), the project's client through DISCOVER, OFFER, REQUEST, ACK, a
 * renewal at T1 on a test clock, and a release; the transcript as it happens, then the pcap and the HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a server on loopback and a client through DORA, a renewal and a release.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--pcap", paramLabel = "FILE", description = "where to write the exchange (default dhcp-demo.pcap)")
    Path pcap = Path.of("dhcp-demo.pcap");

    @Option(names = "--report", paramLabel = "FILE", description = "where to draw the exchange as an HTML page "
            + "(default dhcp-demo.html)")
    Path report = Path.of("dhcp-demo.html");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TestClock clock = TestClock.at(Instant.parse("2026-01-01T08:00:00Z"));
        try (DhcpServer server = DhcpServer.builder()
                .bindLoopback()
                .serverId("192.168.0.1")
                .clock(clock)
                .subnet("192.168.0.0/24", s -> s.pool("192.168.0.10", "192.168.0.99")
                        .router("192.168.0.1").dns("192.168.0.1").domainName("lab.test")
                        .leaseTime(Duration.ofHours(1)))
                .build()) {
            server.journal().addListener(e -> {
                out.println("  " + e.transcriptLine() + "    [" + e.note() + "]");
                out.flush();
            });
            server.start();
            out.println("dhcp-embedded demo: server on " + Endpoints.text(server.address()) + " serving 192.168.0.0/24 as 192.168.0.1");
            try (DhcpTestClient client = DhcpTestClient.builder().server(server.address())
                    .mac("00:0b:82:01:fc:42").hostname("demo-device").clock(clock).build()) {
                out.println("1. the client boots: DISCOVER, OFFER, REQUEST, ACK");
                ClientLease lease = client.dora();
                out.println("   -> lease " + lease.address().getHostAddress() + " for " + lease.leaseTime().toMinutes()
                        + " min, router " + lease.routers().stream().map(a -> a.getHostAddress()).toList() + ", T1 " + lease.renewalTime().toMinutes() + " min");
                clock.advance(lease.renewalTime());
                out.println("2. the test clock moves " + lease.renewalTime().toMinutes()
                        + " min to T1: the client renews by unicast (ciaddr set, no 50/54)");
                client.renew(lease).orElseThrow(() -> new IllegalStateException("no ACK to the renewal"));
                out.println("3. the client shuts down: RELEASE, and the address is free again");
                client.release(lease);
                awaitRelease(server, lease);
            }
            out.println("leases now: " + server.leases());
            server.journal().writePcap(pcap);
            out.println("wrote " + pcap.toAbsolutePath() + " (" + server.journal().size()
                    + " frames); read it with: tshark -r " + pcap);
            HtmlReport.of(server.journal()).titled("dhcp-embedded demo: DORA, a renewal and a release").write(report);
            out.println("wrote " + report.toAbsolutePath() + "; open it in a browser");
        }
        out.flush();
        return 0;
    }

    private static void awaitRelease(DhcpServer server, ClientLease lease) throws InterruptedException {
        for (int i = 0; i < 100 && server.journal().received().size() < 5; i++) {
            Thread.sleep(10);
        }
    }
}
