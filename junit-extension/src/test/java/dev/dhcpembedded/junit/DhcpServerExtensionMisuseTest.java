package dev.dhcpembedded.junit;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Misuse fails with an ExtensionConfigurationException that says what to change. */
@Execution(ExecutionMode.CONCURRENT)
class DhcpServerExtensionMisuseTest {

    private static Throwable onlyFailure(Class<?> fixture) {
        Events events = EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true").selectors(selectClass(fixture)).execute().allEvents();
        return events.failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
    }

    @DhcpServerTest(subnet = "10.20.0/24")
    @TestKitOnly
    static class BadCidr {
        @Test
        void test() {
        }
    }

    @Test
    void a_bad_cidr() {
        assertThat(onlyFailure(BadCidr.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@DhcpServerTest on " + BadCidr.class.getName() + " is misconfigured: subnet = "
                        + "\"10.20.0/24\": '10.20.0' is not an IPv4 address such as 10.20.0.1");
    }

    @DhcpServerTest(subnet6 = "2001:db8:1::/64", ra = "managed")
    @TestKitOnly
    static class RaOnLoopback {
        @Test
        void test() {
        }
    }

    @Test
    void router_advertisements_on_loopback() {
        assertThat(onlyFailure(RaOnLoopback.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("is misconfigured: ra = \"managed\" needs bindInterface = \"NAME\": there is "
                        + "no Router Advertisement in loopback mode, where the client is told the server's address");
    }

    @DhcpServerTest(subnet6 = "2001:db8:1::/64", ra = "sometimes")
    @TestKitOnly
    static class RaUnknownMode {
        @Test
        void test() {
        }
    }

    @Test
    void an_unknown_router_advertisement_mode() {
        assertThat(onlyFailure(RaUnknownMode.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("is misconfigured: ra = \"sometimes\" must be managed, other, slaac or none");
    }

    @DhcpServerTest(staticLeases = "02:00:00:00:00:42 10.20.0.42")
    @TestKitOnly
    static class BadStaticLease {
        @Test
        void test() {
        }
    }

    @Test
    void a_static_lease_not_written_mac_equals_ip() {
        assertThat(onlyFailure(BadStaticLease.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("is misconfigured: staticLeases = \"02:00:00:00:00:42 10.20.0.42\": static"
                        + " lease '02:00:00:00:00:42 10.20.0.42' is not written MAC=IP, e.g. 02:00:00:00:00:42=10.20.0.42");
    }

    @DhcpServerTest(staticLeases = "02:00:00:00:42=10.20.0.42")
    @TestKitOnly
    static class FiveByteStaticLeaseMac {
        @Test
        void test() {
        }
    }

    @Test
    void a_static_lease_whose_mac_no_client_can_have() {
        assertThat(onlyFailure(FiveByteStaticLeaseMac.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("is misconfigured")
                .hasMessageContaining("has 5 bytes, so no client can match it; write all 6");
    }

    @DhcpServerTest(subnet = "10.20.0.0/24", router = "10.30.0.1")
    @TestKitOnly
    static class RouterOutsideTheSubnet {
        @Test
        void test() {
        }
    }

    @Test
    void a_router_outside_its_subnet() {
        assertThat(onlyFailure(RouterOutsideTheSubnet.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("router 10.30.0.1 is outside the subnet");
    }

    @DhcpServerTest(subnet = "10.20.0.0/24", secondServer = "10.20.0.2")
    @TestKitOnly
    static class BadSecondServer {
        @Test
        void test() {
        }
    }

    @Test
    void a_second_server_not_written_ip_equals_pool() {
        assertThat(onlyFailure(BadSecondServer.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("is misconfigured: secondServer = \"10.20.0.2\": second server '10.20.0.2' is"
                        + " not written IP=FIRST-LAST, e.g. 10.20.0.2=10.20.0.200-10.20.0.249");
    }

    @DhcpServerTest(pool = "10.20.0.100..10.20.0.199")
    @TestKitOnly
    static class BadPool {
        @Test
        void test() {
        }
    }

    @Test
    void a_pool_not_written_first_dash_last() {
        assertThat(onlyFailure(BadPool.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("is misconfigured: pool = \"10.20.0.100..10.20.0.199\": pool "
                        + "'10.20.0.100..10.20.0.199' is not written FIRST-LAST, e.g. 10.20.0.100-10.20.0.199");
    }

    @DhcpServerTest
    @TestKitOnly
    static class TwoSources {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        @Test
        void test() {
        }
    }

    @Test
    void two_server_sources_on_one_class() {
        assertThat(onlyFailure(TwoSources.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(TwoSources.class.getName() + " declares two DHCP servers: @DhcpServerTest on "
                        + TwoSources.class.getName() + " and DhcpServerExtension.builder(). Keep one: "
                        + "@DhcpServerTest for the common case, or a @RegisterExtension DhcpServerExtension field "
                        + "for the full builder");
    }

    @DhcpServerTest
    @TestKitOnly
    static class TwoSourcesPerTest {
        @RegisterExtension
        DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        @Test
        void test() {
        }
    }

    @Test
    void a_class_server_and_a_per_test_server() {
        assertThat(onlyFailure(TwoSourcesPerTest.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("declares two DHCP servers");
    }

    @DhcpServerTest
    @TestKitOnly
    static class UnsupportedParameter {
        @Test
        void test(Lease lease) {
        }
    }

    @Test
    void a_parameter_of_a_type_it_cannot_inject() {
        Throwable failure = onlyFailure(UnsupportedParameter.class);
        assertThat(failure).isInstanceOf(ParameterResolutionException.class);
        assertThat(failure.getCause()).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("DhcpServerExtension cannot inject a Lease into parameter 0 (Lease) of test; it injects "
                        + "DhcpServer, TestClock, Journal, DhcpTestClient, Dhcp6TestClient. Take what you "
                        + "need from the DhcpServer parameter instead");
    }

    @TestKitOnly
    static class SystemClockButTestClockWanted {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")))
                .systemClock().build();

        @Test
        void test(TestClock clock) {
        }
    }

    @Test
    void a_test_clock_from_a_server_on_the_system_clock() {
        Throwable failure = onlyFailure(SystemClockButTestClockWanted.class);
        assertThat(failure.getCause()).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("wants a TestClock, but DhcpServerExtension.builder() runs on SystemClock")
                .hasMessageContaining("leave DhcpServerExtension.builder() on its default TestClock");
    }

    @TestKitOnly
    static class NoPool {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/31", s -> { })).build();

        @Test
        void test() {
        }
    }

    @Test
    void a_builder_the_core_refuses() {
        assertThat(onlyFailure(NoPool.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("DhcpServerExtension.builder() is misconfigured: subnet 10.20.0.0/31 is too"
                        + " small for a default pool");
    }

    @TestKitOnly
    static class FromTheCoreBuilder {
        static final TestClock CLOCK = TestClock.startingNow();

        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.of(DhcpServer.builder()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).clock(CLOCK));

        @Test
        void test(TestClock clock) {
            assertThat(clock).isSameAs(CLOCK);
        }
    }

    @Test
    void of_a_core_builder_injects_its_test_clock() {
        EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true").selectors(selectClass(FromTheCoreBuilder.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @DhcpServerTest(subnet = "10.20.0.0/24")
    @TestKitOnly
    static class AsksForAJdkClock {
        @Test
        void test(java.time.Clock clock) {
        }
    }

    @Test
    void a_jdk_type_it_does_not_inject_says_where_to_take_it_from() {
        assertThat(onlyFailure(AsksForAJdkClock.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("DhcpServerExtension does not inject a Clock: No ParameterResolver registered")
                .hasMessageEndingWith("take the Clock from a TestClock parameter, or the DhcpServer parameter's "
                        + "clock()");
    }

    @DhcpServerTest(subnet = "10.20.0.0/24")
    @TestKitOnly
    static class AsksForAnAddressInBeforeEach {
        @org.junit.jupiter.api.BeforeEach
        void setUp(java.net.InetSocketAddress address) {
        }

        @Test
        void test() {
        }
    }

    @Test
    void in_a_before_each_method_too_and_no_empty_pcap_is_announced() {
        Throwable failure = onlyFailure(AsksForAnAddressInBeforeEach.class);
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("take the InetSocketAddress from the DhcpServer parameter's address()");
        assertThat(failure.getSuppressed()).noneMatch(s -> s instanceof DhcpTrafficWritten);
    }
}
