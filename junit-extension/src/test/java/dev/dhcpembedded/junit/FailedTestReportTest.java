package dev.dhcpembedded.junit;

import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.client.DhcpClientException;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.server.DhcpServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A failed test leaves an HTML report beside its pcap: the failure above the ladder, the message the assertion named
 * closest highlighted, and the report named in the failure.
 */
class FailedTestReportTest {

    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path traffic;

    /** What a run of {@link FailingExchange} left: the failure and the files it names. */
    record Run(Throwable failure, DhcpTrafficWritten written) {

        /** {@return the sequence of the message the failure names closest} */
        long closest() {
            Matcher m = Pattern.compile("the closest is #(\\d+)").matcher(failure.getMessage());
            assertThat(m.find()).as("the failure names a closest message: %s", failure.getMessage()).isTrue();
            return Long.parseLong(m.group(1));
        }

        /** {@return how many journal entries the files hold, as the failure says} */
        int entries() {
            Matcher m = Pattern.compile("\\((\\d+) messages\\)").matcher(written.getMessage());
            assertThat(m.find()).isTrue();
            return Integer.parseInt(m.group(1));
        }
    }

    /** Runs {@link FailingExchange} through the testkit, its files going to {@code dir}. */
    static Run run(Path dir) {
        Throwable failure = EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true")
                .configurationParameter(FailedTestTraffic.DIR_PROPERTY, dir.toString())
                .selectors(selectClass(FailingExchange.class)).execute().testEvents().failed().list().get(0)
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(DhcpTrafficWritten.class);
        return new Run(failure, (DhcpTrafficWritten) failure.getSuppressed()[0]);
    }

    /**
     * Two DHCPv4 clients (the second refused by a stub), a DHCPv6 SOLICIT and a datagram that is no DHCP, then an
     * assertion that fails: the REQUEST from 02:00:00:00:00:42 does not carry the host name it expects.
     */
    @DhcpServerTest(subnet6 = "2001:db8:1::/64", router = "10.20.0.1", dns = "10.20.0.53")
    @TestKitOnly
    static class FailingExchange {
        @Test
        void the_kiosk_gives_its_name(DhcpServer server) throws Exception {
            try (DhcpTestClient kiosk = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:42")
                    .hostname(HOSTILE).build()) {
                kiosk.dora();
            }
            server.stub(onRequest().respond(nak("no lease for you")));
            try (DhcpTestClient other = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:43")
                    .build()) {
                other.dora();
            } catch (DhcpClientException refused) {
                // the stub's NAK
            }
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
                socket.setSoTimeout(3000);
                Duid duid = Duid.llt(Instant.parse("2020-01-01T00:00:00Z"), MacAddress.parse("02:00:00:00:00:66"));
                byte[] solicit = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT)
                        .transactionId(0x100874).option(Dhcp6Option.clientId(duid))
                        .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build());
                InetSocketAddress v6 = server.v6().address();
                assertThat(v6.getAddress()).isInstanceOf(Inet6Address.class);
                socket.send(new DatagramPacket(solicit, solicit.length, v6));
                socket.receive(new DatagramPacket(new byte[1500], 1500));
            }
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.send(new DatagramPacket(new byte[] {1, 1, 6, 0}, 4, server.address()));
            }
            Awaitility.await().until(() -> server.journal().rejectedCount() == 1); // all journaled before it fails
            DhcpAssertions.assertThat(server).received(MessageType.REQUEST).from("02:00:00:00:00:42").withHostname("kiosk-7");
        }
    }

    @Test
    void the_report_beside_the_pcap_shows_the_failure_and_highlights_the_closest_message() throws Exception {
        Run run = run(traffic);
        Path report = run.written().report().orElseThrow();
        assertThat(report).isRegularFile().hasFileName("the_kiosk_gives_its_name.html")
                .hasParent(run.written().pcap().getParent());
        assertThat(run.written().getMessage()).contains("; see it drawn in " + report + " (open it in a browser)");

        String html = Files.readString(report);
        long closest = run.closest();
        assertThat(html).contains("<g class=\"arrow received closest\" data-seq=\"" + closest + "\"")
                .contains("The closest message: <a href=\"#m" + closest + "\">#" + closest + " DHCP Request")
                .contains("Expecting the server to have received at least 1 message:")
                .contains("(the transcript is the ladder below)")
                .contains("FailingExchange \u203a the_kiosk_gives_its_name(DhcpServer)")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(HOSTILE);
        assertThat(Pattern.compile("<g class=\"arrow ").matcher(html).results().count()).isEqualTo(run.entries());
        assertThat(html).contains("<span class=\"badge stub\">stub #1</span>").contains("DHCPv6 Solicit")
                .contains("DHCP (malformed)");
    }

    @Test
    void the_closest_message_is_read_from_the_failure_or_its_cause() {
        AssertionError nearMiss = new AssertionError("Expecting ...\nbut it received none; the closest is #12 "
                + "REQUEST (xid 0x00000001):\n  table\nTranscript (3 entries):\n  #1 ...");
        assertThat(FailureText.closest(nearMiss)).isEqualTo(OptionalLong.of(12));
        assertThat(FailureText.closest(new RuntimeException("wrapped", nearMiss))).isEqualTo(OptionalLong.of(12));
        assertThat(FailureText.closest(new AssertionError("expected: 1 but was: 2"))).isEmpty();
        assertThat(FailureText.shown(nearMiss)).isEqualTo("java.lang.AssertionError:\nExpecting ...\nbut it "
                + "received none; the closest is #12 REQUEST (xid 0x00000001):\n  table\n"
                + "(the transcript is the ladder below)");
        assertThat(FailureText.shown(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }
}
