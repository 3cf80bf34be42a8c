package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.Dhcpcd6Command;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import java.time.Duration;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dhcpcd 9.4 for DHCPv6 in a namespace: it starts DHCPv6 only when the server's Router Advertisement says so.
 * With M it SOLICITs for IA_NA and IA_PD, configures the address and reports the delegated prefix, renews at T1
 * and releases on {@code -k}; with O only it sends INFORMATION-REQUEST, and raising M at run time moves it to
 * SOLICIT (dhcpcd does not go back from stateful to stateless while it runs: dhcp6_start in dhcp6.c only changes
 * "from stateless to stateful").
 */
class Dhcpcd6Test {

    @BeforeEach
    void needs() {
        RealHosts.assumeBinary("dhcpcd");
        RealHosts.assumeBinary("tshark");
        RealHosts.assumeBinary("dumpcap");
    }

    private static Dhcpcd6Command dhcpcd6(RaLab s) {
        return ClientCommands.dhcpcd6(s.lab.clientInterface(), s.lab.script(ClientScript.DHCPCD6),
                s.lab.stateDir("dhcpcd6"));
    }

    @Test
    void managedRaLeadsToSolicitAddressAndDelegatedPrefixThenRenewAndRelease() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(true).otherConfig(true).rdnss("2001:db8:1::53").dnssl("lab.test"),
                sub -> sub.preferredLifetime(Duration.ofSeconds(6)).validLifetime(Duration.ofSeconds(12)))) {
            Dhcpcd6Command d = dhcpcd6(s);
            BackgroundProcess client = s.lab.start(d.build());
            String ra = s.awaitEvent(client, "ROUTERADVERT", "ra_dns=2001:db8:1::53");
            assertThat(ra).contains("ra_search=lab.test");
            String bound = s.awaitEvent(client, "BOUND6", "ip6=2001:db8:1::100");
            assertThat(bound).contains("prefix=2001:db8:100::/56").contains("dns=2001:db8:1::53")
                    .contains("search=lab.test");
            s.await("the address on the interface", () -> s.globalAddresses().contains("inet6 2001:db8:1::100/128"));
            assertThat(s.server.v6().leases()).extracting(Lease6::text, Lease6::state).contains(
                    Tuple.tuple("2001:db8:1::100", LeaseState.BOUND),
                    Tuple.tuple("2001:db8:100::/56", LeaseState.BOUND));
            assertThat(s.server.routerAdvertisements().solicitationCount()).as("dhcpcd sends RS").isPositive();
            assertThat(s.server.journal().entries(e -> e.isIcmp6() && e.isReceived())).as("RS journaled")
                    .isNotEmpty().allMatch(e -> e.transcriptLine().contains("ICMPv6 Router Solicitation")
                            && e.source().getAddress().isLinkLocalAddress());
            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT).get(0).message6().orElseThrow()
                    .iaPd()).isNotEmpty();

            s.await("RENEW at T1 (3 s)", () -> !s.server.journal().received(Dhcp6MessageType.RENEW).isEmpty());
            s.awaitEvent(client, "RENEW6", "ip6=2001:db8:1::100");

            CommandResult release = s.lab.exec(RaLab.AWAIT, d.releaseCommand());
            assertThat(release.ok()).as(release.describe()).isTrue();
            s.await("RELEASE", () -> !s.server.journal().received(Dhcp6MessageType.RELEASE).isEmpty());
            s.await("no lease BOUND", () -> s.server.v6().leases().stream().noneMatch(l -> l.state() == LeaseState.BOUND));
            client.stop(Duration.ofSeconds(3));
            s.verifyCapture("Router Advertisement", "Managed address configuration: Set", "Recursive DNS Server",
                    "DNS Search List", "Solicit (1)", "Advertise (2)", "Request (3)", "Reply (7)", "Renew (5)",
                    "Release (8)");
        }
    }

    @Test
    void otherOnlyRaLeadsToInformationRequestAndRaisingManagedAtRunTimeToSolicit() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(false).otherConfig(true).prefix("2001:db8:1::/64"))) {
            BackgroundProcess client = s.lab.start(dhcpcd6(s).stateless().build());
            String inform = s.awaitEvent(client, "INFORM6", "dns=2001:db8:1::53");
            assertThat(inform).contains("search=lab.test").contains("ip6= ");
            assertThat(s.server.journal().received(Dhcp6MessageType.INFORMATION_REQUEST)).isNotEmpty();
            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT)).isEmpty();
            assertThat(s.server.v6().leases()).isEmpty();
            s.await("a SLAAC address from the autonomous prefix", () -> s.globalAddresses().contains("2001:db8:1:"));

            s.server.routerAdvertisements().update(ra -> ra.managed(true));
            assertThat(s.server.routerAdvertisements().managed()).isTrue();
            s.awaitEvent(client, "BOUND6", "ip6=2001:db8:1::100");
            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT)).isNotEmpty();
            client.stop(Duration.ofSeconds(3));
            s.verifyCapture("Other configuration: Set", "Information-request (11)", "Solicit (1)", "Reply (7)");
            s.server.reset();
            assertThat(s.server.routerAdvertisements().managed()).as("reset() undoes the run-time change").isFalse();
        }
    }
}
