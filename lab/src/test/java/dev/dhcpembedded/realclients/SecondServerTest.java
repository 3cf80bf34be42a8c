package dev.dhcpembedded.realclients;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static dev.dhcpembedded.stub.Responses.ignore;
import static dev.dhcpembedded.stub.Responses.nak;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.NetworkdCommand;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.lab.Signal;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.server.SecondServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one link ({@code secondServer}) with each real client. The second server is a host of its own on
 * the lab's link: .2, MAC 02:5e:0a:..., pool .200-.220, T1 5 s. Both OFFER; ours is held back 500 ms, so the client
 * takes the second server's OFFER and REQUESTs it: the second server ACKs it from its own MAC and address, ours sees
 * that REQUEST name someone else (and forgets its offer). At T1 the client renews by unicast to .2 (it ARPs for it
 * first, and the second server answers): the second server hears it through its own packet socket and ACKs. One
 * journal entry per frame; every capture passes the tshark check.
 */
class SecondServerTest {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration RENEWAL = Duration.ofSeconds(30);

    @BeforeEach
    void needsTshark() {
        RealHosts.assumeBinary("tshark");
    }

    @Test
    void anOutageSilencesTheSecondServersArpToo() {
        try (ServedLab s = TwoServers.start()) {
            assertThat(arping(s, s.host(2)).ok()).as("the second server answers ARP for its address").isTrue();
            s.server.pause();
            assertThat(arping(s, s.host(2)).ok()).as("the second server's address answers no ARP while paused")
                    .isFalse();
            s.server.resume();
            assertThat(arping(s, s.host(2)).ok()).as("the second server answers ARP again after resume()").isTrue();
        }
    }

    /** busybox arping from the client's namespace: one reply in 2 s, or none. */
    private static dev.dhcpembedded.lab.CommandResult arping(ServedLab s, String address) {
        return s.lab.exec(Duration.ofSeconds(10), "busybox", "arping", "-f", "-c", "2", "-w", "2", "-I",
                s.lab.clientInterface(), address);
    }

