package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec6.Dhcp6MessageType.REPLY;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.REQUEST;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.SOLICIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.lab.Dhclient6Command;
import dev.dhcpembedded.lab.Dhcp6Event;
import dev.dhcpembedded.lab.Dhcpcd6Command;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link DhcpClientContainer} in v6 mode (issue 22): {@code dhclient -6} and {@code dhcpcd -6} get an IA_NA address
 * and a delegated prefix from the server in this JVM, through the agent, with no command written by the test. The
 * container waits for DAD before the client starts and flushes the engine's own global address.
 */
@RequiresDockerAgent(images = {RequiresDockerBridge.Image.DEBIAN})
@Testcontainers
class DhcpClientContainerDhcpv6Test {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String PD_POOL = "fd00:dd00::/48";

    @Container
    static final DhcpNetwork NETWORK = DhcpNetwork.builder().ipv6()
            .subnet6(s -> s.prefixDelegation(PD_POOL, 56).dns("fd00:53::53").domainSearch("v6.test"))
            .build();

    @Test
    void dhclient6GetsAnAddressAndADelegatedPrefix() throws Exception {
        try (DhcpClientContainer client = TestImages.dhclient6().withNetwork(NETWORK)
                .withDhclient6(Dhclient6Command::prefixDelegation).waitingForLease()) {
            client.start();
            Dhcp6Event lease = client.awaitLease6(LEASE);

            assertThat(client.clientCommand()).startsWith("dhclient", "-6").contains("-N", "-P");
            assertLease(client, lease, true);
        }
    }

    @Test
    void dhcpcd6GetsAnAddressAndADelegatedPrefix() throws Exception {
        try (DhcpClientContainer client = TestImages.dhcpcd6().withNetwork(NETWORK)) {
            client.start();
            Dhcp6Event lease = client.awaitLease6(LEASE);

            assertThat(client.clientCommand()).startsWith("dhcpcd", "-6");
            assertLease(client, lease, true);
        }
    }

    @Test
    void dhcpcd6WithoutPrefixDelegationAsksForAnAddressOnly() throws Exception {
        try (DhcpClientContainer client = TestImages.dhcpcd6().withNetwork(NETWORK)
                .withDhcpcd6(Dhcpcd6Command::noPrefixDelegation)) {
            client.start();
            Dhcp6Event lease = client.awaitLease6(LEASE);

            assertLease(client, lease, false);
        }
    }

    @Test
    void theV4AndV6ReadersSayWhichOneToUse() {
        try (DhcpClientContainer v6 = TestImages.dhclient6(); DhcpClientContainer v4 = TestImages.udhcpc()) {
            assertThatThrownBy(() -> v6.awaitLease(LEASE)).hasMessageContaining("use awaitLease6");
            assertThatThrownBy(() -> v4.awaitLease6(LEASE)).hasMessageContaining("use awaitLease");
            assertThatThrownBy(() -> v6.withDhcpcd6(c -> { })).hasMessageContaining("runs DHCLIENT6, not DHCPCD6");
        }
    }

    private static void assertLease(DhcpClientContainer client, Dhcp6Event lease, boolean prefix) throws Exception {
        String subnet = NETWORK.subnet6().orElseThrow();
        assertThat(inPrefix(lease.address(), subnet)).as("%s in %s", lease.address(), subnet).isTrue();
        assertThat(client.ipv6Addresses()).as("only the leased address: the engine's own one was flushed")
                .singleElement().satisfies(a -> assertThat(a).startsWith(lease.address() + "/"));
        assertThat(lease.dns()).containsExactly("fd00:53::53");
        assertThat(lease.search()).as("dhclient writes the root's dot").map(s -> s.replaceAll("\\.$", ""))
                .containsExactly("v6.test");

        Duid duid = duidOf(client);
        DhcpAssertions.assertThat(NETWORK.server()).client(duid).sentInOrder(SOLICIT, REQUEST)
                .hasAddress(lease.address());
        if (prefix) {
            assertThat(lease.prefix()).endsWith("/56");
            assertThat(inPrefix(lease.prefix().substring(0, lease.prefix().indexOf('/')), PD_POOL)).isTrue();
            DhcpAssertions.assertThat(NETWORK.server()).client(duid).hasDelegatedPrefix(lease.prefix());
        } else {
            assertThat(lease.prefix()).isEmpty();
        }
        JournalEntry solicit = NETWORK.journal().received(SOLICIT).stream()
                .filter(e -> e.clientDuid().map(duid::equals).orElse(false)).reduce((a, b) -> b).orElseThrow();
        assertThat(solicit.source().getAddress().isLinkLocalAddress()).isTrue();
        assertThat(NETWORK.journal().sent(REPLY)).anySatisfy(r -> assertThat(r.destination())
                .isEqualTo(solicit.source()));
    }

    /**
     * The DUID of the client's SOLICITs: the last one sent from the container's link-local address (the engine may
     * give the next container the address, and so the MAC, of the one before).
     */
    private static Duid duidOf(DhcpClientContainer client) throws Exception {
        String line = client.exec("ip", "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link").strip();
        String text = line.split("\\s+")[3];
        InetAddress linkLocal = InetAddress.getByName(text.substring(0, text.indexOf('/')));
        return NETWORK.journal().received(SOLICIT).stream()
                .filter(e -> Arrays.equals(e.source().getAddress().getAddress(), linkLocal.getAddress()))
                .map(e -> e.clientDuid().orElseThrow()).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no SOLICIT from " + linkLocal + " in\n"
                        + NETWORK.journal().transcript()));
    }

    private static boolean inPrefix(String address, String prefix) throws Exception {
        byte[] a = InetAddress.getByName(address).getAddress();
        byte[] p = InetAddress.getByName(prefix.substring(0, prefix.indexOf('/'))).getAddress();
        int bits = Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1));
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (p[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
