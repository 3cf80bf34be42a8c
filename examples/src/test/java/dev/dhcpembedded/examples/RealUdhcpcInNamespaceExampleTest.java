package dev.dhcpembedded.examples;

import static dev.dhcpembedded.codec.OptionCode.DOMAIN_NAME;
import static dev.dhcpembedded.codec.OptionCode.DOMAIN_NAME_SERVER;
import static dev.dhcpembedded.codec.OptionCode.ROUTER;
import static dev.dhcpembedded.codec.OptionCode.SUBNET_MASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHostSupport;
import dev.dhcpembedded.server.DhcpServer;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A real DHCP client, busybox {@code udhcpc}, gets its lease from the embedded server over a veth pair into a
 * network namespace, and the test asserts what the client sent.
 *
 * <p>The server listens on UDP port 67 of the lab's root-side veth only ({@code bindInterface}), so nothing
 * outside the namespace can reach it or be answered by it. Needs root (namespaces, port 67), {@code ip} and
 * {@code udhcpc}; without them the test is skipped, unless {@code -Ddhcp.requireRealHosts=true} (set by the build
 * under {@code CI=true}) makes it fail instead.
 */
class RealUdhcpcInNamespaceExampleTest {

    @Test
    void busyboxUdhcpcLeasesAnAddressAndTheJournalShowsWhatItSent() {
        requireRealHosts("udhcpc");

        // tag::lab[]
        try (HostLab lab = HostLab.create();                                 // namespace + veth pair, x.y.z.1/24
             DhcpServer dhcp = DhcpServer.builder()
                     .bindInterface(lab.serverInterface())                   // port 67 of that veth, nowhere else
                     .subnet(lab.subnet(), s -> s
                             .pool(lab.subnet24().host(100), lab.subnet24().host(199))
                             .router(lab.serverAddress())
                             .dns(lab.subnet24().host(53))
                             .domainName("lab.test")
                             .leaseTime(Duration.ofMinutes(10)))
                     .start()) {

            // the device under test: udhcpc inside the namespace, once (-q -n), with a hostname and vendor class
            BackgroundProcess udhcpc = lab.start(ClientCommands
                    .udhcpc(lab.clientInterface(), lab.script(ClientScript.UDHCPC))
                    .hostname("thermostat")
                    .vendorClass("acme-fw-1.2")
                    .oneShot()
                    .build());
            assertThat(udhcpc.waitFor(Duration.ofSeconds(20))).as(udhcpc.output()).hasValue(0);

            // the client configured what it was given
            String expected = lab.subnet24().host(100);
            DhcpEvent bound = DhcpEvent.all(udhcpc.output()).stream().filter(e -> e.is("bound")).findFirst()
                    .orElseThrow(() -> new AssertionError("no bound event:\n" + udhcpc.output()));
            assertThat(bound.ip()).isEqualTo(expected);
            assertThat(bound.routers()).containsExactly(lab.serverAddress());
            assertThat(bound.domain()).isEqualTo("lab.test");
            assertThat(lab.clientAddresses()).containsExactly(expected + "/24");

            // what the client sent, from the server's journal
            DhcpMessage discover = dhcp.journal().received(MessageType.DISCOVER).get(0).message().orElseThrow();
            assertThat(discover.clientMac().toString()).isEqualToIgnoringCase(lab.clientMac());
            assertThat(discover.hostname()).contains("thermostat");
            assertThat(discover.vendorClassIdentifier()).contains("acme-fw-1.2");
            assertThat(discover.parameterRequestList()).contains(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER, DOMAIN_NAME);

            DhcpMessage request = dhcp.journal().received(MessageType.REQUEST).get(0).message().orElseThrow();
            assertThat(request.requestedIpAddress().map(Inet4Address::getHostAddress)).contains(expected);
            assertThat(request.serverIdentifier().map(Inet4Address::getHostAddress)).contains(lab.serverAddress());
            assertThat(request.ciaddr().isAnyLocalAddress()).as("ciaddr of the REQUEST").isTrue();

            assertThat(dhcp.journal().sent()).extracting(e -> e.messageType().orElseThrow())
                    .containsExactly(MessageType.OFFER, MessageType.ACK);
            assertThat(dhcp.lease(lab.clientMac())).get()
                    .satisfies(lease -> assertThat(lease.state()).isEqualTo(LeaseState.BOUND))
                    .satisfies(lease -> assertThat(lease.addressText()).isEqualTo(expected));
        }
        // end::lab[]
    }

    /**
     * Skips the test when this machine cannot run namespaces or lacks {@code binary}; fails instead when the system
     * property {@code dhcp.requireRealHosts} is {@code true}, so that CI cannot skip it silently.
     */
    static void requireRealHosts(String binary) {
        Optional<String> missing = RealHostSupport.missingReason().or(() -> RealHostSupport.missingBinary(binary));
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getProperty("dhcp.requireRealHosts"))) {
            fail(missing.get() + " (dhcp.requireRealHosts=true, so this test may not be skipped)");
        }
        assumeTrue(false, missing.get());
    }
}
