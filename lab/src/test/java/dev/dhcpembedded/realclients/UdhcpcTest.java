package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.Signal;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.lab.UdhcpcCommand;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * busybox udhcpc in a namespace against the server bound to the lab's veth. udhcpc renews at half the lease and
 * enforces a minimum lease, so these tests make it renew with SIGUSR1 and release with SIGUSR2. It has no
 * INIT-REBOOT and no INFORM: its authoritative NAK comes on a renewal the server has no record of.
 */
class UdhcpcTest {

    @BeforeEach
    void needsUdhcpc() {
        RealHosts.assumeBinary("udhcpc");
        RealHosts.assumeBinary("tshark");
    }

    static UdhcpcCommand udhcpc(ServedLab s) {
        return ClientCommands.udhcpc(s.lab.clientInterface(), s.lab.script(ClientScript.UDHCPC))
                .discover(3, Duration.ofSeconds(1)).requestStaticRoutes().hostname("lab-udhcpc");
    }

    @Test
    void doraConfiguresAddressRoutesAndOptions() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(udhcpc(s).build());
            DhcpEvent bound = s.awaitEvent(client, "bound");

            s.assertDora(bound, s.host(100));
            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().hostname()).contains("lab-udhcpc");
            assertThat(discover.message().get().vendorClassIdentifier()).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("udhcp"));
            s.verifyCapture();
        }
    }

    @Test
    void renewIsUnicastWithCiaddrAndNoRequestedAddressOrServerId() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(udhcpc(s).build());
            s.awaitEvent(client, "bound");

            client.signal(Signal.USR1); // renew now: udhcpc ignores T1 and enforces a minimum lease
            s.assertRenewedByUnicast(s.host(100));
            s.awaitEvent(client, "renew");
            assertThat(s.lab.clientAddresses()).containsExactly(s.host(100) + "/24");

            TsharkCapture.Result wire = s.verifyCapture();
            // the first REQUEST with ciaddr is the renewal; udhcpc (-T 1) rebinds by broadcast after it when the
            // ACK takes over a second to reach it on a loaded machine, which is the client's right
            assertThat(wire.ofType(3)).filteredOn(f -> s.host(100).equals(f.ciaddr())).first().satisfies(f -> {
                assertThat(f.ipSrc()).isEqualTo(s.host(100));
                assertThat(f.ipDst()).isEqualTo(s.host(1));
                assertThat(f.ciaddr()).isEqualTo(s.host(100));
            });
        }
    }

    @Test
    void releaseFreesTheLease() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(udhcpc(s).build());
            s.awaitEvent(client, "bound");

            client.signal(Signal.USR2); // release now
            s.assertReleased(s.host(100));
            s.verifyCapture();
        }
    }

    @Test
    void staticLeaseForTheMacIsHonoured() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> { })) {
            s.server.addStaticLease(s.lab.clientMac(), s.host(42), l -> l.hostname("thermostat"));
            BackgroundProcess client = s.lab.start(udhcpc(s).build());
            DhcpEvent bound = s.awaitEvent(client, "bound");

            s.assertDora(bound, s.host(42));
            assertThat(s.entries(JournalEntry.Kind.SENT, MessageType.ACK).get(0).note()).contains("static");
            s.verifyCapture();
        }
    }

    @Test
    void authoritativeServerWithoutRecordNaksTheRenewalThenTheClientStartsOver() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b.authoritative())) {
            BackgroundProcess client = s.lab.start(udhcpc(s).build());
            s.awaitEvent(client, "bound");

            s.restartServer(); // the new server has no record of the client's lease
            client.signal(Signal.USR1);
            JournalEntry nak = s.awaitEntry("NAK", e -> e.isSent() && e.is(MessageType.NAK));
            assertThat(nak.note()).contains("RENEWING").contains("authoritative");
            assertThat(nak.destination()).as("a NAK is broadcast").isEqualTo(ServedLab.socket("255.255.255.255", 68));
            s.awaitEvent(client, "nak");
            DhcpEvent again = s.awaitEvent(client, "bound", 1);

            assertThat(again.ip()).isEqualTo(s.host(100));
            assertThat(s.server.journal().received(MessageType.DISCOVER)).hasSize(1);
            assertThat(s.server.lease(s.lab.clientMac())).get().extracting(l -> l.state())
                    .isEqualTo(LeaseState.BOUND);
            s.verifyCapture();
        }
    }
}
