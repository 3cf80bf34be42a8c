package dev.dhcpembedded.realclients;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.RequestState.RENEWING;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 5, with dhcpcd: in RENEWING its socket is bound to the leased address, so the NAK RFC 2131 §4.1
 * broadcasts never reaches it. A stub's {@code unicastToClientAddress()} sends the NAK to that address instead, and
 * dhcpcd hears it: it reports NAK and goes back to INIT (a DISCOVER).
 */
class DhcpcdNakDuringRenewalTest {

    @BeforeEach
    void needsDhcpcd() {
        RealHosts.assumeBinary("dhcpcd");
        RealHosts.assumeBinary("tshark");
    }

    @Test
    void aNakUnicastToTheLeasedAddressSendsDhcpcdBackToInit() {
        try (ServedLab s = ServedLab.start(Duration.ofSeconds(6))) {
            s.server.stub(onRequest().inState(RENEWING).respond(nak("moved").unicastToClientAddress()).once());
            BackgroundProcess client = s.lab.start(ClientCommands.dhcpcd(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCPCD), s.lab.stateDir("dhcpcd")).timeout(Duration.ofSeconds(10))
                    .build());
            s.awaitEvent(client, "BOUND");

            JournalEntry sent = s.awaitEntry("the NAK of the renewal", e -> e.isSent() && e.is(NAK));
            assertThat(sent.destination()).as("to the leased address, not broadcast")
                    .isEqualTo(ServedLab.socket(s.host(100), 68));
            s.awaitEvent(client, "NAK");
            s.awaitEntry("a DISCOVER after the NAK", e -> e.isReceived() && e.is(DISCOVER)
                    && e.sequence() > sent.sequence());
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }
}
