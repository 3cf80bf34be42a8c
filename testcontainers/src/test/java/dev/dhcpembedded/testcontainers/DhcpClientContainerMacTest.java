package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.lab.DhcpEvent;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link DhcpClientContainer#withMacAddress(String)} on every engine (issue 21, item 7): the container sets the MAC
 * on its interface itself and reads it back; a MAC the interface does not have fails the start, naming both and the
 * engine, and the client never runs. Through the agent, so CI runs it on Docker and on rootless Podman.
 */
@RequiresDockerAgent
@Testcontainers
class DhcpClientContainerMacTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String STATIC_MAC = "02:42:0d:0e:0f:42";

    @Container
    static final DhcpNetwork NETWORK = DhcpNetwork.builder().build();

    @BeforeAll
    static void reserveThe21stPoolAddress() {
        NETWORK.server().addStaticLease(STATIC_MAC, NETWORK.poolAddress(20));
    }

    @Test
    void theStaticLeaseOfTheAskedMacIsHonoured() {
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK).withMacAddress("02:42:0D:0E:0F:42")
                .waitingForLease()) {
            device.start();
            DhcpEvent bound = device.awaitLease(LEASE);

            assertThat(device.macAddress()).isEqualTo(STATIC_MAC);
            assertThat(device.getLogs()).contains(DhcpClientContainer.READY_MARKER + " iface=eth0 mac=" + STATIC_MAC);
            assertThat(bound.ip()).isEqualTo(NETWORK.poolAddress(20));
            assertThat(device.ipv4Address()).contains(NETWORK.poolAddress(20));
            DhcpAssertions.assertThat(NETWORK.server()).client(STATIC_MAC).hasLease(NETWORK.poolAddress(20));
        }
    }

    @Test
    void aMacTheInterfaceDoesNotHaveFailsTheStartNamingBothAndTheEngine() {
        String asked = "02:42:0d:0e:0f:99";
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(NETWORK).withMacAddress(asked)
                .withoutSettingTheMacInside().waitingForLease()) {
            assertThatThrownBy(device::start).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageMatching("container \\S+ was asked for MAC " + asked + " on eth0, but eth0 has MAC "
                            + "(\\p{XDigit}{2}:){5}\\p{XDigit}{2} \\(engine: .*Engine .*\\); the DHCP client was not "
                            + "started\\. .*")
                    .hasMessageContaining("DHCP-CONTAINER mac-mismatch asked=" + asked);
        }
    }

    @Test
    void aMacThatIsNotSixBytesOrIsMulticastIsRefusedAtOnce() {
        assertThatThrownBy(() -> TestImages.udhcpc().withMacAddress("02:00:00:00:42"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 5 bytes");
        assertThatThrownBy(() -> TestImages.udhcpc().withMacAddress("03:00:00:00:00:42"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multicast");
    }
}
