package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.DhclientCommand;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ISC dhclient in a namespace against the server bound to the lab's veth. dhclient renews at T1 (option 58), so
 * the renewal test uses a 6 s lease; it does INIT-REBOOT from an unexpired lease in its lease file.
 */
class DhclientTest {

    @BeforeEach
    void needsDhclient() {
        RealHosts.assumeBinary("dhclient");
        RealHosts.assumeBinary("tshark");
    }

    private static DhclientCommand dhclient(ServedLab s) {
        return ClientCommands.dhclient(s.lab.clientInterface(), s.lab.script(ClientScript.DHCLIENT),
                s.lab.stateDir("dhclient")).timeout(Duration.ofSeconds(10));
    }

    @Test
    void doraConfiguresAddressRoutesAndOptions() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(dhclient(s).build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            s.assertDora(bound, s.host(100));
            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().hostname()).contains("lab-client");
            s.verifyCapture();
        }
    }

    @Test
    void renewAtT1IsUnicastWithCiaddrAndNoRequestedAddressOrServerId() {
        try (ServedLab s = ServedLab.start(Duration.ofSeconds(6))) {
            BackgroundProcess client = s.lab.start(dhclient(s).build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");
            assertThat(bound.lease()).isEqualTo("6");

            s.assertRenewedByUnicast(s.host(100)); // T1 = 3 s
            DhcpEvent renewed = s.awaitEvent(client, "RENEW");
            assertThat(renewed.ip()).isEqualTo(s.host(100));
            client.stop(Duration.ofSeconds(2)); // before the next renewal, so the capture check sees a still link
            s.verifyCapture();
        }
    }

    @Test
    void releaseCommandFreesTheLease() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            DhclientCommand d = dhclient(s);
            BackgroundProcess client = s.lab.start(d.build());
            s.awaitEvent(client, "BOUND");

            CommandResult release = s.lab.exec(ServedLab.AWAIT, d.releaseCommand());
            assertThat(release.ok()).as(release.describe()).isTrue();
            assertThat(DhcpEvent.all(release.stdout() + release.stderr())).anyMatch(e -> e.is("RELEASE"));
            s.assertReleased(s.host(100));
            assertThat(s.lab.clientAddresses()).isEmpty();
            s.verifyCapture();
        }
    }

    @Test
    void staticLeaseForTheMacIsHonoured() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> { })) {
            s.server.addStaticLease(s.lab.clientMac(), s.host(42));
            BackgroundProcess client = s.lab.start(dhclient(s).build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            s.assertDora(bound, s.host(42));
            s.verifyCapture();
        }
    }

    @Test
    void initRebootWithAnUnknownOldLeaseIsNakedThenANewLeaseIsBound() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b.authoritative())) {
            DhclientCommand d = dhclient(s).previousLease(s.host(150), s.host(1));
            BackgroundProcess client = s.lab.start(d.build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            JournalEntry reboot = s.server.journal().received().get(0);
            assertThat(reboot.is(MessageType.REQUEST)).as(s.server.journal().transcript()).isTrue();
            assertThat(reboot.message().get().requestedIpAddress()).map(a -> a.getHostAddress())
                    .contains(s.host(150));
            assertThat(reboot.message().get().serverIdentifier()).isEmpty();
            assertThat(reboot.message().get().ciaddr().isAnyLocalAddress()).as("ciaddr").isTrue();
            assertThat(reboot.destination()).isEqualTo(ServedLab.socket("255.255.255.255", 67));
            assertThat(reboot.note()).contains("INIT-REBOOT").contains("NAK").contains("authoritative");
            JournalEntry nak = s.server.journal().sent().get(0);
            assertThat(nak.is(MessageType.NAK)).isTrue();
            assertThat(nak.destination()).isEqualTo(ServedLab.socket("255.255.255.255", 68));

            List<MessageType> after = s.server.journal().entries().stream().skip(2)
                    .map(e -> e.messageType().orElseThrow()).toList();
            assertThat(after).containsExactly(MessageType.DISCOVER, MessageType.OFFER, MessageType.REQUEST,
                    MessageType.ACK);
            assertThat(s.lab.subnet24().contains(bound.ip())).isTrue();
            assertThat(s.server.lease(s.lab.clientMac()).get().addressText()).isEqualTo(bound.ip());
            s.verifyCapture();
        }
    }
}
