package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The {@code @RegisterExtension} field gives access to the running server ({@code server()}, {@code address()},
 * {@code journal()}, {@code clock()}) for a static and an instance field, and fails with a clear message outside a
 * running test; the bare JDK types {@code Clock} and {@code InetSocketAddress} are left to other extensions.
 */
@Execution(ExecutionMode.CONCURRENT)
class DhcpServerExtensionFieldTest {

    /** What each fixture saw, by "fixture/where". */
    static final Map<String, List<Object>> SAW = new ConcurrentHashMap<>();

    static void saw(String where, Object what) {
        SAW.computeIfAbsent(where, k -> new CopyOnWriteArrayList<>()).add(what);
    }

    static List<Object> seen(String where) {
        return SAW.getOrDefault(where, List.of());
    }

    private static Events run(Class<?> fixture) {
        SAW.keySet().removeIf(k -> k.startsWith(fixture.getSimpleName() + "/"));
        return EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true")
                .selectors(selectClass(fixture)).execute().allEvents();
    }

    private static Throwable onlyFailure(Events events) {
        return events.failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
    }

    // ---- a static field: one server for the class, reachable from every lifecycle method ----

    @TestKitOnly
    static class StaticField {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")))
                .testClock(Instant.parse("2030-01-01T00:00:00Z")).build();

        @BeforeAll
        static void beforeAll() {
            saw("StaticField/beforeAll", dhcp.server());
        }

        @BeforeEach
        void beforeEach() {
            saw("StaticField/beforeEach", dhcp.server());
        }

        @Test
        void one(DhcpServer injected, TestClock clock, DhcpTestClient device) {
            assertThat(dhcp.server()).isSameAs(injected);
            assertThat(dhcp.address()).isEqualTo(injected.address());
            assertThat(dhcp.clock()).isSameAs(clock).isSameAs(injected.clock());
            assertThat(dhcp.clock().instant()).isAfterOrEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            device.dora();
            assertThat(dhcp.journal()).isSameAs(injected.journal());
            assertThat(dhcp.journal().size()).isEqualTo(4);
            saw("StaticField/test", dhcp.server());
        }

        @Test
        void two(DhcpServer injected) {
            assertThat(dhcp.server()).isSameAs(injected);
            assertThat(dhcp.journal().entries()).isEmpty(); // reset before each test
            saw("StaticField/test", dhcp.server());
        }

        @AfterEach
        void afterEach() {
            saw("StaticField/afterEach", dhcp.server());
        }

        @AfterAll
        static void afterAll() {
            saw("StaticField/afterAll", dhcp.server());
        }
    }

    @Test
    void a_static_field_gives_the_class_server_from_before_all_to_after_all() {
        run(StaticField.class).assertStatistics(s -> s.failed(0).succeeded(4)); // 2 tests, the class, the engine
        Object server = seen("StaticField/beforeAll").get(0);
        for (String where : List.of("beforeAll", "beforeEach", "test", "afterEach", "afterAll")) {
            assertThat(seen("StaticField/" + where)).as(where).isNotEmpty().allSatisfy(s -> assertThat(s)
                    .isSameAs(server));
        }
        assertThat(seen("StaticField/test")).hasSize(2);
        assertThat(((DhcpServer) server).isRunning()).isFalse();
        assertThatThrownBy(() -> StaticField.dhcp.server()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("server() was called while no server of DhcpServerExtension.builder() "
                        + "runs. It works while a test runs");
    }

    // ---- an instance field: a server for each test ----

    @TestKitOnly
    static class InstanceField {
        @RegisterExtension
        DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        InstanceField() {
            try {
                dhcp.server();
            } catch (IllegalStateException e) {
                saw("InstanceField/constructor", e.getMessage());
            }
        }

        @BeforeEach
        void beforeEach() {
            saw("InstanceField/beforeEach", dhcp.server());
        }

        @Test
        void one(DhcpServer injected) {
            assertThat(dhcp.server()).isSameAs(injected);
            assertThat(dhcp.address()).isEqualTo(injected.address());
            assertThat(dhcp.clock()).isSameAs(injected.clock());
            saw("InstanceField/test", dhcp.server());
        }

        @Test
        void two(DhcpServer injected) {
            assertThat(dhcp.server()).isSameAs(injected);
            saw("InstanceField/test", dhcp.server());
        }
    }

    @Test
    void an_instance_field_gives_each_test_its_own_server_and_none_before_it() {
        run(InstanceField.class).assertStatistics(s -> s.failed(0).succeeded(4));
        List<Object> tests = seen("InstanceField/test");
        assertThat(tests).hasSize(2).doesNotHaveDuplicates();
        assertThat(seen("InstanceField/beforeEach")).containsExactlyInAnyOrderElementsOf(tests);
        assertThat(seen("InstanceField/constructor")).hasSize(2).allSatisfy(m -> assertThat((String) m)
                .contains("An instance field starts a server for each test, so it has none in the constructor"));
    }

    // ---- clock() needs a TestClock ----

    @TestKitOnly
    static class SystemClock {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")))
                .systemClock().build();

        @Test
        void test() {
            dhcp.clock();
        }
    }

    @Test
    void clock_on_a_server_without_a_test_clock_says_how_to_get_one() {
        assertThat(onlyFailure(run(SystemClock.class))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("clock() is the TestClock of the server, but DhcpServerExtension.builder() "
                        + "runs on SystemClock")
                .hasMessageContaining("leave DhcpServerExtension.builder() on its default TestClock");
    }

    // ---- JDK types are left to other extensions ----

    /** Another extension that injects JDK types, as many do. */
    static final class JdkTypes implements ParameterResolver {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
        static final InetSocketAddress ADDRESS = InetSocketAddress.createUnresolved("example.invalid", 8080);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Clock.class || type == InetSocketAddress.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Clock.class ? CLOCK : ADDRESS;
        }
    }

    @DhcpServerTest
    @ExtendWith(JdkTypes.class)
    @TestKitOnly
    static class BesideAnotherExtension {
        @Test
        void test(DhcpServer server, Clock clock, InetSocketAddress address) {
            assertThat(clock).isSameAs(JdkTypes.CLOCK);
            assertThat(address).isSameAs(JdkTypes.ADDRESS);
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void clock_and_inet_socket_address_parameters_go_to_other_extensions() {
        run(BesideAnotherExtension.class).assertStatistics(s -> s.failed(0).succeeded(3));
    }

    @DhcpServerTest
    @TestKitOnly
    static class JdkClockAlone {
        @Test
        void test(Clock clock) {
        }
    }

    @Test
    void a_bare_clock_parameter_is_not_injected_and_the_failure_says_where_to_take_it_from() {
        assertThat(onlyFailure(run(JdkClockAlone.class)))
                .isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
                .hasMessageContaining("No ParameterResolver registered for parameter [java.time.Clock")
                .hasMessageContaining("a TestClock parameter, or the DhcpServer parameter's clock()")
                .hasCauseInstanceOf(ParameterResolutionException.class);
    }
}
