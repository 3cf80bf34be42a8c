package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.DhcpcdCommand;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dhcpcd in a namespace against the server bound to the lab's veth. dhcpcd configures address and routes itself,
 * renews at T1, keeps its lease in /var/lib/dhcpcd for INIT-REBOOT, and can send INFORM.
 */
class DhcpcdTest {

    @BeforeEach
    void needsDhcpcd() {
        RealHosts.assumeBinary("dhcpcd");
        RealHosts.assumeBinary("tshark");
    }

    private static DhcpcdCommand dhcpcd(ServedLab s) {
        return ClientCommands.dhcpcd(s.lab.clientInterface(), s.lab.script(ClientScript.DHCPCD),
                s.lab.stateDir("dhcpcd")).timeout(Duration.ofSeconds(10));
    }

    @Test
    void doraConfiguresAddressRoutesAndOptions() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(dhcpcd(s).build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            s.assertDora(bound, s.host(100));
            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().hostname()).contains("lab-client");
            assertThat(discover.message().get().clientIdentifier()).isPresent();
            s.verifyCapture();
        }
    }

    @Test
    void renewAtT1IsUnicastWithCiaddrAndNoRequestedAddressOrServerId() {
        try (ServedLab s = ServedLab.start(Duration.ofSeconds(6))) {
            BackgroundProcess client = s.lab.start(dhcpcd(s).build());
            s.awaitEvent(client, "BOUND");

            s.assertRenewedByUnicast(s.host(100));
            DhcpEvent renewed = s.awaitEvent(client, "RENEW");
            assertThat(renewed.ip()).isEqualTo(s.host(100));
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }

    @Test
    void releaseCommandFreesTheLease() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            DhcpcdCommand d = dhcpcd(s);
            BackgroundProcess client = s.lab.start(d.build());
            s.awaitEvent(client, "BOUND");

            CommandResult release = s.lab.exec(ServedLab.AWAIT, d.releaseCommand());
            assertThat(release.ok()).as(release.describe()).isTrue();
            s.assertReleased(s.host(100));
            s.awaitEvent(client, "STOP"); // dhcpcd -k: "releasing lease", then reason STOP
            s.await("address removed", () -> s.lab.clientAddresses().isEmpty());
            s.verifyCapture();
        }
    }

    @Test
    void staticLeaseForTheMacIsHonoured() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> { })) {
            s.server.addStaticLease(s.lab.clientMac(), s.host(42));
            BackgroundProcess client = s.lab.start(dhcpcd(s).build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            s.assertDora(bound, s.host(42));
            s.verifyCapture();
        }
    }

    @Test
    void initRebootForALeaseTheServerForgotIsNakedThenANewLeaseIsBound() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b.authoritative())) {
            DhcpcdCommand d = dhcpcd(s);
            BackgroundProcess first = s.lab.start(d.build());
            s.awaitEvent(first, "BOUND");
            CommandResult exit = s.lab.exec(ServedLab.AWAIT, d.exitCommand()); // no RELEASE, keeps the lease file
            assertThat(exit.ok()).as(exit.describe()).isTrue();
            assertThat(first.waitFor(ServedLab.AWAIT)).isPresent();

            s.restartServer(); // authoritative, and without a record of that lease
            BackgroundProcess second = s.lab.start(d.build());
            DhcpEvent bound = s.awaitEvent(second, "BOUND");

            JournalEntry reboot = s.server.journal().received().get(0);
            assertThat(reboot.is(MessageType.REQUEST)).as(s.server.journal().transcript()).isTrue();
            assertThat(reboot.message().get().requestedIpAddress()).map(a -> a.getHostAddress())
                    .contains(s.host(100));
            assertThat(reboot.message().get().serverIdentifier()).isEmpty();
            assertThat(reboot.message().get().ciaddr().isAnyLocalAddress()).as("ciaddr").isTrue();
            assertThat(reboot.note()).contains("INIT-REBOOT").contains("NAK").contains("authoritative");
            assertThat(s.server.journal().sent().get(0).is(MessageType.NAK)).isTrue();
            List<MessageType> after = s.server.journal().entries().stream().skip(2)
                    .map(e -> e.messageType().orElseThrow()).toList();
            assertThat(after).containsExactly(MessageType.DISCOVER, MessageType.OFFER, MessageType.REQUEST,
                    MessageType.ACK);
            assertThat(s.server.lease(s.lab.clientMac()).get().addressText()).isEqualTo(bound.ip());
            s.verifyCapture();
        }
    }

    @Test
    void informGetsConfigurationAndNoLease() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            String ip = s.host(20);
            s.lab.addClientAddress(ip + "/24"); // dhcpcd 9.4.1 crashes on INFORM without it
            BackgroundProcess client = s.lab.start(dhcpcd(s).inform(ip + "/24").build());
            DhcpEvent inform = s.awaitEvent(client, "INFORM");

            assertThat(inform.dns()).containsExactly(s.host(53));
            assertThat(inform.domain()).isEqualTo(ServedLab.DOMAIN);
            JournalEntry request = s.awaitEntry("INFORM", e -> e.isReceived() && e.is(MessageType.INFORM));
            assertThat(request.message().get().ciaddr().getHostAddress()).isEqualTo(ip);
            assertThat(request.source()).isEqualTo(ServedLab.socket(ip, 68));
            JournalEntry ack = s.awaitEntry("ACK", e -> e.isSent() && e.is(MessageType.ACK));
            assertThat(ack.destination()).isEqualTo(ServedLab.socket(ip, 68));
            assertThat(ack.message().get().yiaddr().isAnyLocalAddress()).as("yiaddr").isTrue();
            assertThat(ack.message().get().hasOption(OptionCode.IP_ADDRESS_LEASE_TIME)).isFalse();
            assertThat(ack.message().get().domainNameServers()).extracting(a -> a.getHostAddress())
                    .containsExactly(s.host(53));
            assertThat(ack.message().get().domainName()).contains(ServedLab.DOMAIN);
            assertThat(s.server.leases()).isEmpty();
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }

    @Test
    void rapidCommitIsAskedForAndTakenWithoutARequest() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b.rapidCommit())) {
            BackgroundProcess client = s.lab.start(dhcpcd(s).conf("option rapid_commit").build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            assertThat(bound.ip()).isEqualTo(s.host(100));
            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().rapidCommit()).isTrue();
            JournalEntry ack = s.server.journal().sent().get(0);
            assertThat(ack.is(MessageType.ACK)).as(s.server.journal().transcript()).isTrue();
            assertThat(ack.message().get().rapidCommit()).isTrue();
            assertThat(s.entries(JournalEntry.Kind.RECEIVED, MessageType.REQUEST)).as(s.server.journal().transcript())
                    .isEmpty();
            assertThat(s.server.lease(s.lab.clientMac()).orElseThrow().state())
                    .isEqualTo(dev.dhcpembedded.lease.LeaseState.BOUND);
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }

    @Test
    void rapidCommitRefusedByAStubMeansAnOfferAndANormalRequest() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b.rapidCommit())) {
            s.server.stub(dev.dhcpembedded.stub.RequestMatcher.onDiscover()
                    .respond(dev.dhcpembedded.stub.Responses.withoutRapidCommit()).once());
            BackgroundProcess client = s.lab.start(dhcpcd(s).conf("option rapid_commit").build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            assertThat(bound.ip()).isEqualTo(s.host(100));
            assertThat(s.server.journal().entries().stream().map(e -> e.messageType().orElseThrow()).toList())
                    .startsWith(MessageType.DISCOVER, MessageType.OFFER, MessageType.REQUEST, MessageType.ACK);
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }

    @Test
    void ipv6OnlyPreferredStopsDhcpv4AfterTheOffer() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> { }, sub -> sub
                .ipv6OnlyPreferred(Duration.ofMinutes(30)))) {
            BackgroundProcess client = s.lab.start(dhcpcd(s).conf("option ipv6_only_preferred").build());
            s.await("dhcpcd reports 108", () -> client.output().contains("IPv6-Only Preferred received"));

            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().parameterRequestList()).contains(OptionCode.IPV6_ONLY_PREFERRED);
            JournalEntry offer = s.server.journal().sent(MessageType.OFFER).get(0);
            assertThat(offer.message().get().ipv6OnlyPreferred()).contains(Duration.ofMinutes(30));
            assertThat(s.entries(JournalEntry.Kind.RECEIVED, MessageType.REQUEST)).as(s.server.journal().transcript())
                    .isEmpty();
            assertThat(s.lab.clientAddresses()).isEmpty();
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }
}
