package dev.dhcpembedded.examples;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.junit.DhcpServerExtension;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.junit.DhcpTrafficWritten;
import dev.dhcpembedded.server.DhcpServer;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a failing test leaves behind: its DHCP exchange as a pcap under
 * {@code target/dhcp-traffic/<class>/<method>.pcap}, named in the failure output ("Suppressed: the DHCP exchange of
 * this test (4 messages) is in target/dhcp-traffic/..."). Open it in Wireshark, or run the CLI's {@code decode}.
 * Beside it, {@code <method>.html} draws the exchange as a ladder diagram, the failure above it and the message
 * closest to the failed expectation highlighted: open it in a browser.
 *
 * <p>So that the example suite stays green, the failing test below runs inside this one through the JUnit Platform
 * testkit; in your suite it would just be a test that fails.
 */
class FailingTestPcapExampleTest {

    /** A device test that fails: the device never releases its lease. */
    @DhcpServerTest
    static class DeviceShutdownTest {
        @Test
        void releasesOnShutdown(DhcpServer dhcp, DhcpTestClient device) {
            device.dora();
            // device.shutdown() would go here: this one forgets to send RELEASE
            assertThat(dhcp).client(device.mac()).released();
        }
    }

    @Test
    void aFailedTestLeavesAPcapNamedInItsFailure(@TempDir Path traffic) {
        Throwable failure = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(DhcpServerExtension.TRAFFIC_DIR_PROPERTY, traffic.toString())
                .selectors(selectClass(DeviceShutdownTest.class)).execute()
                .testEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();

        Path pcap = traffic.resolve(DeviceShutdownTest.class.getName()).resolve("releasesOnShutdown.pcap");
        Assertions.assertThat(pcap).exists().isNotEmptyFile();
        Assertions.assertThat(failure).hasMessageContaining("a RELEASE from")
                .hasMessageContaining("Transcript (4 entries):");
        Assertions.assertThat(failure.getSuppressed()).singleElement().isInstanceOf(DhcpTrafficWritten.class)
                .extracting(Throwable::getMessage).asString().contains(pcap.toString());
        // beside it, the exchange drawn as a ladder diagram: open it in a browser
        Path report = pcap.resolveSibling("releasesOnShutdown.html");
        Assertions.assertThat(((DhcpTrafficWritten) failure.getSuppressed()[0]).report()).contains(report);
        Assertions.assertThat(report).content().contains("<g class=\"arrow ");
        Assertions.assertThat(MessageType.RELEASE.name()).isEqualTo("RELEASE");
    }
}
