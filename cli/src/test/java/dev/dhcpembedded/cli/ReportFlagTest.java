package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report FILE} draws what the server saw when it stops; {@code demo} draws its exchange too. */
class ReportFlagTest {

    @TempDir
    Path tmp;

    private static long arrows(String html) {
        return Pattern.compile("<g class=\"arrow ").matcher(html).results().count();
    }

    @Test
    void serve_writes_the_report_when_it_stops() throws Exception {
        Path report = tmp.resolve("exchange.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.commandLine()
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("--subnet", "10.20.0.0/24",
                        "--bind", "127.0.0.1:0", "--max-seconds", "4", "--quiet", "--report", report.toString()));
        Matcher listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher("");
        for (int i = 0; i < 500 && !listening.reset(out.toString()).find(); i++) {
            Thread.sleep(10);
        }
        assertThat(listening.reset(out.toString()).find()).as("printed: %s %s", out, err).isTrue();
        try (DhcpTestClient client = DhcpTestClient.builder()
                .server(new InetSocketAddress("127.0.0.1", Integer.parseInt(listening.group(1))))
                .mac("02:00:00:00:00:42").build()) {
            client.dora();
        }

        assertThat(exit.join()).isZero();
        String html = Files.readString(report);
        assertThat(arrows(html)).isEqualTo(4);
        assertThat(html).contains("client 02:00:00:00:00:42").contains("DHCP ACK");
    }

    @Test
    void a_report_into_a_missing_folder_exits_two_saying_so() {
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("--subnet", "10.20.0.0/24", "--report", "/no-such-dir-dhcp-embedded/x.html");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").isEqualTo("dhcp-embedded: cannot write --report "
                + "/no-such-dir-dhcp-embedded/x.html: its folder /no-such-dir-dhcp-embedded does not exist; create it"
                + " first or name another");
    }

    @Test
    void the_demo_draws_its_exchange() throws Exception {
        Path report = tmp.resolve("demo.html");
        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("demo", "--pcap", tmp.resolve("demo.pcap").toString(), "--report", report.toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("wrote " + report.toAbsolutePath() + "; open it in a browser");
        String html = Files.readString(report);
        assertThat(arrows(html)).as("DORA, the renewal and the release").isGreaterThanOrEqualTo(7);
        assertThat(html).contains("DHCP Release").contains("host name &quot;demo-device&quot;");
    }
}
