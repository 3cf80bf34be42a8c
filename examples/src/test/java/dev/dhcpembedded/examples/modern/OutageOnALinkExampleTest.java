package dev.dhcpembedded.examples.modern;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHosts;
import dev.dhcpembedded.lab.Signal;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A server outage seen by a real device: while {@code pause()}d, the server bound to an interface answers neither
 * DHCP nor ARP for its address, and journals what it hears. The device's renewal goes unanswered, it rebinds by
 * broadcast, and once {@code resume()}d the server ACKs and the device keeps its address. Needs root and udhcpc
 * (skipped without, failed under CI).
 */
class OutageOnALinkExampleTest {

    @Test
    void theDeviceRebindsThroughAnOutageAndKeepsItsAddress() {
        RealHosts.assumeBinary("udhcpc");
        try (HostLab lab = HostLab.create();
             DhcpServer dhcp = DhcpServer.builder()
                     .bindInterface(lab.serverInterface())
                     .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199))
                             .router(lab.serverAddress()).leaseTime(Duration.ofMinutes(10)))
                     .start()) {
            String mac = lab.clientMac();
            String address = lab.subnet24().host(100);
            BackgroundProcess device = lab.start(ClientCommands.udhcpc(lab.clientInterface(),
                    lab.script(ClientScript.UDHCPC)).discover(8, Duration.ofSeconds(1)).build());
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> lab.clientAddresses().contains(address + "/24"));

            dhcp.pause();
            device.signal(Signal.USR1);                                  // renew now (udhcpc's T1 is minutes away)
            assertThat(dhcp).awaitingAtMost(Duration.ofSeconds(15)).client(mac).rebindedByBroadcast();
            org.assertj.core.api.Assertions.assertThat(dhcp.journal().sent()).hasSize(2); // the lease's OFFER, ACK

            dhcp.resume();
            // the device's next retransmission is ACKed; a unicast renewal its kernel held back while ARP for the
            // server went unanswered may be let out and ACKed as well: at least one ACK more, not exactly one
            assertThat(dhcp).awaitingAtMost(Duration.ofSeconds(15)).sent(MessageType.ACK).withYiaddr(address)
                    .atLeast(2);
            assertThat(dhcp).client(mac).hasLease(address);
            org.assertj.core.api.Assertions.assertThat(lab.clientAddresses()).contains(address + "/24");
            device.stop(Duration.ofSeconds(5));
        }
    }
}
