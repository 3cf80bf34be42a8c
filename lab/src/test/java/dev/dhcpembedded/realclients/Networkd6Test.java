package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.NetworkdCommand;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * systemd-networkd (Debian's systemd 252) with {@code IPv6AcceptRA=yes} as a plain process in a namespace: its
 * DHCPv6 client starts as the server's Router Advertisement says. With M it SOLICITs for IA_NA and IA_PD,
 * configures the address, installs an unreachable route for the delegated prefix and writes the DNS servers to its
 * link state file (this version sends no DHCPv6 RELEASE when stopped: its [DHCPv6] section has no SendRelease=,
 * and it logs "Unknown key 'SendRelease' in section [DHCPv6], ignoring"); with O only it sends INFORMATION-REQUEST, and raising M at run time moves it to SOLICIT
 * (networkd 252 refuses the other way, managed to information-request, while its client runs).
 */
class Networkd6Test {

    @BeforeEach
    void needs() {
        RealHosts.assumeBinary("tshark");
        RealHosts.assumeBinary("dumpcap");
        RealHosts.gate(Files.isExecutable(Path.of(NetworkdCommand.BINARY)) ? Optional.empty()
                : Optional.of(NetworkdCommand.BINARY + " is missing (Debian package systemd)"));
    }

    private static NetworkdCommand networkd(RaLab s) {
        return ClientCommands.networkd(s.lab.clientInterface(), s.lab.stateDir("networkd6")).ipv6();
    }

    private static String linkState(RaLab s, NetworkdCommand n, String mustContain)
            throws InterruptedException {
        String[] text = {""};
        s.await("a link state file with " + mustContain, () -> {
            try (Stream<Path> files = Files.list(n.linksDir())) {
                for (Path f : files.toList()) {
                    String t = Files.readString(f);
                    if (t.contains(mustContain)) {
                        text[0] = t;
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return text[0];
    }

    @Test
    void managedRaLeadsToSolicitAddressDnsAndDelegatedPrefix() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(true).otherConfig(true).rdnss("2001:db8:1::53"))) {
            NetworkdCommand n = networkd(s);
            BackgroundProcess client = s.lab.start(n.build());
            s.await("networkd configures 2001:db8:1::100", client,
                    () -> s.globalAddresses().contains("inet6 2001:db8:1::100/128"));
            s.await("the unreachable route for the delegated prefix", client, () -> s.lab.exec(RaLab.AWAIT, "ip",
                    "-6", "route", "show", "dev", "lo").stdout().contains("unreachable 2001:db8:100::/56")
                    || s.lab.exec(RaLab.AWAIT, "ip", "-6", "route", "show", "type", "unreachable").stdout()
                    .contains("2001:db8:100::/56"));
            assertThat(linkState(s, n, "DNS=2001:db8:1::53")).contains("DNS=2001:db8:1::53");
            assertThat(s.server.v6().leases()).extracting(Lease6::text, Lease6::state).contains(
                    Tuple.tuple("2001:db8:1::100", LeaseState.BOUND),
                    Tuple.tuple("2001:db8:100::/56", LeaseState.BOUND));
            assertThat(s.server.routerAdvertisements().solicitationCount()).as("networkd sends RS").isPositive();
            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT).get(0).message6().orElseThrow()
                    .iaPd()).isNotEmpty();

            client.stop(Duration.ofSeconds(5));
            s.verifyCapture("Router Advertisement", "Managed address configuration: Set", "Solicit (1)",
                    "Advertise (2)", "Request (3)", "Reply (7)", "Identity Association for Prefix Delegation");
        }
    }

    @Test
    void otherOnlyRaLeadsToInformationRequestAndRaisingManagedAtRunTimeToSolicit() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(false).otherConfig(true))) {
            NetworkdCommand n = networkd(s);
            BackgroundProcess client = s.lab.start(n.build());
            s.await("INFORMATION-REQUEST", client,
                    () -> !s.server.journal().received(Dhcp6MessageType.INFORMATION_REQUEST).isEmpty());
            s.await("networkd takes the REPLY", client, () -> client.output().contains("Processed Reply message"));
            assertThat(s.server.journal().sent(Dhcp6MessageType.REPLY).get(0).message6().orElseThrow().dnsServers())
                    .extracting(a -> a.getHostAddress()).containsExactly("2001:db8:1:0:0:0:0:53");
            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT)).isEmpty();
            assertThat(s.server.v6().leases()).isEmpty();

            s.server.routerAdvertisements().update(ra -> ra.managed(true));
            s.await("networkd configures 2001:db8:1::100 after M was raised", client,
                    () -> s.globalAddresses().contains("inet6 2001:db8:1::100/128"));
            assertThat(s.server.journal().received(Dhcp6MessageType.SOLICIT)).isNotEmpty();
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture("Information-request (11)", "Solicit (1)", "Reply (7)");
        }
    }
}
