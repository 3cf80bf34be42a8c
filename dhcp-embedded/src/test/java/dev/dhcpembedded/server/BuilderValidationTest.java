package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad configuration fails at build() with a message that says what to change. */
class BuilderValidationTest {

    private static DhcpServerBuilder lan() {
        return DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"));
    }

    @Test
    void poolOutsideItsSubnet() {
        DhcpServerBuilder b = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.30.0.1", "10.30.0.9"));
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 10.30.0.1-10.30.0.9 is outside subnet 10.20.0.0/24; "
                        + "move the pool inside it or widen the subnet");
    }

    @Test
    void poolPartlyOutsideItsSubnet() {
        DhcpServerBuilder b = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.200", "10.20.1.5"));
        assertThatThrownBy(b::build).hasMessageContaining("is outside subnet 10.20.0.0/24; move the pool inside it");
    }

    @Test
    void overlappingPools() {
        DhcpServerBuilder b = DhcpServer.builder().subnet("10.20.0.0/24", s -> s
                .pool("10.20.0.100", "10.20.0.150").pool("10.20.0.140", "10.20.0.199"));
        assertThatThrownBy(b::build).hasMessage("pools 10.20.0.100-10.20.0.150 and 10.20.0.140-10.20.0.199 of subnet "
                + "10.20.0.0/24 overlap; make them disjoint");
    }

    @Test
    void staticLeaseOutsideEverySubnet() {
        DhcpServerBuilder b = lan().staticLease("02:00:00:00:00:42", "192.168.1.42");
        assertThatThrownBy(b::build).hasMessage("static lease 02:00:00:00:00:42=192.168.1.42 is outside every subnet "
                + "(10.20.0.0/24); use an address inside one or add its subnet");
    }

    @Test
    void t1AfterT2() {
        DhcpServerBuilder b = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")
                .leaseTime(Duration.ofMinutes(10)).renewalTime(Duration.ofMinutes(9)));
        assertThatThrownBy(b::build).hasMessage("T1 (540 s) is after T2 (525 s) in subnet 10.20.0.0/24; "
                + "T1 must not exceed T2");
    }

    @Test
    void t2AfterTheLeaseTime() {
        DhcpServerBuilder b = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")
                .leaseTime(Duration.ofMinutes(10)).rebindingTime(Duration.ofMinutes(11)));
        assertThatThrownBy(b::build).hasMessageContaining("T2 must not exceed the lease time");
    }

    @Test
    void noPoolInASubnetTooSmallForTheDefaultOne() {
        DhcpServerBuilder b = DhcpServer.builder().subnet("10.20.0.0/31", s -> s.router("10.20.0.1"));
        assertThatThrownBy(b::build).hasMessage("subnet 10.20.0.0/31 is too small for a default pool (all hosts but"
                + " the router and the server identifier); use a /30 or wider, or name a pool inside it");
    }

    @Test
    void poolNotWrittenFirstDashLast() {
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100..10.20.0.199"))
                .build()).hasMessage("pool '10.20.0.100..10.20.0.199' is not written FIRST-LAST, e.g. "
                        + "10.20.0.100-10.20.0.199");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.1-10.20.0.5-10.20.0.9"))
                .build()).hasMessageContaining("is not written FIRST-LAST");
    }

    @Test
    void noSubnet() {
        assertThatThrownBy(() -> DhcpServer.builder().build()).hasMessageContaining("no subnet is configured; add one");
    }

    @Test
    void overlappingSubnets() {
        DhcpServerBuilder b = lan().subnet("10.20.0.128/25", s -> s.pool("10.20.0.130", "10.20.0.140"));
        assertThatThrownBy(b::build).hasMessage("subnets 10.20.0.0/24 and 10.20.0.128/25 overlap; configure each once");
    }

    /** A bad CIDR fails at build(), with what to write instead. */
    @Test
    void badCidr() {
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0", s -> { }).build())
                .hasMessage("subnet '10.20.0.0' needs a prefix length, e.g. 10.20.0.0/24");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.1/24", s -> { }).build())
                .hasMessage("10.20.0.1/24 has host bits set; write 10.20.0.0/24");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/33", s -> { }).build())
                .hasMessageContaining("prefix length 33 is outside 0..32");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0/24", s -> { }).build())
                .hasMessageContaining("is not an IPv4 address such as 10.20.0.1");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/x", s -> { }).build())
                .hasMessageContaining("has no valid prefix length");
    }

    @Test
    void reversedPool() {
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.9", "10.20.0.1"))
                .build()).hasMessage("pool 10.20.0.9-10.20.0.1 ends before it starts; write the lower address first");
    }

    @Test
    void twoStaticLeasesOnOneAddress() {
        DhcpServerBuilder b = lan().staticLease("02:00:00:00:00:41", "10.20.0.42")
                .staticLease("02:00:00:00:00:42", "10.20.0.42");
        assertThatThrownBy(b::build).hasMessage("address 10.20.0.42 is given to two static leases; give each client "
                + "its own address");
    }

    @Test
    void twoStaticLeasesForOneClient() {
        DhcpServerBuilder b = lan().staticLease("02:00:00:00:00:42", "10.20.0.42")
                .staticLease("02:00:00:00:00:42", "10.20.0.43");
        assertThatThrownBy(b::build).hasMessage("client 02:00:00:00:00:42 has two static leases (10.20.0.42 and "
                + "10.20.0.43); keep one static lease per client");
    }

    @Test
    void goodConfigurationBuildsWithoutStarting() {
        DhcpServer server = lan().staticLease("02:00:00:00:00:42", "10.20.0.42").build();
        assertThat(server.isRunning()).isFalse();
    }
}
