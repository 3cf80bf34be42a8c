package dev.dhcpembedded.examples;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.codec.OptionCode.ROUTER;
import static dev.dhcpembedded.codec.OptionCode.SUBNET_MASK;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.testcontainers.DhcpClientContainer;
import dev.dhcpembedded.testcontainers.DhcpNetwork;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.Signal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Your device's DHCP client runs in a container; its DHCP comes from the server in this JVM.
 *
 * <p>Copy this and change the container: {@code new DhcpClientContainer("my-agent:1.4", Client.UDHCPC)} if your
 * image has busybox, or a {@code GenericContainer} of your own on {@code NETWORK} with NET_ADMIN and NET_RAW. The
 * DhcpNetwork's agent container carries the DHCP packets to and from this JVM, so no privilege is needed: CI runs
 * this class as an ordinary user in the docker group.
 * The image is {@code busybox:1.36.1} unless {@code -Ddhcp.clientImage.busybox=...} names another (this module's
 * pom names the one {@code .ci/build-images.sh} builds, since nothing is pulled in CI).
 */
// tag::network[]
@Testcontainers(disabledWithoutDocker = true)   // skipped without Docker (the junit-extension tests fail then in CI)
class DhcpNetworkContainerExampleTest {

    private static final String DEVICE_MAC = "02:42:de:c0:00:01";

    @Container
    static final DhcpNetwork NETWORK = DhcpNetwork.builder()
            .subnet(s -> s.leaseTime(Duration.ofMinutes(10)).domainName("lab.test"))   // shaped as the server's
            .build();

    @BeforeAll
    static void reserveAnAddressForTheDevice() {           // the 6th address of the pool, whatever the subnet
        NETWORK.server().addStaticLease(DEVICE_MAC, NETWORK.poolAddress(5));
    }

    @Container
    final DhcpClientContainer device = DhcpClientContainer.udhcpc()   // busybox udhcpc, Docker's address flushed
            .withNetwork(NETWORK)
            .withMacAddress(DEVICE_MAC)
            .withUdhcpc(u -> u.hostname("thermostat").vendorClass("acme-fw-1.2"))
            .waitingForLease();                                // start() returns once the client is bound

    @Test
    void theDeviceBootsWithTheAddressReservedForItsMac() {
        DhcpAssertions.assertThat(NETWORK.server()).received(DISCOVER).from(DEVICE_MAC)
                .withHostname("thermostat").withVendorClass("acme-fw-1.2")
                .withParameterRequestList(SUBNET_MASK, ROUTER);
        DhcpAssertions.assertThat(NETWORK.server()).client(DEVICE_MAC)
                .sentInOrder(DISCOVER, REQUEST).hasLease(NETWORK.poolAddress(5));

        // what the client configured, read back from inside the container
        assertThat(device.ipv4Addresses()).containsExactly(NETWORK.poolAddress(5) + "/" + NETWORK.prefixLength());
        assertThat(device.defaultGateway()).contains(NETWORK.gateway());
        assertThat(device.lease()).map(DhcpEvent::domain).contains("lab.test");
    }

    @Test
    void afterANakTheDeviceStartsOverAndGetsALeaseAgain() {
        NETWORK.server().stub(onRequest().from(DEVICE_MAC).respond(nak("address moved")).once());

        device.release();                                     // udhcpc: SIGUSR2 sends RELEASE
        device.signalClient(Signal.USR1);                        // and SIGUSR1 starts over: DISCOVER, REQUEST -> NAK
        DhcpEvent nakd = device.awaitEvent("nak", 1, Duration.ofSeconds(20));
        DhcpEvent bound = device.awaitEvent("bound", 2, Duration.ofSeconds(20));

        assertThat(nakd.event()).isEqualTo("nak");
        assertThat(bound.ip()).isEqualTo(NETWORK.poolAddress(5));
        DhcpAssertions.assertThat(NETWORK.server()).client(DEVICE_MAC).released().wentBackToInitAfterNak();
    }
}
// end::network[]
