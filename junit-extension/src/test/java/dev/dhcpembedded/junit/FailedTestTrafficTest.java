package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.internal.pcap.PcapReader;
import dev.dhcpembedded.server.DhcpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A failed test's traffic goes to one pcap per invocation: parameterized, repeated and parameterized-class tests
 * do not overwrite each other's, and two journals of one test (the server extension beside a DhcpNetwork) get two
 * files. Each file holds that invocation's own exchange.
 */
@Execution(ExecutionMode.CONCURRENT)
class FailedTestTrafficTest {

    @TempDir
    Path traffic;

    private Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true")
                .configurationParameter(FailedTestTraffic.DIR_PROPERTY, traffic.toString())
                .selectors(selectClass(fixture)).execute().testEvents();
    }

    private List<String> files(Class<?> fixture) throws Exception {
        try (Stream<Path> listed = Files.list(traffic.resolve(fixture.getName()))) {
            return listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The DHCP messages in a pcap, as the project's reader sees them. */
    private int messages(Class<?> fixture, String file) throws Exception {
        return PcapReader.readAll(traffic.resolve(fixture.getName()).resolve(file)).size();
    }

    /** Fails after {@code exchanges} DORAs, so the pcap of each invocation has its own size. */
    static void doraThenFail(DhcpServer server, int exchanges) {
        for (int i = 0; i < exchanges; i++) {
            try (DhcpTestClient client = DhcpTestClient.builder().server(server.address()).build()) {
                client.dora();
            }
        }
        throw new AssertionError("failing on purpose after " + exchanges + " exchanges");
    }

    @DhcpServerTest
    @TestKitOnly
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void fails(int exchanges, DhcpServer server) {
            doraThenFail(server, exchanges);
        }

        @RepeatedTest(2)
        void failsAgain(DhcpServer server) {
            doraThenFail(server, 1);
        }
    }

    @Test
    void each_invocation_of_a_parameterized_or_repeated_test_leaves_its_own_pcap() throws Exception {
        Events tests = run(Parameterized.class);
        tests.assertStatistics(s -> s.started(5).failed(5));
        assertThat(files(Parameterized.class)).containsExactlyInAnyOrder("fails[1].pcap", "fails[2].pcap", "fails[3].pcap",
                "failsAgain[1].pcap", "failsAgain[2].pcap");
        assertThat(messages(Parameterized.class, "fails[1].pcap")).isEqualTo(4);
        assertThat(messages(Parameterized.class, "fails[2].pcap")).isEqualTo(8);
        assertThat(messages(Parameterized.class, "fails[3].pcap")).isEqualTo(12);
        Throwable failure = tests.failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(DhcpTrafficWritten.class)
                .satisfies(w -> assertThat(((DhcpTrafficWritten) w).pcap()).exists()
                        .hasParent(traffic.resolve(Parameterized.class.getName())));
        for (String pcap : files(Parameterized.class)) {
            assertThat(traffic.resolve(Parameterized.class.getName()).resolve(pcap.replace(".pcap", ".html")))
                    .as("the HTML report beside " + pcap).isRegularFile();
        }
    }

    @ParameterizedClass
    @ValueSource(ints = {1, 2})
    @DhcpServerTest
    @TestKitOnly
    static class ParameterizedClassFixture {
        @Parameter
        int rounds;

        @ParameterizedTest
        @ValueSource(ints = {0, 1})
        void fails(int more, DhcpServer server) {
            doraThenFail(server, rounds + more);
        }
    }

    @Test
    void a_parameterized_class_adds_its_own_invocation_index() throws Exception {
        run(ParameterizedClassFixture.class).assertStatistics(s -> s.started(4).failed(4));
        assertThat(files(ParameterizedClassFixture.class)).containsExactly("fails[1][1].pcap", "fails[1][2].pcap",
                "fails[2][1].pcap", "fails[2][2].pcap");
        assertThat(messages(ParameterizedClassFixture.class, "fails[1][1].pcap")).isEqualTo(4);
        assertThat(messages(ParameterizedClassFixture.class, "fails[2][2].pcap")).isEqualTo(12);
    }

    /** Stands for DhcpNetwork: another extension that writes its own server's journal through the same helper. */
    static final class SecondJournal implements AfterEachCallback {
        final DhcpServer other = DhcpServer.builder()
                .subnet("10.99.0.0/24", s -> s.pool("10.99.0.100", "10.99.0.199")).start();

        @Override
        public void afterEach(ExtensionContext context) {
            FailedTestTraffic.writeIfFailed(context, other.journal());
        }
    }

    @DhcpServerTest
    @TestKitOnly
    static class TwoJournals {
        @RegisterExtension
        static SecondJournal second = new SecondJournal();

        @Test
        void fails(DhcpServer server) {
            try (var client = dev.dhcpembedded.client.DhcpTestClient.builder().server(second.other.address())
                    .build()) {
                client.dora(); // traffic on the second journal too
            }
            doraThenFail(server, 1);
        }
    }

    @Test
    void two_extensions_on_one_failed_test_write_two_files() throws Exception {
        Events tests = run(TwoJournals.class);
        tests.assertStatistics(s -> s.failed(1));
        assertThat(files(TwoJournals.class)).containsExactlyInAnyOrder("fails.pcap", "fails-2.pcap");
        Throwable failure = tests.failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure.getSuppressed()).hasSize(2).allSatisfy(w -> assertThat(w)
                .isInstanceOf(DhcpTrafficWritten.class));
    }
}
