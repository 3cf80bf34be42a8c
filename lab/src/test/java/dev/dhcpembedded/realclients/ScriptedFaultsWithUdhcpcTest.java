package dev.dhcpembedded.realclients;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static dev.dhcpembedded.stub.Responses.ignore;
import static dev.dhcpembedded.stub.Responses.nak;
import static dev.dhcpembedded.stub.Responses.rogueServerId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted faults against a real client: busybox udhcpc in a namespace, the server on the lab's veth. */
class ScriptedFaultsWithUdhcpcTest {

    @BeforeEach
    void needsUdhcpc() {
        RealHosts.assumeBinary("udhcpc");
        RealHosts.assumeBinary("tshark");
    }

    @Test
    void udhcpcRetriesAfterADroppedOffer() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            s.server.stub(onDiscover().from(s.lab.clientMac()).respond(ignore()).once());

            BackgroundProcess client = s.lab.start(UdhcpcTest.udhcpc(s).build());
            DhcpEvent bound = s.awaitEvent(client, "bound");

            assertThat(bound.ip()).isEqualTo(s.host(100));
            List<JournalEntry> discovers = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER);
            assertThat(discovers).hasSizeGreaterThanOrEqualTo(2);
            assertThat(discovers.get(0).note()).contains("ignore");
            assertThat(s.entries(JournalEntry.Kind.SENT, MessageType.OFFER)).hasSize(1);
            s.verifyCapture();
        }
    }

    @Test
    void udhcpcPicksOneOfTwoServersOffers() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            s.server.stub(onDiscover().respond(defaultReply().alsoFrom(rogueServerId(s.host(2)))));

            BackgroundProcess client = s.lab.start(UdhcpcTest.udhcpc(s).build());
            DhcpEvent bound = s.awaitEvent(client, "bound");

            List<JournalEntry> offers = s.entries(JournalEntry.Kind.SENT, MessageType.OFFER);
            assertThat(offers).extracting(e -> e.message().get().serverIdentifier().get().getHostAddress())
                    .containsExactly(s.host(1), s.host(2));
            JournalEntry request = s.awaitEntry("REQUEST(SELECTING)", e -> e.isReceived()
                    && e.is(MessageType.REQUEST) && e.message().get().serverIdentifier().isPresent());
            // udhcpc takes the first OFFER it hears: ours went out first
            assertThat(request.message().get().serverIdentifier().get().getHostAddress()).isEqualTo(s.host(1));
            assertThat(bound.serverId()).isEqualTo(s.host(1));
            s.verifyCapture();
        }
    }

    @Test
    void udhcpcGoesBackToInitAfterANak() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            s.server.stub(onRequest().from(s.lab.clientMac()).respond(nak("try again")).once());

            BackgroundProcess client = s.lab.start(UdhcpcTest.udhcpc(s).build());
            s.awaitEvent(client, "nak");
            DhcpEvent bound = s.awaitEvent(client, "bound");

            assertThat(bound.ip()).isEqualTo(s.host(100));
            List<JournalEntry> fromClient = s.server.journal().entries(e -> e.isReceived());
            assertThat(fromClient).extracting(e -> e.messageType().get())
                    .startsWith(MessageType.DISCOVER, MessageType.REQUEST, MessageType.DISCOVER,
                            MessageType.REQUEST);
            assertThat(s.entries(JournalEntry.Kind.SENT, MessageType.NAK).get(0).message().get().message())
                    .contains("try again");
            s.verifyCapture();
        }
    }
}
