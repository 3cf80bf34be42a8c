package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.NetworkdCommand;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.lab.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Renew during an outage, with each real client: bound, then {@code server.pause()} (DHCP unanswered, and ARP for
 * the server's address unanswered too: busybox arping from the client's namespace gets no reply), past T1 on the
 * wall clock, then T2. The journal shows what the client tried, heard and not answered: its RENEWING unicasts (a
 * client that must ARP for the server first, like udhcpc, never gets one onto the wire) and its REBINDING
 * broadcasts. {@code resume()}: ARP answers again, the next retransmission gets its ACK and the client keeps its
 * address, without a new DISCOVER. Every capture passes the tshark check.
 */
class OutageTest {

    /**
     * T1 5 s, T2 10 s, the lease 60 s: 50 s of REBINDING, so every client's retransmission schedule (dhcpcd and
     * dhclient back off to 8 s and more, and dhclient may skip REBINDING when T2 is close to the end) reaches the
     * server before the lease ends.
     */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration UNTIL_T2 = Duration.ofSeconds(30);

    private static ServedLab lab() {
        return ServedLab.start(LEASE, b -> { }, sub -> sub.renewalTime(Duration.ofSeconds(5))
                .rebindingTime(Duration.ofSeconds(10)));
    }

    @BeforeEach
    void needsTshark() {
        RealHosts.assumeBinary("tshark");
    }

    @Test
    void udhcpcRebindsDuringTheOutageAndIsAnsweredAfterIt() {
        RealHosts.assumeBinary("udhcpc");
        try (ServedLab s = lab()) {
            BackgroundProcess client = s.lab.start(ClientCommands.udhcpc(s.lab.clientInterface(),
                    s.lab.script(ClientScript.UDHCPC)).discover(8, Duration.ofSeconds(1)).build());
            s.awaitEvent(client, "bound");
            // udhcpc enforces a minimum lease (T1 past a minute): SIGUSR1 starts the renewal at once instead
            renewDuringOutage(s, client, () -> client.signal(Signal.USR1), true);
        }
    }

