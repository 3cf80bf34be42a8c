package dev.dhcpembedded.junit;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.server.DhcpServer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture classes with {@code junit.jupiter.execution.parallel.enabled=true}, every class and method
 * concurrent: per-test servers run side by side, tests sharing a class server take turns so each sees only its own
 * traffic, and different classes have different servers.
 */
@Execution(ExecutionMode.CONCURRENT)
class DhcpServerExtensionParallelTest {

    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
    static final CountDownLatch PER_TEST_TOGETHER = new CountDownLatch(4);

    @Execution(ExecutionMode.CONCURRENT)
    @TestKitOnly
    static class SharedServer {
        @RegisterExtension
        static DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
        void each_test_sees_only_its_own_client(int n, DhcpServer server) {
            int now = RUNNING.incrementAndGet();
            MOST_AT_ONCE.accumulateAndGet(now, Math::max);
            try (DhcpTestClient device = DhcpTestClient.builder().server(server.address())
                    .mac(String.format("02:00:00:00:01:%02x", n)).build()) {
                device.dora();
                DhcpAssertions.assertThat(server).client(device.mac()).sentInOrder(DISCOVER, REQUEST);
                assertThat(server.journal().received()).hasSize(2);
                assertThat(server.leases()).hasSize(1);
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @TestKitOnly
    static class ServerPerTest {
        @RegisterExtension
        DhcpServerExtension dhcp = DhcpServerExtension.builder()
                .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))).build();

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4})
        void run_side_by_side(int n, DhcpServer server, DhcpTestClient device) throws Exception {
            PORTS.add(server.port());
            PER_TEST_TOGETHER.countDown();
            assertThat(PER_TEST_TOGETHER.await(20, TimeUnit.SECONDS)).as("all four at once").isTrue();
            device.dora();
            assertThat(server.journal().received()).hasSize(2);
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @DhcpServerTest
    @TestKitOnly
    static class OtherClassA {
        @Test
        void own_server(DhcpServer server, DhcpTestClient device) {
            PORTS.add(server.port());
            device.dora();
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @DhcpServerTest
    @TestKitOnly
    static class OtherClassB {
        @Test
        void own_server(DhcpServer server, DhcpTestClient device) {
            PORTS.add(server.port());
            device.dora();
        }
    }

    @Test
    void servers_are_safe_under_parallel_execution() {
        EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .selectors(selectClass(SharedServer.class), selectClass(ServerPerTest.class),
                        selectClass(OtherClassA.class), selectClass(OtherClassB.class))
                .execute().testEvents().assertStatistics(s -> s.started(14).succeeded(14));
        assertThat(MOST_AT_ONCE.get()).as("tests sharing a server take turns").isEqualTo(1);
        assertThat(PORTS).as("per-test and per-class servers are distinct").hasSize(6);
    }
}
