package dev.dhcpembedded.examples.modern;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An address conflict on the link: {@code conflictOn(address)} makes a made-up host answer ARP for the address the
 * server offers first. A device that checks its offer with ARP (here busybox udhcpc with {@code -a}) must DECLINE it
 * and take the next one; the server keeps the declined address on probation. Needs root and udhcpc (skipped
 * without, failed under CI).
 */
class AddressConflictExampleTest {

    @Test
    void theDeviceDeclinesAnAddressSomeoneElseAnswersArpFor() {
        RealHosts.assumeBinary("udhcpc");
        try (HostLab lab = HostLab.create();
             DhcpServer dhcp = DhcpServer.builder()
                     .bindInterface(lab.serverInterface())
                     .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199))
                             .router(lab.serverAddress()))
                     .start()) {
            String taken = lab.subnet24().host(100);
            dhcp.conflictOn(taken);                                       // ARP replies from 02:c0:...

            BackgroundProcess device = lab.start(ClientCommands.udhcpc(lab.clientInterface(),
                    lab.script(ClientScript.UDHCPC)).arg("-a").build());   // -a: check the offer with ARP

            String next = lab.subnet24().host(101);
            Awaitility.await().atMost(Duration.ofSeconds(40))
                    .until(() -> lab.clientAddresses().contains(next + "/24"));
            assertThat(dhcp).client(lab.clientMac()).declined(taken).hasLease(next);
            device.stop(Duration.ofSeconds(5));
        }
    }
}
