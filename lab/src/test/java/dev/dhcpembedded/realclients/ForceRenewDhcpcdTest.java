package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec.RequestState;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhcpcdCommand;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FORCERENEW (RFC 3203) against dhcpcd, which takes one only when it is authenticated with the reconfigure key of
 * RFC 6704 that the server gave it in its ACK (dhcpcd asks for one with option 145 by default).
 */
class ForceRenewDhcpcdTest {

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
    void dhcpcdRenewsAtOnceOnAnAuthenticatedForceRenew() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b.reconfigureKeys())) {
            BackgroundProcess client = s.lab.start(dhcpcd(s).build());
            s.awaitEvent(client, "BOUND");
            JournalEntry ack = s.entries(JournalEntry.Kind.SENT, MessageType.ACK).get(0);
            assertThat(ack.message().orElseThrow().option(OptionCode.AUTHENTICATION)).as("the key in the ACK")
                    .isPresent();

            s.server.v4().forceRenew(s.lab.clientMac());

            JournalEntry renewal = s.awaitEntry("a RENEWING REQUEST after the FORCERENEW", e -> e.isReceived()
                    && e.is(MessageType.REQUEST) && !e.message().orElseThrow().ciaddr().isAnyLocalAddress());
            assertThat(RequestState.of(renewal.message().orElseThrow(), false)).isEqualTo(RequestState.RENEWING);
            s.awaitEvent(client, "RENEW");
            assertThat(client.output()).contains("Force Renew");
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }

    @Test
    void dhcpcdDropsAForceRenewWithoutAuthentication() throws InterruptedException {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {   // no reconfigure keys: nothing to sign with
            BackgroundProcess client = s.lab.start(dhcpcd(s).build());
            s.awaitEvent(client, "BOUND");

            s.server.v4().forceRenew(s.lab.clientMac());
            s.await("dhcpcd's log line", () -> client.output().contains("unauthenticated Force Renew"));
            Thread.sleep(1_000); // would it renew anyway? (it answers a valid one within milliseconds)
            assertThat(s.entries(JournalEntry.Kind.RECEIVED, MessageType.REQUEST)).hasSize(1);   // the SELECTING one
            assertThat(s.server.journal().sent(MessageType.FORCERENEW).get(0).note()).contains("not authenticated");
            client.stop(Duration.ofSeconds(2));
        }
    }
}