    @Test
    void udhcpcTakesTheSecondServersOfferAndRenewsWithIt() {
        RealHosts.assumeBinary("udhcpc");
        try (ServedLab s = TwoServers.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.udhcpc(s.lab.clientInterface(),
                    s.lab.script(ClientScript.UDHCPC)).discover(8, Duration.ofSeconds(2)).build());
            DhcpEvent bound = s.awaitEvent(client, "bound");
            assertThat(bound.serverId()).isEqualTo(s.host(2));
            // udhcpc enforces a minimum lease (T1 past a minute): SIGUSR1 starts the renewal at once instead
            client.signal(Signal.USR1);
            assertTwoServers(s, client);
        }
    }

    @Test
    void dhclientTakesTheSecondServersOfferAndRenewsWithIt() {
        RealHosts.assumeBinary("dhclient");
        try (ServedLab s = TwoServers.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.dhclient(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCLIENT), s.lab.stateDir("dhclient")).timeout(Duration.ofSeconds(10))
                    .build());
            assertThat(s.awaitEvent(client, "BOUND").serverId()).isEqualTo(s.host(2));
            assertTwoServers(s, client);
        }
    }

    @Test
    void dhcpcdTakesTheSecondServersOfferAndRenewsWithIt() {
        RealHosts.assumeBinary("dhcpcd");
        try (ServedLab s = TwoServers.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.dhcpcd(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCPCD), s.lab.stateDir("dhcpcd")).timeout(Duration.ofSeconds(10))
                    .build());
            assertThat(s.awaitEvent(client, "BOUND").serverId()).isEqualTo(s.host(2));
            assertTwoServers(s, client);
        }
    }

    @Test
    void networkdTakesTheSecondServersOfferAndRenewsWithIt() {
        RealHosts.gate(Files.isExecutable(Path.of(NetworkdCommand.BINARY)) ? Optional.empty()
                : Optional.of(NetworkdCommand.BINARY + " is missing (Debian package systemd)"));
        try (ServedLab s = TwoServers.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.networkd(s.lab.clientInterface(),
                    s.lab.stateDir("networkd")).build());
            assertTwoServers(s, client);
        }
    }

    /** udhcpc 1.35 ignores a NAK from a server it did not choose, and binds with our late ACK. */
    @Test
    void udhcpcIgnoresTheOtherServersNakAndTakesOurAck() {
        RealHosts.assumeBinary("udhcpc");
        try (ServedLab s = NakThenAck.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.udhcpc(s.lab.clientInterface(),
                    s.lab.script(ClientScript.UDHCPC)).discover(8, Duration.ofSeconds(2)).build());
            assertNakThenAck(s, client, false);
            s.awaitEvent(client, "bound");
            assertThat(client.output()).doesNotContain("NAK");
            stopAndVerify(s, client);
        }
    }

    /** ISC dhclient 4.4.3 logs the NAK ("DHCPNAK from .2") but has no lease it would drop, and binds with our ACK. */
    @Test
    void dhclientLogsTheOtherServersNakAndTakesOurAck() {
        RealHosts.assumeBinary("dhclient");
        try (ServedLab s = NakThenAck.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.dhclient(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCLIENT), s.lab.stateDir("dhclient")).timeout(Duration.ofSeconds(10))
                    .build());
            assertNakThenAck(s, client, false);
            s.awaitEvent(client, "BOUND");
            assertThat(client.output()).contains("DHCPNAK from " + s.host(2));
            stopAndVerify(s, client);
        }
    }

    /** dhcpcd 9.4 takes the NAK from a server it did not choose: it starts over (DISCOVER) and then binds. */
    @Test
    void dhcpcdTakesTheOtherServersNakAndStartsOver() {
        RealHosts.assumeBinary("dhcpcd");
        try (ServedLab s = NakThenAck.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.dhcpcd(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCPCD), s.lab.stateDir("dhcpcd")).timeout(Duration.ofSeconds(10))
                    .build());
            assertNakThenAck(s, client, true);
            s.awaitEvent(client, "BOUND");
            assertThat(client.output()).contains("NAK: not from me from " + s.host(2));
            stopAndVerify(s, client);
        }
    }

    /** systemd-networkd 252 takes the NAK from a server it did not choose: "REBOOT in 0", DISCOVER, then binds. */
    @Test
    void networkdTakesTheOtherServersNakAndStartsOver() {
        RealHosts.gate(Files.isExecutable(Path.of(NetworkdCommand.BINARY)) ? Optional.empty()
                : Optional.of(NetworkdCommand.BINARY + " is missing (Debian package systemd)"));
        try (ServedLab s = NakThenAck.start()) {
            BackgroundProcess client = s.lab.start(ClientCommands.networkd(s.lab.clientInterface(),
                    s.lab.stateDir("networkd")).build());
            assertNakThenAck(s, client, true);
            assertThat(client.output()).contains("DHCPv4 client: NAK: not from me");
            stopAndVerify(s, client);
        }
    }

    /**
     * The client REQUESTed our OFFER; the second server NAKed that REQUEST at once (a stub: it was not named) and
     * ours ACKed it 500 ms later. {@code startsOver}: the client took the NAK and sent a new DISCOVER before binding;
     * otherwise it bound with our late ACK, with no second DISCOVER. Either way it ends with ours' address.
     */
    private static void assertNakThenAck(ServedLab s, BackgroundProcess client, boolean startsOver) {
        String ours = s.host(1);
        String theirs = s.host(2);
        String ip = s.host(100);
        JournalEntry nak = s.awaitEntry("the second server's NAK", e -> e.isSent() && e.is(MessageType.NAK));
        JournalEntry lateAck = s.awaitEntry("our ACK, 500 ms late", e -> e.isSent() && e.is(MessageType.ACK)
                && e.message().get().xid() == nak.message().get().xid());
        s.await("address " + ip + " on the client interface", () -> s.lab.clientAddresses().contains(ip + "/24"));
        String context = "\njournal:\n" + s.server.journal().transcript() + "\nclient:\n" + client.output();
        assertThat(nak.source()).isEqualTo(ServedLab.socket(theirs, 67));
        assertThat(nak.destination()).as("a NAK is broadcast").isEqualTo(ServedLab.socket("255.255.255.255", 68));
        assertThat(lateAck.source()).isEqualTo(ServedLab.socket(ours, 67));
        assertThat(lateAck.sequence()).as("the NAK first, then our ACK" + context).isGreaterThan(nak.sequence());
        List<JournalEntry> discovers = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER);
        if (startsOver) {
            JournalEntry again = s.awaitEntry("a new DISCOVER after the NAK" + context, e -> e.isReceived()
                    && e.is(MessageType.DISCOVER) && e.sequence() > nak.sequence());
            s.awaitEntry("our ACK after the new DISCOVER" + context, e -> e.isSent() && e.is(MessageType.ACK)
                    && e.sequence() > again.sequence() && e.message().get().yiaddr().getHostAddress().equals(ip));
        } else {
            assertThat(discovers).as("no new DISCOVER: the NAK was ignored" + context).hasSize(1);
        }
        assertThat(s.server.lease(s.lab.clientMac())).get().extracting(l -> l.state()).isEqualTo(LeaseState.BOUND);
        assertThat(s.server.secondServer().leases()).as("the second server offered nothing").isEmpty();
    }

    private static void stopAndVerify(ServedLab s, BackgroundProcess client) {
        client.stop(Duration.ofSeconds(5));
        s.verifyCapture();
    }

    /** The second server at .2 ignores DISCOVERs and NAKs the first REQUEST; ours ACKs it 500 ms late. */
    static final class NakThenAck {

        static ServedLab start() {
            ServedLab s = ServedLab.startOnLab(LEASE, (lab, b) -> b.secondServer(lab.subnet24().host(2),
                    sub -> sub.pool(lab.subnet24().host(200), lab.subnet24().host(220))));
            s.server.secondServer().stub(onDiscover().respond(ignore()));
            s.server.secondServer().stub(onRequest().respond(nak("not from me")).once());
            s.server.stub(onRequest().respond(defaultReply().delay(Duration.ofMillis(500))).once());
            return s;
        }
    }

    private static void assertTwoServers(ServedLab s, BackgroundProcess client) {
        String ours = s.host(1);
        String theirs = s.host(2);
        String ip = s.host(200);
        SecondServer second = s.server.secondServer();
        JournalEntry request = s.awaitEntry("the REQUEST(SELECTING) naming " + theirs, e -> e.isReceived()
                && e.is(MessageType.REQUEST) && e.message().get().serverIdentifier().isPresent());
        String context = "\njournal:\n" + s.server.journal().transcript() + "\nclient:\n" + client.output();
        s.awaitEntry("our OFFER, held back 500 ms" + context, e -> e.isSent() && e.is(MessageType.OFFER)
                && e.source().getAddress().getHostAddress().equals(ours));
        assertThat(s.entries(JournalEntry.Kind.SENT, MessageType.OFFER)).as("an OFFER from each" + context)
                .extracting(e -> e.source().getAddress().getHostAddress()).startsWith(theirs).contains(ours);
        assertThat(request.message().get().serverIdentifier().get().getHostAddress()).as(context).isEqualTo(theirs);
        assertThat(request.note()).as("ours sees the REQUEST name someone else" + context)
                .contains("names server " + theirs + ", not this one");
        JournalEntry ack = s.awaitEntry("the second server's ACK", e -> e.isSent() && e.is(MessageType.ACK)
                && e.sequence() > request.sequence());
        assertThat(ack.source()).isEqualTo(ServedLab.socket(theirs, 67));
        assertThat(ack.message().get().yiaddr().getHostAddress()).isEqualTo(ip);
        s.await("address " + ip + " on the client interface" + context,
                () -> s.lab.clientAddresses().contains(ip + "/24"));
        assertThat(s.server.lease(s.lab.clientMac())).as("ours forgot its offer").isEmpty();

        JournalEntry renew = s.awaitEntry("a RENEWING REQUEST unicast to " + theirs, RENEWAL, e -> e.isReceived()
                && e.is(MessageType.REQUEST) && ip.equals(e.message().get().ciaddr().getHostAddress())
                && e.destination().getAddress().getHostAddress().equals(theirs));
        JournalEntry renewed = s.awaitEntry("the second server's ACK of the renewal", e -> e.isSent()
                && e.is(MessageType.ACK) && e.sequence() > renew.sequence());
        context = "\njournal:\n" + s.server.journal().transcript() + "\nclient:\n" + client.output();
        assertThat(renew.source()).as("unicast from the client's address" + context)
                .isEqualTo(ServedLab.socket(ip, 68));
        assertThat(renewed.source()).isEqualTo(ServedLab.socket(theirs, 67));
        assertThat(renewed.destination()).as("ACK to ciaddr" + context).isEqualTo(ServedLab.socket(ip, 68));
        assertThat(second.lease(s.lab.clientMac())).get().extracting(l -> l.state()).isEqualTo(LeaseState.BOUND);
        assertThat(s.lab.clientAddresses()).contains(ip + "/24");
        client.stop(Duration.ofSeconds(5));
        s.verifyCapture();
    }

    /** The lab with the second server at .2 (pool .200-.220, T1 5 s), and ours answering DISCOVERs 500 ms late. */
    static final class TwoServers {

        static ServedLab start() {
            ServedLab s = ServedLab.startOnLab(LEASE, (lab, b) -> b.secondServer(lab.subnet24().host(2),
                    sub -> sub.pool(lab.subnet24().host(200), lab.subnet24().host(220))
                            .router(lab.subnet24().host(1)).dns(lab.subnet24().host(53))
                            .domainName(ServedLab.DOMAIN).leaseTime(LEASE).renewalTime(Duration.ofSeconds(5))
                            .rebindingTime(Duration.ofSeconds(50))));
            s.server.stub(onDiscover().respond(defaultReply().delay(Duration.ofMillis(500))));
            return s;
        }
    }
}
