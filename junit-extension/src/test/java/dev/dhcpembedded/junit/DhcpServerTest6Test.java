package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @DhcpServerTest(subnet6 = ..., pool6 = ..., prefixDelegation = ...)}: DHCPv6 from the annotation. */
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::1ff",
        prefixDelegation = "2001:db8:100::/48/56", dns6 = "2001:db8:1::53", domain = "lab.test",
        staticLeases6 = "00:03:00:01:02:00:00:00:00:43=2001:db8:1::43,2001:db8:100:4300::/56")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DhcpServerTest6Test {

    static final Duid CLIENT = Duid.ll(MacAddress.parse("02:00:00:00:00:42"));

    static Dhcp6Message solicit(DhcpServer server) throws Exception {
        return solicit(server, CLIENT);
    }

    static Dhcp6Message solicit(DhcpServer server, Duid client) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0))) {
            socket.setSoTimeout(3000);
            byte[] bytes = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(1)
                    .option(Dhcp6Option.clientId(client)).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)))
                    .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
            socket.send(new DatagramPacket(bytes, bytes.length, server.v6().address()));
            DatagramPacket in = new DatagramPacket(new byte[2000], 2000);
            socket.receive(in);
            return Dhcp6Codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
        }
    }

    @Test
    @Order(1)
    void theServerAnswersDhcp6OnLoopback(DhcpServer server) throws Exception {
        Dhcp6Message advertise = solicit(server);
        assertThat(advertise.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(Ipv6.format(advertise.iaNa().get(0).addresses().get(0).address())).isEqualTo("2001:db8:1::100");
        assertThat(advertise.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(advertise.dnsServers()).extracting(Ipv6::format).containsExactly("2001:db8:1::53");
        assertThat(advertise.domainList()).containsExactly("lab.test");
        assertThat(server.v6().leases(CLIENT)).extracting(Lease6::state).containsOnly(LeaseState.OFFERED);
        assertThat(server.address().getAddress().getHostAddress()).as("DHCPv4 beside it").isEqualTo("127.0.0.1");
    }

    @Test
    @Order(2)
    void aStaticLease6FromTheAnnotation(DhcpServer server) throws Exception {
        Dhcp6Message advertise = solicit(server, Duid.ll(MacAddress.parse("02:00:00:00:00:43")));
        assertThat(Ipv6.format(advertise.iaNa().get(0).addresses().get(0).address())).isEqualTo("2001:db8:1::43");
        assertThat(advertise.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100:4300::/56");
    }

    @Test
    @Order(2)
    void theV6LeasesAndJournalAreResetBeforeEachTest(DhcpServer server) {
        assertThat(server.v6().leases()).isEmpty();
        assertThat(server.journal().entries()).isEmpty();
    }

    @DhcpServerTest(subnet6 = "2001:db8:1::/64", prefixDelegation = "2001:db8:100::/48")
    @TestKitOnly
    static class BadDelegation {
        @Test
        void test() {
        }
    }

    @DhcpServerTest(subnet6 = "2001:db8:1::/64", staticLeases6 = "00030001020000000043=2001:db8:9::43")
    @TestKitOnly
    static class Static6OffLink {
        @Test
        void test() {
        }
    }

    @DhcpServerTest(pool6 = "2001:db8:1::1-2001:db8:1::2")
    @TestKitOnly
    static class Pool6WithoutSubnet6 {
        @Test
        void test() {
        }
    }

    private static Throwable onlyFailure(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true")
                .selectors(selectClass(fixture)).execute().allEvents().failed().list().get(0)
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    @Order(3)
    void misuseSaysWhatToChange() {
        assertThat(onlyFailure(BadDelegation.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("prefixDelegation = \"2001:db8:100::/48\" must be written PREFIX/LEN/DELEGATED, "
                        + "e.g. \"2001:db8:100::/48/56\"");
        assertThat(onlyFailure(Pool6WithoutSubnet6.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("pool6, prefixDelegation, dns6, staticLeases6 and rapidCommit6 need subnet6 = "
                        + "\"PREFIX\"");
        assertThat(onlyFailure(Static6OffLink.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("is outside every subnet6 (2001:db8:1::/64)");
    }
}
