package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI says about itself (issue 24): its description, its version, the demo's banner. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    /** The version the POM builds, passed by its surefire configuration. */
    static String projectVersion() {
        String version = System.getProperty("dhcp-embedded.version");
        assertThat(version).as("system property dhcp-embedded.version (set by cli/pom.xml's surefire configuration)")
                .isNotBlank().doesNotContain("${");
        return version;
    }

    @Test
    void helpSaysItServesDhcpv4AndDhcpv6() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("An embedded DHCPv4 and DHCPv6 server for the test suites of DHCP clients.")
                .doesNotContain("An embedded DHCPv4 server");
    }

    @Test
    void versionIsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("dhcp-embedded " + projectVersion());
    }

    @Test
    void theDemoBannerWritesTheAddressWithoutASlash(@TempDir Path tmp) {
        // the report too goes to the temporary directory: by default it lands in the working directory
        assertThat(run("demo", "--pcap", tmp.resolve("demo.pcap").toString(), "--report",
                tmp.resolve("demo.html").toString())).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("dhcp-embedded demo:")))
                .singleElement().asString()
                .matches("dhcp-embedded demo: server on 127\\.0\\.0\\.1:\\d+ serving 192\\.168\\.0\\.0/24 as 192\\.168\\.0\\.1");
    }
}
