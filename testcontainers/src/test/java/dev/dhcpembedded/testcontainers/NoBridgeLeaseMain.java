package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;

import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.lab.DhcpEvent;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Run by {@link WhereTheBridgeCannotBeSeenTest} in a network namespace without any Docker bridge: starts a
 * DhcpNetwork (through its agent, reached at TESTCONTAINERS_HOST_OVERRIDE) and a udhcpc container on it, and prints
 * what it saw, one {@code KEY value} line each. Exits 0 once the client is bound and everything is closed.
 */
final class NoBridgeLeaseMain {

    private NoBridgeLeaseMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("INTERFACES " + NetworkInterface.networkInterfaces().map(NetworkInterface::getName)
                .sorted().collect(Collectors.joining(",")));
        try (DhcpNetwork network = DhcpNetwork.builder().subnet(s -> s.leaseTime(Duration.ofMinutes(10))).build()) {
            network.start();
            System.out.println("NETWORK " + network.getName());
            String bridge = network.bridgeInterface();
            System.out.println("BRIDGE " + bridge + " visible=" + (NetworkInterface.getByName(bridge) != null));
            try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(network)) {
                device.start();
                String mac = device.macAddress();
                DhcpEvent bound = device.awaitLease(Duration.ofSeconds(30));
                DhcpAssertions.assertThat(network.server()).client(mac).sentInOrder(DISCOVER, REQUEST)
                        .hasLease(bound.ip());
                System.out.println("LEASE " + bound.ip() + " inPool=" + network.inPool(bound.ip()) + " device="
                        + String.join(",", device.ipv4Addresses()));
            }
        }
        System.out.println("DONE");
        System.exit(0);
    }
}
