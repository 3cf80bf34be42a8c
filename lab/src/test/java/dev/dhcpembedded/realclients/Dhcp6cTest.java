package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.Dhcp6cCommand;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.stub6.Request6Matcher;
import dev.dhcpembedded.stub6.Response6;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * wide-dhcpv6's dhcp6c (Debian's wide-dhcpv6-client) in a namespace. It ignores Router Advertisements (the server
 * sends them anyway, M and O set), SOLICITs for IA_NA and IA_PD, configures the address itself, logs the delegated
 * prefix and sends RELEASE for each IA when stopped; with {@code information-only} it sends INFORMATION-REQUEST;
 * a NotOnLink status in the REPLY to its REQUEST sends it back to SOLICIT. Its RENEW is not tested here: it raises
 * any T1 under 18 s to 18 s ("update_ia: T1 (3) or T2 (4) is too small, adjusted to 18 and 30" in its log), and
 * dhcpcd and dhclient -6 cover RENEW.
 */
class Dhcp6cTest {

    @BeforeEach
    void needs() {
        RealHosts.assumeBinary("tshark");
        RealHosts.assumeBinary("dumpcap");
        RealHosts.gate(Files.isExecutable(Path.of(Dhcp6cCommand.BINARY)) ? Optional.empty()
                : Optional.of(Dhcp6cCommand.BINARY + " is missing (Debian package wide-dhcpv6-client)"));
    }

    private static Dhcp6cCommand dhcp6c(RaLab s) {
        return ClientCommands.dhcp6c(s.lab.clientInterface(), s.lab.script(ClientScript.DHCP6C),
                s.lab.stateDir("dhcp6c"));
    }

    @Test
    void solicitConfiguresTheAddressAndLogsThePrefixThenReleasesOnStop() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(true).otherConfig(true))) {
            BackgroundProcess client = s.lab.start(dhcp6c(s).build());
            s.awaitEvent(client, "NBI", "");
            assertThat(client.output()).contains("nameserver[0] 2001:db8:1::53")
                    .contains("Domain search list[0] lab.test.");
            s.await("the address on the interface", () -> s.globalAddresses().contains("inet6 2001:db8:1::100/"));
            s.await("the delegated prefix in dhcp6c's log", () -> client.output().contains("2001:db8:100::/56"));
            assertThat(s.server.v6().leases()).extracting(Lease6::text, Lease6::state).contains(
                    Tuple.tuple("2001:db8:1::100", LeaseState.BOUND),
                    Tuple.tuple("2001:db8:100::/56", LeaseState.BOUND));

            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT)).hasSize(1);

            client.stop(Duration.ofSeconds(5));
            s.await("RELEASE of both IAs on SIGTERM", () -> s.server.v6().leases().stream()
                    .noneMatch(l -> l.state() == LeaseState.BOUND));
            assertThat(s.server.journal().received(Dhcp6MessageType.RELEASE)).isNotEmpty();
            s.verifyCapture("Solicit (1)", "Advertise (2)", "Request (3)", "Reply (7)", "Release (8)");
        }
    }

    @Test
    void informationOnlySendsInformationRequest() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(false).otherConfig(true))) {
            BackgroundProcess client = s.lab.start(dhcp6c(s).informationOnly().build());
            // this dhcp6c runs no script after an INFORMATION-REQUEST's REPLY; its log shows what it took
            client.awaitLineContaining("nameserver[0] 2001:db8:1::53", RaLab.AWAIT).orElseThrow(() ->
                    new AssertionError(RaLab.tail(client) + "\n" + s.server.journal().transcript()));
            client.awaitLineContaining("Domain search list[0] lab.test.", RaLab.AWAIT).orElseThrow();
            assertThat(s.server.journal().received(Dhcp6MessageType.INFORMATION_REQUEST)).isNotEmpty();
            assertThat(s.server.v6().leases()).isEmpty();
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture("Information-request (11)", "Reply (7)");
        }
    }

    @Test
    void notOnLinkInTheReplyToRequestSendsItBackToSolicit() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(true))) {
            s.server.stub(Request6Matcher.onRequest()
                    .respond(Response6.defaultReply().iaStatus(StatusCode.NOT_ON_LINK, "not on link")).once());
            BackgroundProcess client = s.lab.start(dhcp6c(s).noPrefixDelegation().build());
            s.await("the REPLY with NotOnLink", () -> !s.server.journal().sent(Dhcp6MessageType.REPLY).isEmpty());
            long notOnLink = s.server.journal().sent(Dhcp6MessageType.REPLY).get(0).sequence();
            assertThat(s.server.journal().sent(Dhcp6MessageType.REPLY).get(0).message6().orElseThrow().iaNa().get(0)
                    .status().orElseThrow().code()).isEqualTo(StatusCode.NOT_ON_LINK);
            s.await("a SOLICIT after the NotOnLink REPLY (RFC 8415 18.2.10.1)", () -> s.server.journal()
                    .received(Dhcp6MessageType.SOLICIT).stream().anyMatch(e -> e.sequence() > notOnLink));
            s.await("the address on the interface after the second exchange",
                    () -> s.globalAddresses().contains("inet6 2001:db8:1::"));
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture("NotOnLink");
        }
    }
}
