package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --rapid-commit} as SPEC §5 says: a DISCOVER carrying option 80 gets an ACK; without the flag, an OFFER. */
class ServeRapidCommitTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    private DhcpMessage rapidDiscoverAgainst(String... args) throws Exception {
        StringBuffer printed = new StringBuffer();
        Writer sink = new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                printed.append(chars, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(Main.commandLine().setOut(new PrintWriter(sink, true))
                .setErr(new PrintWriter(new StringWriter())).execute(args)), "serve-under-test");
        serve.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Matcher m = LISTENING.matcher("");
            while (System.nanoTime() < deadline && !(m = LISTENING.matcher(printed)).find()) {
                Thread.sleep(10);
            }
            assertThat(m.find(0)).as("printed: %s", printed).isTrue();
            int port = Integer.parseInt(m.group(1));
            try (DhcpTestClient client = DhcpTestClient.builder().server("127.0.0.1", port)
                    .mac("02:00:00:00:0c:01").timeout(Duration.ofSeconds(1)).attempts(2).build()) {
                DhcpMessage reply = client.discoverWithRapidCommit().orElseThrow();
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < end && printed.toString().lines().count() < 3) {
                    Thread.sleep(10);
                }
                assertThat(printed.toString()).contains("DHCP " + (reply.is(MessageType.ACK) ? "ACK" : "Offer"));
                return reply;
            }
        } finally {
            serve.interrupt();
            serve.join(5_000);
            assertThat(exit.get()).isZero();
        }
    }

    @Test
    void withTheFlagADiscoverWithOption80GetsAnAckWith80() throws Exception {
        DhcpMessage reply = rapidDiscoverAgainst("--subnet", "10.20.0.0/24", "--rapid-commit", "--max-seconds", "30");
        assertThat(reply.messageType()).contains(MessageType.ACK);
        assertThat(reply.rapidCommit()).isTrue();
        assertThat(reply.yiaddr().getHostAddress()).startsWith("10.20.0.");
    }

    @Test
    void withoutItAnOffer() throws Exception {
        DhcpMessage reply = rapidDiscoverAgainst("--subnet", "10.20.0.0/24", "--max-seconds", "30");
        assertThat(reply.messageType()).contains(MessageType.OFFER);
        assertThat(reply.rapidCommit()).isFalse();
    }
}
