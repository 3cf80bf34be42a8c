package dev.dhcpembedded.examples.guide;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThatThrownBy;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The DHCPv6 side of the builder, as the documentation's "DHCPv6 and Router Advertisements" page shows it. */
class Dhcpv6ServerExampleTest {

    @Test
    void oneServerForBothFamilies() {
        TestClock clock = TestClock.startingNow();
        // tag::builder[]
        DhcpServer server = DhcpServer.builder()
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))
            .subnet6("2001:db8:1::/64", s -> s
                .pool("2001:db8:1::100", "2001:db8:1::1ff")
                .prefixDelegation("2001:db8:100::/48", 56)          // IA_PD: /56s cut from the /48
                .dns("2001:db8:1::53").domainSearch("lab.test")     // options 23 and 24, sent when the ORO asks
                .preferredLifetime(Duration.ofHours(1)).validLifetime(Duration.ofHours(2)))  // T1/T2: 50% / 80%
            // .rapidCommit6()                                      // off by default
            .staticLease6(Duid.parse("00030001020000000042"),      // by DUID (and .iaid(n) for one IA only)
                l -> l.address("2001:db8:1::42").prefix("2001:db8:100:4200::/56"))
            .clock(clock)
            .start();
        InetSocketAddress v6 = server.v6().address();              // [::1] on an ephemeral port
        // end::builder[]
        try (server) {
            assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
            assertThat(v6.getPort()).isPositive();
            assertThat(server.v6().leases()).isEmpty();
            assertThat(server.journal().received(Dhcp6MessageType.SOLICIT)).isEmpty();
        }
    }

    @Test
    void routerAdvertisementsNeedAnInterface() {
        // tag::ra[]
        var builder = DhcpServer.builder().bindInterface("veth-srv")
            .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff").dns("2001:db8:1::53"))
            .routerAdvertisements(ra -> ra
                .managed(true).otherConfig(true)               // M and O: SOLICIT for addresses, DNS by DHCPv6
                // .prefix("2001:db8:1::/64")                  // default: the subnet6 prefixes, on-link
                .rdnss("2001:db8:1::53").dnssl("lab.test")     // RFC 8106 options 25 and 31
                .routerLifetime(Duration.ofMinutes(30))        // 0: not a default router
                .interval(Duration.ofSeconds(200), Duration.ofSeconds(600)));  // RFC 4861's defaults
        // DhcpServer server = builder.start();                // needs root and that interface
        // server.routerAdvertisements().update(ra -> ra.managed(false));  // sent at once
        // end::ra[]
        // on loopback there is no link to advertise on: the builder says so
        var loopback = DhcpServer.builder()
            .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff"))
            .routerAdvertisements(ra -> ra.managed(true));
        assertThatThrownBy(loopback::build)
            .hasMessageContaining("interface");
        assertThat(builder).isNotNull();
    }
}
