package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ignore;
import static dev.dhcpembedded.stub.Responses.nak;
import static dev.dhcpembedded.stub.Responses.offer;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Network;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.server.TestClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * busybox udhcpc on a DhcpNetwork served through its agent container: the default, which needs no privilege in
 * this JVM (CI runs this class as an ordinary user in the docker group). Scripting crosses the agent unchanged.
 */
@RequiresDockerAgent
@Testcontainers
class AgentUdhcpcTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final TestClock CLOCK = TestClock.startingNow();

    @Container
    static final DhcpNetwork NETWORK = DhcpNetwork.builder()
            .subnet(s -> s.leaseTime(Duration.ofMinutes(10)).dns("198.51.100.53").domainName("lab.test"))
            .server(b -> b.clock(CLOCK))
            .build();

    private static String agentAddress() {
        return NETWORK.server().serverIdentifier().getHostAddress();
    }

    @Test
    void theServerSpeaksFromTheAgentOnANetworkThatIsNotMasqueraded() {
        Network inspected = DockerClientFactory.instance().client().inspectNetworkCmd()
                .withNetworkId(NETWORK.getId()).exec();
        if (onPodman()) {
            // Podman's Docker API keeps com.docker.network.bridge.name and drops the other bridge options, and
            // netavark (1.4) has no unmasqueraded bridge: there the network is masqueraded. Kept visible here so that
            // the day Podman honours the option, this fails and the difference can go.
            assertThat(inspected.getOptions()).doesNotContainKey(DockerNetworks.MASQUERADE_OPTION);
        } else {
            assertThat(inspected.getOptions()).containsEntry(DockerNetworks.MASQUERADE_OPTION, "false");
        }
        assertThat(inspected.getContainers()).containsKey(NETWORK.agentContainerId().orElseThrow());
        assertThat(NETWORK.server().address()).isEqualTo(new InetSocketAddress(agentAddress(), 67));
        assertThat(agentAddress()).isNotEqualTo(NETWORK.gateway());
        assertThat(NETWORK.inPool(agentAddress())).isFalse();
        assertThat(NETWORK.dockerRange()).satisfies(range -> assertThat(agentAddress())
                .startsWith(NETWORK.gateway().substring(0, NETWORK.gateway().lastIndexOf('.'))));
        assertThat(NETWORK.failure()).isEmpty();
    }

    private static boolean onPodman() {
        var components = DockerClientFactory.instance().client().versionCmd().exec().getComponents();
        return components != null && components.stream().anyMatch(c -> c.getName().startsWith("Podman"));
    }

    @Test
    void udhcpcGetsItsLeaseThroughTheAgentAndTheJournalShowsItsRealPackets() {
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK)) {
            device.start();
            String mac = device.macAddress();
            DhcpEvent bound = device.awaitLease(LEASE);

            DhcpAssertions.assertThat(NETWORK.server()).client(mac).sentInOrder(DISCOVER, REQUEST)
                    .hasLease(bound.ip());
            DhcpAssertions.assertThat(NETWORK.server()).received(REQUEST).from(mac)
                    .withRequestedIpAddress(bound.ip()).withServerIdentifier(agentAddress());
            assertThat(NETWORK.inPool(bound.ip())).isTrue();
            assertThat(bound.dns()).containsExactly("198.51.100.53");
            assertThat(device.ipv4Addresses()).containsExactly(bound.ip() + "/" + NETWORK.prefixLength());
            assertThat(device.defaultGateway()).contains(NETWORK.gateway());

            List<JournalEntry> entries = NETWORK.journal().forClient(MacAddress.parse(mac));
            JournalEntry discover = entries.stream().filter(e -> e.isReceived() && e.is(DISCOVER)).findFirst()
                    .orElseThrow();
            assertThat(discover.source()).isEqualTo(new InetSocketAddress("0.0.0.0", 68));
            assertThat(discover.destination()).isEqualTo(new InetSocketAddress("255.255.255.255", 67));
            JournalEntry offer = entries.stream().filter(e -> e.isSent() && e.is(OFFER)).findFirst().orElseThrow();
            assertThat(offer.source()).isEqualTo(new InetSocketAddress(agentAddress(), 67));
            assertThat(offer.destination()).as("unicast to yiaddr: udhcpc does not set the broadcast flag")
                    .isEqualTo(new InetSocketAddress(bound.ip(), 68));
        }
    }

    @Test
    void aDroppedOfferMakesTheClientRetransmit() {
        String mac = "02:42:0d:0e:0f:02";
        NETWORK.server().stub(onDiscover().from(mac).respond(ignore()).once());
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK).withMacAddress(mac)) {
            device.start();
            DhcpEvent bound = device.awaitLease(LEASE);

            DhcpAssertions.assertThat(NETWORK.server()).client(mac).sentInOrder(DISCOVER, DISCOVER, REQUEST)
                    .hasLease(bound.ip());
            DhcpAssertions.assertThat(NETWORK.server()).sent(OFFER).to(mac).once();
        }
    }

    @Test
    void aNakMakesTheClientStartOver() {
        String mac = "02:42:0d:0e:0f:01";
        NETWORK.server().stub(onRequest().from(mac).respond(nak("scripted across the agent")).once());
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK).withMacAddress(mac)) {
            device.start();
            DhcpEvent bound = device.awaitLease(LEASE);

            assertThat(device.events()).anyMatch(e -> e.is("nak"));
            DhcpAssertions.assertThat(NETWORK.server()).client(mac)
                    .sentInOrder(DISCOVER, REQUEST, DISCOVER, REQUEST).wentBackToInitAfterNak();
            DhcpAssertions.assertThat(NETWORK.server()).sent(NAK).to(mac).once();
            DhcpAssertions.assertThat(NETWORK.server()).sent(ACK).to(mac).withYiaddr(bound.ip()).once();
        }
    }

    @Test
    void aReplyDelayedOnTheTestClockIsReleasedByAdvance() throws Exception {
        String mac = "02:42:0d:0e:0f:03";
        // the most recent stub answers first: the first DISCOVER gets an OFFER held for 5 minutes of the
        // TestClock, its retransmissions get nothing
        NETWORK.server().stub(onDiscover().from(mac).respond(ignore()).times(50));
        NETWORK.server().stub(onDiscover().from(mac).respond(offer().delayOnServerClock(Duration.ofMinutes(5)))
                .once());
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK).withMacAddress(mac)) {
            device.start();
            DhcpAssertions.assertThat(NETWORK.server()).awaitingAtMost(Duration.ofSeconds(10))
                    .received(DISCOVER).from(mac);
            Thread.sleep(1500);
            assertThat(NETWORK.journal().sent(OFFER)).as("no OFFER before the clock moves")
                    .noneMatch(e -> e.clientMac().map(MacAddress.parse(mac)::equals).orElse(false));

            CLOCK.advance(Duration.ofMinutes(5));

            DhcpAssertions.assertThat(NETWORK.server()).awaitingAtMost(Duration.ofSeconds(5)).sent(OFFER).to(mac)
                    .once();
            DhcpEvent bound = device.awaitLease(LEASE);
            DhcpAssertions.assertThat(NETWORK.server()).client(mac).hasLease(bound.ip());
        }
    }
}
