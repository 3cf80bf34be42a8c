package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DHCPv6 RECONFIGURE (RFC 8415 §18.3.11) against dhcpcd, which sends Reconfigure Accept when its configuration says
 * {@code option dhcp6_reconfigure_accept}, and takes a RECONFIGURE only when it is authenticated with the key the server
 * gave it in its REPLY (§20.4).
 */
class Reconfigure6DhcpcdTest {

    @BeforeEach
    void needs() {
        RealHosts.assumeBinary("dhcpcd");
        RealHosts.assumeBinary("tshark");
        RealHosts.assumeBinary("dumpcap");
    }

    @Test
    void dhcpcdRenewsAtOnceOnAnAuthenticatedReconfigure() throws Exception {
        try (RaLab s = new RaLab(ra -> ra.managed(true).otherConfig(true), sub -> { }, b -> b.reconfigureKeys())) {
            BackgroundProcess client = s.lab.start(ClientCommands.dhcpcd6(s.lab.clientInterface(),
                    s.lab.script(ClientScript.DHCPCD6), s.lab.stateDir("dhcpcd6"))
                    .conf("option dhcp6_reconfigure_accept").build());   // dhcpcd sends option 20 only when told to
            s.awaitEvent(client, "BOUND6", "ip6=2001:db8:1::100");
            var request = s.server.journal().received(Dhcp6MessageType.REQUEST).get(0).message6().orElseThrow();
            assertThat(request.hasOption(Dhcp6OptionCode.RECONF_ACCEPT)).as("dhcpcd accepts reconfiguration").isTrue();
            Duid duid = request.clientId().orElseThrow();
            assertThat(s.server.journal().sent(Dhcp6MessageType.REPLY).get(0).message6().orElseThrow()
                    .hasOption(Dhcp6OptionCode.AUTH)).as("the key in the REPLY").isTrue();

            s.server.v6().reconfigure(duid, Dhcp6MessageType.RENEW);   // T1 is 30 min away

            s.await("a RENEW after the RECONFIGURE", client,
                    () -> !s.server.journal().received(Dhcp6MessageType.RENEW).isEmpty());
            s.awaitEvent(client, "RENEW6", "ip6=2001:db8:1::100");
            client.stop(Duration.ofSeconds(3));
            s.verifyCapture("Reconfigure (10)", "Renew (5)", "Reply (7)");
        }
    }
}
