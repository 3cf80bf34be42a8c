package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.NetworkdCommand;
import dev.dhcpembedded.lab.RealHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * systemd-networkd (Debian's systemd 252) as a plain process in a namespace, against the server bound to the lab's
 * veth. It configures address and routes itself and writes what it got to its lease and link state files (under the
 * launcher's state directory), renews at T1, sends RELEASE when stopped, and identifies itself by a DUID-based
 * client identifier (RFC 4361) by default. This version has no DHCPv4 rapid commit.
 */
class NetworkdTest {

    @BeforeEach
    void needsNetworkd() {
        RealHosts.assumeBinary("tshark");
        RealHosts.gate(Files.isExecutable(Path.of(NetworkdCommand.BINARY)) ? Optional.empty()
                : Optional.of(NetworkdCommand.BINARY + " is missing (Debian package systemd)"));
    }

    private static NetworkdCommand networkd(ServedLab s) {
        return ClientCommands.networkd(s.lab.clientInterface(), s.lab.stateDir("networkd"));
    }

    private static String awaitAddress(ServedLab s, BackgroundProcess client, String ip) {
        s.await("networkd configures " + ip + "/24 (log:\n" + tail(client) + ")",
                () -> s.lab.clientAddresses().contains(ip + "/24"));
        return ip;
    }

    private static String tail(BackgroundProcess p) {
        List<String> lines = p.output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** The KEY=value lines of the one file networkd wrote in {@code dir}. */
    private static String stateFile(ServedLab s, Path dir, String mustContain) {
        String[] text = {""};
        s.await("a state file in " + dir + " with " + mustContain, () -> {
            try (Stream<Path> files = Files.list(dir)) {
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
    void doraConfiguresAddressRoutesDnsAndDomain() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            NetworkdCommand n = networkd(s).hostname("lab-networkd");
            BackgroundProcess client = s.lab.start(n.build());
            awaitAddress(s, client, s.host(100));

            assertThat(s.server.journal().entries().stream().map(e -> e.messageType().orElseThrow()).toList())
                    .startsWith(MessageType.DISCOVER, MessageType.OFFER, MessageType.REQUEST, MessageType.ACK);
            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().hostname()).contains("lab-networkd");
            assertThat(discover.message().get().parameterRequestList()).contains(OptionCode.SUBNET_MASK,
                    OptionCode.ROUTER, OptionCode.DOMAIN_NAME_SERVER, OptionCode.DOMAIN_NAME,
                    OptionCode.CLASSLESS_STATIC_ROUTE);
            s.await("routes from option 121", () -> s.lab.clientRoutes().stream()
                    .anyMatch(r -> r.startsWith("10.30.0.0/16 via " + s.host(254))));
            assertThat(s.lab.clientRoutes()).anyMatch(r -> r.startsWith("default via " + s.host(1)));
            String lease = stateFile(s, n.leasesDir(), "ADDRESS=" + s.host(100));
            assertThat(lease).contains("DNS=" + s.host(53)).contains("DOMAINNAME=" + ServedLab.DOMAIN)
                    .contains("SERVER_ADDRESS=" + s.host(1));
            String link = stateFile(s, n.linksDir(), "DNS=");
            assertThat(link).contains("DNS=" + s.host(53)).contains("DOMAINS=" + ServedLab.DOMAIN);
            assertThat(s.server.lease(s.lab.clientMac()).orElseThrow().hostname()).contains("lab-networkd");
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture();
        }
    }

    @Test
    void renewsAtT1ByUnicastOnTheWallClock() {
        try (ServedLab s = ServedLab.start(Duration.ofSeconds(8))) { // T1 4 s
            BackgroundProcess client = s.lab.start(networkd(s).build());
            awaitAddress(s, client, s.host(100));

            JournalEntry renew = s.assertRenewedByUnicast(s.host(100));
            JournalEntry ack = s.server.journal().sent(MessageType.ACK).get(0);
            Duration t1 = Duration.between(ack.wallTime(), renew.wallTime());
            assertThat(t1).as("renewal %s after the ACK, T1 = 4 s", t1)
                    .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture();
        }
    }

    @Test
    void stoppingSendsRelease() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(networkd(s).build());
            awaitAddress(s, client, s.host(100));

            client.stop(Duration.ofSeconds(5)); // SIGTERM; SendRelease=yes is networkd's default
            s.assertReleased(s.host(100));
            JournalEntry release = s.entries(JournalEntry.Kind.RECEIVED, MessageType.RELEASE).get(0);
            // systemd 252 sends its RELEASE without the server identifier (54) that RFC 2131 table 5 requires; a
            // RELEASE naming no other server is taken as for this one, so the lease is freed all the same
            assertThat(release.message().get().serverIdentifier()).as("54 in %s", release.message().get()).isEmpty();
            assertThat(release.message().get().clientIdentifier()).isPresent();
            s.verifyCapture();
        }
    }

    @Test
    void noReleaseWhenToldNot() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(networkd(s).noRelease().build());
            awaitAddress(s, client, s.host(100));
            client.stop(Duration.ofSeconds(5));
            assertThat(s.entries(JournalEntry.Kind.RECEIVED, MessageType.RELEASE)).isEmpty();
        }
    }

    @Test
    void authoritativeNakOnARenewalThenANewLease() {
        try (ServedLab s = ServedLab.start(Duration.ofSeconds(8), b -> b.authoritative())) {
            BackgroundProcess client = s.lab.start(networkd(s).build());
            awaitAddress(s, client, s.host(100));

            s.restartServer(); // authoritative, and without a record of that lease: the renewal at T1 gets a NAK
            JournalEntry nak = s.awaitEntry("a NAK", e -> e.isSent() && e.is(MessageType.NAK));
            JournalEntry renew = s.server.journal().received().get(0);
            assertThat(renew.is(MessageType.REQUEST)).isTrue();
            assertThat(renew.note()).contains("RENEWING").contains("NAK").contains("authoritative");
            assertThat(nak.destination().getAddress().getHostAddress()).isEqualTo("255.255.255.255");
            JournalEntry discover = s.awaitEntry("a DISCOVER after the NAK", e -> e.isReceived()
                    && e.is(MessageType.DISCOVER) && e.sequence() > nak.sequence());
            s.awaitEntry("an ACK after the DISCOVER", e -> e.isSent() && e.is(MessageType.ACK)
                    && e.sequence() > discover.sequence());
            s.await("the lease bound again", () -> s.server.lease(s.lab.clientMac())
                    .map(l -> l.state() == dev.dhcpembedded.lease.LeaseState.BOUND).orElse(false));
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture();
        }
    }

    @Test
    void staticLeaseForTheMacIsHonoured() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            s.server.addStaticLease(s.lab.clientMac(), s.host(42));
            BackgroundProcess client = s.lab.start(networkd(s).build());
            awaitAddress(s, client, s.host(42));
            assertThat(s.server.journal().sent(MessageType.ACK).get(0).note()).contains("static lease");
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture();
        }
    }

    @Test
    void clientIdentifierIsDuidBasedByDefaultOrTheMac() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            NetworkdCommand n = networkd(s);
            BackgroundProcess client = s.lab.start(n.build());
            awaitAddress(s, client, s.host(100));
            byte[] id = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0).message().get()
                    .clientIdentifier().orElseThrow();
            // RFC 4361: type 255, a 4-byte IAID, then the DUID (networkd: DUID-EN from the machine id, type 2)
            assertThat(id[0] & 0xFF).isEqualTo(255);
            assertThat(id.length).isGreaterThan(1 + 4 + 2);
            assertThat(((id[5] & 0xFF) << 8) | (id[6] & 0xFF)).as("DUID type").isEqualTo(2);
            assertThat(s.server.lease(s.lab.clientMac()).orElseThrow().clientIdentifier()).contains(Hex.of(id));
            client.stop(Duration.ofSeconds(5));
            s.verifyCapture();
        }
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(networkd(s).macClientIdentifier().build());
            awaitAddress(s, client, s.host(100));
            byte[] id = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0).message().get()
                    .clientIdentifier().orElseThrow();
            assertThat(Hex.colons(id, 0, id.length)).isEqualTo("01:" + s.lab.clientMac());
            client.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void sendsNoRapidCommitSoTheServerStillDoesDora() {
        // systemd 252 has rapid commit for DHCPv6 only: its DISCOVER carries no option 80
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b.rapidCommit())) {
            BackgroundProcess client = s.lab.start(networkd(s).build());
            awaitAddress(s, client, s.host(100));
            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().rapidCommit()).isFalse();
            assertThat(s.server.journal().sent(MessageType.OFFER)).isNotEmpty();
            client.stop(Duration.ofSeconds(5));
        }
    }
}
