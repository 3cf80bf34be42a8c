package dev.dhcpembedded.realclients;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec.RequestState;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.DhcpcdCommand;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the lab's dhcpcd reports and the switches a client suite needs (issue 23, item 6): every option it received
 * in its event (12, 26, 43, 119, 252 included), the MTU put on the interface by its script, a renewal and a rebind
 * on command, and offers without a server identifier taken when asked to.
 */
class DhcpcdReportingTest {

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
    void reportsEveryOptionItReceivedAndSetsTheMtu() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10), b -> b
                .option(DhcpOption.of(OptionCode.of(26), new byte[] {0x05, 0x78}))           // MTU 1400
                .option(DhcpOptions.hostname("thermostat"))
                .option(DhcpOptions.domainSearch("lab.test", "corp.test"))
                .option(DhcpOptions.text(OptionCode.of(252), "http://wpad.lab.test/wpad.dat"))
                .option(DhcpOption.of(OptionCode.of(43), new byte[] {1, 4, (byte) 0xc0, (byte) 0xa8, 0, 1})))) {
            BackgroundProcess client = s.lab.start(dhcpcd(s).build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            assertThat(bound.mtu()).as(client.output()).hasValue(1400);
            assertThat(bound.hostname()).contains("thermostat");
            assertThat(bound.domainSearch()).containsExactly("lab.test", "corp.test");
            assertThat(bound.wpadUrl()).contains("http://wpad.lab.test/wpad.dat");
            assertThat(bound.vendorSpecific()).contains("0104c0a80001");
            assertThat(bound.option("new_interface_mtu")).contains("1400");   // dhcpcd's own name, too
            CommandResult link = s.lab.exec(ServedLab.AWAIT, "ip", "link", "show", s.lab.clientInterface());
            assertThat(link.stdout()).as("the client interface after BOUND").contains("mtu 1400");
            s.verifyCapture();
        }
    }

    @Test
    void renewsAndRebindsOnCommand() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            DhcpcdCommand d = dhcpcd(s);
            BackgroundProcess client = s.lab.start(d.build());
            s.awaitEvent(client, "BOUND");

            CommandResult renew = s.lab.exec(ServedLab.AWAIT, d.renewCommand());
            assertThat(renew.ok()).as(renew.describe()).isTrue();
            JournalEntry renewing = s.awaitEntry("a RENEWING REQUEST", e -> e.isReceived() && e.is(MessageType.REQUEST)
                    && e.message().map(m -> RequestState.of(m, false) == RequestState.RENEWING).orElse(false)
                    && !e.message().get().ciaddr().isAnyLocalAddress());
            assertThat(renewing.message().get().ciaddr().getHostAddress()).isEqualTo(s.host(100));
            s.awaitEvent(client, "RENEW");

            long requestsBefore = s.entries(JournalEntry.Kind.RECEIVED, MessageType.REQUEST).size();
            CommandResult rebind = s.lab.exec(ServedLab.AWAIT, d.rebindCommand());
            assertThat(rebind.ok()).as(rebind.describe()).isTrue();
            s.await("a REQUEST after dhcpcd -n",
                    () -> s.entries(JournalEntry.Kind.RECEIVED, MessageType.REQUEST).size() > requestsBefore);
            assertThat(s.server.lease(s.lab.clientMac()).orElseThrow().addressText()).isEqualTo(s.host(100));
            client.stop(Duration.ofSeconds(2));
            s.verifyCapture();
        }
    }

    @Test
    void takesAnOfferWithoutServerIdentifierWhenToldTo() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            s.server.stub(onDiscover().respond(defaultReply().withoutOption(OptionCode.SERVER_IDENTIFIER)));
            s.server.stub(onRequest().respond(defaultReply().withoutOption(OptionCode.SERVER_IDENTIFIER)));
            BackgroundProcess client = s.lab.start(dhcpcd(s).requireServerIdentifier(false).build());
            DhcpEvent bound = s.awaitEvent(client, "BOUND");

            assertThat(bound.ip()).isEqualTo(s.host(100));
            assertThat(s.entries(JournalEntry.Kind.SENT, MessageType.OFFER).get(0).message().orElseThrow()
                    .serverIdentifier()).isEmpty();
            client.stop(Duration.ofSeconds(2));
        }
    }
}
