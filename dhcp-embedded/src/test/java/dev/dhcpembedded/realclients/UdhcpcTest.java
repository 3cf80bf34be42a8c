package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.netns.BackgroundProcess;
import dev.dhcpembedded.netns.ClientCommands;
import dev.dhcpembedded.netns.ClientScript;
import dev.dhcpembedded.netns.DhcpEvent;
import dev.dhcpembedded.netns.Signal;
import dev.dhcpembedded.testsupport.RealHosts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** busybox udhcpc in a namespace against the server bound to the lab's veth. */
class UdhcpcTest {

    @BeforeEach
    void needsUdhcpc() {
        RealHosts.assumeBinary("udhcpc");
        RealHosts.assumeBinary("tshark");
    }

    private static ClientCommands.Udhcpc udhcpc(ServedLab s) {
        return ClientCommands.udhcpc(s.lab.clientInterface(), s.lab.script(ClientScript.UDHCPC))
                .discover(3, Duration.ofSeconds(1)).requestStaticRoutes().hostname("lab-udhcpc");
    }

    @Test
    void doraConfiguresAddressRoutesAndOptions() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(udhcpc(s).build());
            DhcpEvent bound = s.awaitEvent(client, "bound");

            assertThat(bound.ip()).isEqualTo(s.host(100));
            assertThat(bound.mask()).isEqualTo("24");
            assertThat(bound.routers()).containsExactly(s.host(1));
            assertThat(bound.dns()).containsExactly(s.host(53));
            assertThat(bound.domain()).isEqualTo(ServedLab.DOMAIN);
            assertThat(bound.serverId()).isEqualTo(s.host(1));
            assertThat(bound.staticRoutes()).containsExactly("10.30.0.0/16", s.host(254), "0.0.0.0/0", s.host(1));
            assertThat(s.lab.clientAddresses()).containsExactly(s.host(100) + "/24");
            assertThat(s.lab.clientRoutes()).contains("default via " + s.host(1) + " dev " + s.lab.clientInterface())
                    .anyMatch(r -> r.startsWith("10.30.0.0/16 via " + s.host(254)));

            JournalEntry discover = s.entries(JournalEntry.Kind.RECEIVED, MessageType.DISCOVER).get(0);
            assertThat(discover.message().get().parameterRequestList()).contains(OptionCode.SUBNET_MASK,
                    OptionCode.ROUTER, OptionCode.DOMAIN_NAME_SERVER, OptionCode.DOMAIN_NAME,
                    OptionCode.CLASSLESS_STATIC_ROUTE);
            assertThat(discover.message().get().hostname()).contains("lab-udhcpc");
            assertThat(discover.interfaceName()).isEqualTo(s.lab.serverInterface());
            JournalEntry request = s.entries(JournalEntry.Kind.RECEIVED, MessageType.REQUEST).get(0);
            assertThat(request.message().get().requestedIpAddress().get().getHostAddress()).isEqualTo(s.host(100));
            assertThat(request.message().get().serverIdentifier().get().getHostAddress()).isEqualTo(s.host(1));
            assertThat(s.server.lease(s.lab.clientMac()).get().state()).isEqualTo(LeaseState.BOUND);

            s.verifyCapture();
        }
    }
}
