package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server-running command of SPEC §5, run in this JVM: its first line, the default pool (every host but the
 * router and the server identifier), the default server identifier, and one line with exit 2 on bad values.
 */
class ServeCommandTest {

    /** A server run by the command line for at most {@code --max-seconds}, with what it printed. */
    private static final class Run implements AutoCloseable {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final CompletableFuture<Integer> exit;

        Run(String... args) {
            List<String> all = new ArrayList<>(List.of("--max-seconds", "2", "--quiet"));
            all.addAll(List.of(args));
            exit = CompletableFuture.supplyAsync(() -> Main.commandLine().setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err)).execute(all.toArray(String[]::new)));
        }

        /** The first line, once printed: {@code listening on ADDR:PORT}. */
        String firstLine() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String printed;
                synchronized (out.getBuffer()) {
                    printed = out.toString();
                }
                int end = printed.indexOf('\n');
                if (end >= 0) {
                    return printed.substring(0, end);
                }
                if (exit.isDone()) {
                    throw new AssertionError("the command ended (exit " + exit.join() + ") without a first line;"
                            + " stderr: " + err);
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no first line within 10 s");
        }

        InetSocketAddress address() throws InterruptedException {
            String line = firstLine();
            assertThat(line).matches("listening on 127\\.0\\.0\\.1:\\d+");
            return new InetSocketAddress("127.0.0.1", Integer.parseInt(line.substring(line.lastIndexOf(':') + 1)));
        }

        @Override
        public void close() {
            assertThat(exit.join()).isZero();
        }
    }

    private static DhcpMessage offerTo(InetSocketAddress server, String mac) {
        try (DhcpTestClient client = DhcpTestClient.builder().server(server).mac(mac)
                .timeout(Duration.ofSeconds(1)).build()) {
            return client.discover().orElseThrow(() -> new AssertionError("no OFFER"));
        }
    }

    @Test
    void theDefaultPoolKeepsTheRouterForTheServerIdentifier() throws Exception {
        try (Run run = new Run("--bind", "127.0.0.1:0", "--subnet", "10.20.0.0/24", "--router", "10.20.0.1")) {
            InetSocketAddress server = run.address();
            DhcpMessage first = offerTo(server, "02:00:00:00:00:01");
            assertThat(first.yiaddr().getHostAddress()).isEqualTo("10.20.0.2");
            assertThat(first.serverIdentifier().orElseThrow().getHostAddress()).isEqualTo("10.20.0.1");
            assertThat(first.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.20.0.1");
        }
    }

    @ParameterizedTest(name = "{0} -> server id {1}, first offer {2}")
    @CsvSource(delimiter = '|', value = {
            "--subnet 10.20.0.0/24                                             | 10.20.0.1   | 10.20.0.2",
            "--subnet 10.20.0.0/24 --router 10.20.0.254                        | 10.20.0.254 | 10.20.0.1",
            "--subnet 10.20.0.0/24 --router 10.20.0.1 --server-id 10.20.0.2    | 10.20.0.2   | 10.20.0.3",
            "--subnet 10.20.0.0/24 --router 10.20.0.1 --pool 10.20.0.1-10.20.0.9 | 10.20.0.1 | 10.20.0.2",
    })
    void theServerIdentifierIsInTheSubnetAndNeverOffered(String flags, String serverId, String firstOffer)
            throws Exception {
        try (Run run = new Run(flags.trim().split(" +"))) {
            DhcpMessage offer = offerTo(run.address(), "02:00:00:00:00:01");
            assertThat(offer.serverIdentifier().orElseThrow().getHostAddress()).isEqualTo(serverId);
            assertThat(offer.yiaddr().getHostAddress()).isEqualTo(firstOffer);
        }
    }

    @Test
    void aStaticLeaseIsServed() throws Exception {
        try (Run run = new Run("--subnet", "10.20.0.0/24", "--static", "02:00:00:00:00:42=10.20.0.42")) {
            DhcpMessage offer = offerTo(run.address(), "02:00:00:00:00:42");
            assertThat(offer.yiaddr().getHostAddress()).isEqualTo("10.20.0.42");
        }
    }

    @Test
    void aSecondServerOffersFromItsOwnPoolWithItsOwnIdentifier() throws Exception {
        try (Run run = new Run("--subnet", "10.20.0.0/24", "--router", "10.20.0.1", "--pool", "10.20.0.100-10.20.0.149",
                "--second-server", "10.20.0.2=10.20.0.200-10.20.0.249");
             DhcpTestClient client = DhcpTestClient.builder().server(run.address()).mac("02:00:00:00:00:07")
                     .timeout(Duration.ofSeconds(5)).build()) {
            DhcpMessage first = client.discover().orElseThrow(() -> new AssertionError("no OFFER"));
            DhcpMessage other = client.receive(Duration.ofSeconds(5))
                    .orElseThrow(() -> new AssertionError("one OFFER only: the second server did not answer"));
            assertThat(List.of(first, other)).extracting(m -> m.serverIdentifier().orElseThrow().getHostAddress()
                    + " " + m.yiaddr().getHostAddress()).containsExactlyInAnyOrder("10.20.0.1 10.20.0.100",
                    "10.20.0.2 10.20.0.200");
            assertThat(other.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.20.0.1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--subnet 10.20.0.0/24 --second-server 10.20.0.2         | second server '10.20.0.2' is not written IP=FIRST-LAST",
            "--subnet 10.20.0.0/24 --second-server 10.20.0.2=10.20.0.9-10.20.0.1 | ends before it starts",
            "--subnet6 2001:db8:1::/64 --second-server 10.20.0.2=10.20.0.200-10.20.0.249 | --second-server need --subnet CIDR",
            "--subnet 10.20.0.0/24 --pool 10.20.0.100..10.20.0.199 | pool '10.20.0.100..10.20.0.199' is not written FIRST-LAST",
            "--subnet 10.20.0.0/24 --pool 10.20.0.199-10.20.0.100  | ends before it starts",
            "--subnet 10.20.0.0/24 --pool 10.30.0.1-10.30.0.9      | outside subnet 10.20.0.0/24",
            "--subnet 10.20.0.0/24 --static 02:00:00:00:00:42      | static lease '02:00:00:00:00:42' is not written MAC=IP",
            "--subnet 10.20.0.0/24 --static 02:00:00:00:00:42=10.20.0.300 | 10.20.0.300",
            "--subnet 10.20.0.0/24 --static zz=10.20.0.42          | zz",
            "--subnet 10.20.0.0/32                                 | too small for a default pool",
            "--router 10.20.0.1                                    | --subnet CIDR is required",
            "--subnet 10.20.0.0/24 --static 02:00:00:00:42=10.20.0.42 | has 5 bytes, so no client can match it",
            "--subnet 10.20.0.0/24 --router 10.30.0.1              | router 10.30.0.1 is outside the subnet",
            "--subnet 10.20.0.0/24 --pcap /no-such-dir-dhcp-embedded/x.pcap | its folder /no-such-dir-dhcp-embedded does not exist",
    })
    void aBadValueExitsTwoWithOneLine(String flags, String saying) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(flags.trim().split(" +"));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("dhcp-embedded: ").contains(saying);
    }
}