    @Test
    void dhclientRebindsDuringTheOutageAndIsAnsweredAfterIt() {
        RealHosts.assumeBinary("dhclient");
        try (ServedLab s = lab()) {
            BackgroundProcess client = s.lab.start(ClientCommands.dhclient(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCLIENT), s.lab.stateDir("dhclient")).timeout(Duration.ofSeconds(10))
                    .build());
            s.awaitEvent(client, "BOUND");
            renewDuringOutage(s, client, () -> { }, true);
        }
    }

    @Test
    void dhcpcdRebindsDuringTheOutageAndIsAnsweredAfterIt() {
        RealHosts.assumeBinary("dhcpcd");
        try (ServedLab s = lab()) {
            BackgroundProcess client = s.lab.start(ClientCommands.dhcpcd(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCPCD), s.lab.stateDir("dhcpcd")).timeout(Duration.ofSeconds(10))
                    .build());
            s.awaitEvent(client, "BOUND");
            renewDuringOutage(s, client, () -> { }, true);
        }
    }

    @Test
    void networkdRebindsDuringTheOutageAndIsAnsweredAfterIt() {
        RealHosts.gate(Files.isExecutable(Path.of(NetworkdCommand.BINARY)) ? Optional.empty()
                : Optional.of(NetworkdCommand.BINARY + " is missing (Debian package systemd)"));
        try (ServedLab s = lab()) {
            BackgroundProcess client = s.lab.start(ClientCommands.networkd(s.lab.clientInterface(),
                    s.lab.stateDir("networkd")).build());
            s.await("networkd configures " + s.host(100), () -> s.lab.clientAddresses().contains(s.host(100) + "/24"));
            // networkd 252 waits max(half the time left, 60 s) between retransmissions (RFC 2131 §4.4.5): with this
            // lease it renews once at T1, rebinds once at T2 and then lets the lease end. So the outage covers its
            // renewal, and its REBINDING at T2 is the retransmission that gets the ACK.
            renewDuringOutage(s, client, () -> { }, false);
        }
    }

    /**
     * @param untilRebinding resume once a REBINDING request went unanswered; otherwise once a RENEWING one did
     */
    private static void renewDuringOutage(ServedLab s, BackgroundProcess client, Runnable startRenewal,
                                          boolean untilRebinding) {
        String ip = s.host(100);
        s.awaitEntry("the ACK of the lease", e -> e.isSent() && e.is(MessageType.ACK));
        Path arpIgnore = Path.of("/proc/sys/net/ipv4/conf", s.lab.serverInterface(), "arp_ignore");
        String arpBefore = read(arpIgnore);

        long pausedFrom = s.server.journal().entries().stream().mapToLong(JournalEntry::sequence).max()
                .orElseThrow() + 1;
        s.server.pause();
        assertThat(read(arpIgnore)).as("ARP replies off on the server's interface while paused").isEqualTo("8");
        assertThat(arping(s).ok()).as("the server's address answers no ARP request while paused").isFalse();
        startRenewal.run();

        String to = untilRebinding ? "255.255.255.255" : s.host(1);
        JournalEntry unanswered = s.awaitEntry("a " + (untilRebinding ? "REBINDING" : "RENEWING") + " REQUEST (ciaddr "
                + ip + ", to " + to + ") during the outage", UNTIL_T2, e -> e.sequence() >= pausedFrom
                && e.isReceived() && e.is(MessageType.REQUEST) && ip.equals(e.message().get().ciaddr().getHostAddress())
                && e.destination().getAddress().getHostAddress().equals(to));
        String context = "\njournal:\n" + s.server.journal().transcript() + "\nclient:\n" + client.output();
        List<JournalEntry> duringOutage = s.server.journal().entries(e -> e.sequence() >= pausedFrom
                && e.sequence() <= unanswered.sequence());
        assertThat(duringOutage).as("heard, journaled, never answered" + context)
                .allMatch(JournalEntry::isReceived)
                .allMatch(e -> e.note().equals("not answered: the server is paused (an outage)"));
        assertThat(duringOutage).as("requests of one renewal, RENEWING (unicast, if the client still knew the"
                + " server's MAC) then REBINDING (broadcast)" + context)
                .allMatch(e -> e.is(MessageType.REQUEST) && ip.equals(e.message().get().ciaddr().getHostAddress()));
        assertThat(s.lab.clientAddresses()).as("the client keeps its address until the lease ends")
                .contains(ip + "/24");

        s.server.resume();
        assertThat(read(arpIgnore)).as("resume() restores arp_ignore").isEqualTo(arpBefore);
        CommandResult arp = arping(s);
        assertThat(arp.ok()).as("the server answers ARP again: " + arp.describe()).isTrue();
        JournalEntry ack = s.awaitEntry("an ACK after the outage", UNTIL_T2, e -> e.sequence() > unanswered.sequence()
                && e.isSent() && e.is(MessageType.ACK));
        JournalEntry answered = s.server.journal().entries(e -> e.isReceived() && e.sequence() < ack.sequence())
                .stream().reduce((a, b) -> b).orElseThrow();
        context = "\njournal:\n" + s.server.journal().transcript() + "\nclient:\n" + client.output();
        assertThat(answered.message().get().ciaddr().getHostAddress()).as("the ACK answers a renewal or rebinding"
                + " of " + ip + context).isEqualTo(ip);
        assertThat(ack.message().get().yiaddr().getHostAddress()).isEqualTo(ip);
        assertThat(s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER)).as("no new DISCOVER: the lease"
                + " was extended, not lost" + context).hasSize(1);
        assertThat(s.lab.clientAddresses()).contains(ip + "/24");
        client.stop(Duration.ofSeconds(5));
        s.verifyCapture();
    }

    /** busybox arping from the client's namespace to the server's address: one reply in 2 s, or none. */
    private static CommandResult arping(ServedLab s) {
        return s.lab.exec(Duration.ofSeconds(10), "busybox", "arping", "-f", "-c", "2", "-w", "2", "-I",
                s.lab.clientInterface(), s.host(1));
    }

    private static String read(Path sysctl) {
        try {
            return Files.readString(sysctl).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
