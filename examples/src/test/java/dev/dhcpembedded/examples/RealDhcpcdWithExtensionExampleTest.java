package dev.dhcpembedded.examples;

import static dev.dhcpembedded.examples.RealUdhcpcInNamespaceExampleTest.requireRealHosts;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.junit.DhcpServerExtension;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.DhcpcdCommand;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real client in a lab, with the JUnit extension managing the server: a fresh namespace and veth pair per test (an
 * instance field), and the server bound to its root-side end. Unlike try-with-resources, the extension writes a
 * failed test's exchange (pcap and report) under target/dhcp-traffic. Needs root and dhcpcd.
 */
class RealDhcpcdWithExtensionExampleTest {

    @BeforeAll
    static void needsRootAndDhcpcd() {
        requireRealHosts("dhcpcd");
    }

    // tag::lab-extension[]
    final HostLab lab = HostLab.create();                        // per test: a namespace and a veth pair

    @RegisterExtension
    final DhcpServerExtension dhcp = DhcpServerExtension.of(DhcpServer.builder()
            .bindInterface(lab.serverInterface())                // port 67 of the lab's root-side veth
            .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199))
                    .router(lab.serverAddress())
                    .leaseTime(Duration.ofMinutes(10))));

    @AfterEach
    void closeLab() {
        lab.close();
    }

    @Test
    void dhcpcdRenewsWhenTold() {
        DhcpcdCommand dhcpcd = ClientCommands.dhcpcd(lab.clientInterface(), lab.script(ClientScript.DHCPCD),
                lab.stateDir("dhcpcd"));
        BackgroundProcess client = lab.start(dhcpcd.build());
        await().atMost(Duration.ofSeconds(20))                        // its script reports each event
                .until(() -> DhcpEvent.all(client.output()).stream().anyMatch(e -> e.is("BOUND")));
        assertThat(dhcp.server()).client(lab.clientMac()).hasLease(lab.subnet24().host(100));

        lab.exec(Duration.ofSeconds(10), dhcpcd.renewCommand());   // dhcpcd -N: renew now, not at T1
        assertThat(dhcp.server()).awaiting().client(lab.clientMac()).renewedByUnicast();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> DhcpEvent.all(client.output()).stream().anyMatch(e -> e.is("RENEW")));
        client.stop(Duration.ofSeconds(2));
    }
    // end::lab-extension[]
}
