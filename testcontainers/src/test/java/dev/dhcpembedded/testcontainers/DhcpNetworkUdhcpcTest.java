package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Network;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.DhcpEvent;
import java.net.NetworkInterface;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** busybox udhcpc in containers on a DhcpNetwork, which Testcontainers starts through @Container. */
@RequiresDockerBridge
@Testcontainers
class DhcpNetworkUdhcpcTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String STATIC_MAC = "02:42:0d:0e:0f:42";

    @Container
    static final DhcpNetwork NETWORK = DhcpNetwork.builder().serveFromHostBridge()
            .subnet(s -> s.leaseTime(Duration.ofMinutes(10)).dns("198.51.100.53").domainName("lab.test"))
            .build();

    @BeforeAll
    static void reserveThe21stPoolAddress() { // Docker's IPAM chose the subnet: the address is known once it runs
        NETWORK.server().addStaticLease(STATIC_MAC, NETWORK.poolAddress(20));
    }

    @Test
    void theNetworkIsInternalAndServedOnItsBridgeOnly() throws Exception {
        Network inspected = DockerClientFactory.instance().client().inspectNetworkCmd()
                .withNetworkId(NETWORK.getId()).exec();
        assertThat(inspected.getInternal()).isTrue();
        assertThat(inspected.getIpam().getConfig()).singleElement().satisfies(c -> {
            assertThat(c.getSubnet()).isEqualTo(NETWORK.subnet());
            assertThat(c.getGateway()).isEqualTo(NETWORK.gateway());
            assertThat(c.getIpRange()).isEqualTo(NETWORK.dockerRange());
        });
        assertThat(NetworkInterface.getByName(NETWORK.bridgeInterface())).isNotNull();
        assertThat(NETWORK.server().interfaceName()).contains(NETWORK.bridgeInterface());
        assertThat(NETWORK.server().serverIdentifier().getHostAddress()).isEqualTo(NETWORK.gateway());
        assertThat(NETWORK.inPool(NETWORK.poolFirst())).isTrue();
        assertThat(NETWORK.inPool(NETWORK.gateway())).isFalse();
    }

    @Test
    void udhcpcGetsItsLeaseFromTheEmbeddedServer() {
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK)) {
            device.start();
            String mac = device.macAddress();
            DhcpEvent bound = device.awaitLease(LEASE);

            DhcpAssertions.assertThat(NETWORK.server()).awaitingAtMost(Duration.ofSeconds(5))
                    .received(DISCOVER).from(mac);
            DhcpAssertions.assertThat(NETWORK.server()).client(mac)
                    .sentInOrder(DISCOVER, REQUEST).hasLease(bound.ip());
            DhcpAssertions.assertThat(NETWORK.server()).received(REQUEST).from(mac)
                    .withRequestedIpAddress(bound.ip()).withServerIdentifier(NETWORK.gateway());

            assertThat(NETWORK.inPool(bound.ip())).as("%s in the pool", bound.ip()).isTrue();
            assertThat(bound.dns()).containsExactly("198.51.100.53");
            assertThat(device.ipv4Addresses()).containsExactly(bound.ip() + "/" + NETWORK.prefixLength());
            assertThat(device.defaultGateway()).contains(NETWORK.gateway());
            assertThat(device.routes()).anyMatch(r -> r.startsWith(NETWORK.subnet() + " "));
            assertThat(NETWORK.journal().forClient(dev.dhcpembedded.codec.MacAddress.parse(mac)))
                    .extracting(JournalEntry::interfaceName).containsOnly(NETWORK.bridgeInterface());
        }
    }

    @Test
    void aNakOnceSendsTheContainerBackToAFreshDora() {
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK)
                .withMacAddress("02:42:0d:0e:0f:01")) {
            String mac = "02:42:0d:0e:0f:01";
            NETWORK.server().stub(onRequest().from(mac).respond(nak("scripted across the container boundary"))
                    .once());
            device.start();
            DhcpEvent bound = device.awaitLease(LEASE);

            assertThat(device.events()).anyMatch(e -> e.is("nak"));
            DhcpAssertions.assertThat(NETWORK.server()).client(mac)
                    .sentInOrder(DISCOVER, REQUEST, DISCOVER, REQUEST).wentBackToInitAfterNak();
            DhcpAssertions.assertThat(NETWORK.server()).sent(NAK).to(mac).once();
            DhcpAssertions.assertThat(NETWORK.server()).sent(OFFER).to(mac).times(2);
            DhcpAssertions.assertThat(NETWORK.server()).sent(ACK).to(mac).withYiaddr(bound.ip()).once();
            assertThat(device.ipv4Address()).contains(bound.ip());
        }
    }

    @Test
    void twoContainersGetDistinctAddresses() {
        try (DhcpClientContainer first = TestImages.udhcpc().withNetwork(NETWORK).waitingForLease();
             DhcpClientContainer second = TestImages.udhcpc().withNetwork(NETWORK).waitingForLease()) {
            first.start();
            second.start();
            String a = first.ipv4Address().orElseThrow();
            String b = second.ipv4Address().orElseThrow();

            assertThat(a).isNotEqualTo(b);
            assertThat(NETWORK.inPool(a)).isTrue();
            assertThat(NETWORK.inPool(b)).isTrue();
            DhcpAssertions.assertThat(NETWORK.server()).client(first.macAddress()).hasLease(a);
            DhcpAssertions.assertThat(NETWORK.server()).client(second.macAddress()).hasLease(b);
        }
    }

    @Test
    void aStaticLeaseForTheContainersMacIsHonoured() {
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK)
                .withCreateContainerCmdModifier(cmd -> cmd.withMacAddress(STATIC_MAC))
                .waitingForLease()) {
            device.start();

            assertThat(device.macAddress()).isEqualTo(STATIC_MAC);
            assertThat(device.ipv4Address()).contains(NETWORK.poolAddress(20));
            DhcpAssertions.assertThat(NETWORK.server()).client(STATIC_MAC).hasLease(NETWORK.poolAddress(20));
        }
    }
}
