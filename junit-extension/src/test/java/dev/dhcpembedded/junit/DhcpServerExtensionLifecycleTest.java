package dev.dhcpembedded.junit;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension's lifecycle, run through the JUnit Platform testkit on fixture classes. */
@Execution(ExecutionMode.CONCURRENT)
class DhcpServerExtensionLifecycleTest {

    @TempDir
    Path traffic;

    private EngineExecutionResults run(Class<?> fixture) {
        Probe.forget(fixture.getName());
        return EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true")
                .configurationParameter(DhcpServerExtension.TRAFFIC_DIR_PROPERTY, traffic.toString())
                .selectors(selectClass(fixture)).execute();
    }

    private static void allFreed(Class<?> fixture, int servers) {
        List<DhcpServer> seen = Probe.seen(fixture.getName());
        assertThat(seen).hasSize(servers);
        for (DhcpServer server : seen) {
            assertThat(server.isRunning()).as("%s still running", server).isFalse();
        }
    }

    // ---- one server per class ----

    @TestKitOnly
    static class PerClass {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")
                        .leaseTime(Duration.ofMinutes(10))))
                .testClock(Instant.parse("2030-01-01T00:00:00Z"))
                .build();

        @Test
        void first(DhcpServer server, TestClock clock, DhcpTestClient device) {
            Probe.saw(PerClass.class.getName(), server);
            assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            device.dora();
            clock.advance(Duration.ofMinutes(1));
            assertThat(server.leases()).hasSize(1);
        }

        @Test
        void second(DhcpServer server, Journal journal, TestClock clock) {
            Probe.saw(PerClass.class.getName(), server);
            // whichever ran first, the journal and leases are reset; the clock never goes back
            assertThat(journal.entries()).isEmpty();
            assertThat(server.leases()).isEmpty();
            assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        }
    }

    @Test
    void a_static_field_gives_one_server_per_class_reset_before_each_test_and_stopped_after_it() {
        run(PerClass.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        List<DhcpServer> seen = Probe.seen(PerClass.class.getName());
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isSameAs(seen.get(1));
        allFreed(PerClass.class, 2);
    }

    // ---- one server per test ----

    @TestKitOnly
    static class PerMethod {
        @RegisterExtension
        DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        int port;

        @BeforeEach
        void remember() {
            port = dhcp.address().getPort();
        }

        @Test
        void one(DhcpServer server) {
            Probe.saw(PerMethod.class.getName(), server);
            assertThat(server.port()).isEqualTo(port);
        }

        @Test
        void two(DhcpServer server) {
            Probe.saw(PerMethod.class.getName(), server);
        }
    }

    @Test
    void an_instance_field_gives_a_new_server_to_each_test() {
        run(PerMethod.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        List<DhcpServer> seen = Probe.seen(PerMethod.class.getName());
        assertThat(seen.get(0)).isNotSameAs(seen.get(1));
        allFreed(PerMethod.class, 2);
    }

    // ---- the annotation, and nested classes ----

    @DhcpServerTest(subnet = "10.30.0.0/24", pool = "10.30.0.50-10.30.0.60", router = "10.30.0.1",
            dns = {"10.30.0.53", "10.30.0.54"}, domain = "lab.test", leaseSeconds = 600,
            staticLeases = "02:00:00:00:00:42=10.30.0.42", clockStart = "2030-01-01T00:00:00Z")
    @TestKitOnly
    static class Annotated {
        @Test
        void serves_what_the_annotation_says(DhcpServer server, DhcpTestClient device) {
            Probe.saw(Annotated.class.getName(), server);
            ClientLease lease = device.dora();
            assertThat(lease.address().getHostAddress()).startsWith("10.30.0.");
            assertThat(lease.leaseTime()).isEqualTo(Duration.ofSeconds(600));
            assertThat(lease.routers().get(0).getHostAddress()).isEqualTo("10.30.0.1");
            assertThat(lease.dns()).hasSize(2);
            assertThat(lease.domainName()).contains("lab.test");
        }

        @Test
        void serves_the_static_lease(DhcpServer server, TestClock clock) throws Exception {
            Probe.saw(Annotated.class.getName(), server);
            assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            try (DhcpTestClient device = DhcpTestClient.builder().server(server.address())
                    .mac("02:00:00:00:00:42").build()) {
                assertThat(device.dora().address().getHostAddress()).isEqualTo("10.30.0.42");
            }
        }

        @Nested
        class Inner {
            @Test
            void uses_the_outer_server(DhcpServer server) {
                Probe.saw(Annotated.class.getName(), server);
            }
        }

        @Nested
        @DhcpServerTest(subnet = "10.40.0.0/24")
        class InnerWithItsOwn {
            @Test
            void has_its_own_server(DhcpServer server, DhcpTestClient device) {
                Probe.saw(Annotated.class.getName() + "/own", server);
                assertThat(device.dora().address().getHostAddress()).startsWith("10.40.0.");
            }
        }
    }

    @Test
    void the_annotation_configures_the_server_and_nested_classes_inherit_it() {
        run(Annotated.class).testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        List<DhcpServer> outer = Probe.seen(Annotated.class.getName());
        assertThat(outer).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(outer.get(0)));
        List<DhcpServer> own = Probe.seen(Annotated.class.getName() + "/own");
        assertThat(own).hasSize(1);
        assertThat(own.get(0)).isNotSameAs(outer.get(0));
        assertThat(own.get(0).isRunning()).isFalse();
        allFreed(Annotated.class, 3);
    }

    @DhcpServerTest(lifecycle = DhcpServerTest.Lifecycle.PER_METHOD, testClock = false)
    @TestKitOnly
    static class AnnotatedPerMethod {
        @Test
        void one(DhcpServer server) {
            Probe.saw(AnnotatedPerMethod.class.getName(), server);
            assertThat(server.clock()).isNotInstanceOf(TestClock.class);
        }

        @Test
        void two(DhcpServer server) {
            Probe.saw(AnnotatedPerMethod.class.getName(), server);
        }
    }

    @Test
    void the_annotation_can_give_each_test_its_own_server() {
        run(AnnotatedPerMethod.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        List<DhcpServer> seen = Probe.seen(AnnotatedPerMethod.class.getName());
        assertThat(seen.get(0)).isNotSameAs(seen.get(1));
        allFreed(AnnotatedPerMethod.class, 2);
    }

    // ---- failures: the server still stops, the pcap is written and named when there was traffic ----

    @DhcpServerTest
    @TestKitOnly
    static class FailingBeforeEach {
        @BeforeEach
        void breaks(DhcpServer server) {
            Probe.saw(FailingBeforeEach.class.getName(), server);
            failingPort = server.port();
            throw new IllegalStateException("set-up broke");
        }

        @Test
        void never_runs() {
        }
    }

    @Test
    void a_failing_before_each_still_stops_the_server_and_frees_its_port() {
        run(FailingBeforeEach.class).testEvents().assertStatistics(s -> s.started(1).failed(1));
        allFreed(FailingBeforeEach.class, 1);
        assertThat(Probe.portFree(failingPort)).isTrue();
        // no DHCP message was exchanged: no empty pcap is written or announced
        assertThat(traffic.resolve(FailingBeforeEach.class.getName()).resolve("never_runs.pcap")).doesNotExist();
    }

    static volatile int failingPort;
    static volatile int lastPort;

    @TestKitOnly
    static class FailingTest {
        @RegisterExtension
        DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        @Test
        void fails_after_some_traffic(DhcpServer server, DhcpTestClient device) {
            Probe.saw(FailingTest.class.getName(), server);
            lastPort = server.port();
            device.dora();
            dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat(server)
                    .received(dev.dhcpembedded.codec.MessageType.RELEASE);
        }
    }

    @Test
    void a_failed_test_leaves_its_exchange_as_a_pcap_named_in_the_failure() throws Exception {
        Events tests = run(FailingTest.class).testEvents();
        tests.assertStatistics(s -> s.started(1).failed(1));
        Path pcap = traffic.resolve(FailingTest.class.getName()).resolve("fails_after_some_traffic.pcap");
        assertThat(pcap).exists();
        assertThat(Files.size(pcap)).isGreaterThan(24 + 4 * 16);
        Throwable failure = tests.failed().list().get(0).getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0]).isInstanceOf(DhcpTrafficWritten.class)
                .hasMessage("the DHCP exchange of this test (4 messages) is in " + pcap
                        + "; open it with Wireshark, or decode it with the CLI's 'decode' verb; see it drawn in "
                        + pcap.resolveSibling("fails_after_some_traffic.html") + " (open it in a browser)");
        assertThat(run(FailingTest.class).allEvents().reportingEntryPublished().list()).as("the pcap and the report")
                .hasSize(2);
        assertThat(Probe.portFree(lastPort)).isTrue();
        allFreed(FailingTest.class, 1);
    }

    @TestKitOnly
    static class Passing {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        @Test
        void passes(DhcpTestClient device) {
            device.dora();
        }
    }

    @Test
    void a_passing_test_writes_no_pcap() {
        run(Passing.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(traffic.resolve(Passing.class.getName())).doesNotExist();
    }
}
