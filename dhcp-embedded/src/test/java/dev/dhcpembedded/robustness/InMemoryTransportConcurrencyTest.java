package dev.dhcpembedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryTransport#deliver} from several threads at once: each call returns only the replies to its own
 * datagram (before cd872d8 it returned every datagram sent since the call began, so concurrent callers got other
 * clients' replies), and {@link InMemoryTransport#sent()} stays within its history bound.
 */
class InMemoryTransportConcurrencyTest {

    @Test
    void concurrentExchangesGetOnlyTheirOwnReplies() throws Exception {
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = DhcpServer.builder().transport(memory).serverId("10.50.0.1")
                .subnet("10.50.0.0/16", s -> s.pool("10.50.1.0", "10.50.255.254")).start();
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier go = new CyclicBarrier(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    go.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        int n = thread * perThread + i;
                        DhcpMessage discover = DhcpMessage.builder().xid(n).chaddr(Wire.macText(n))
                                .messageType(MessageType.DISCOVER).build();
                        List<DhcpMessage> replies = memory.exchange(discover);
                        if (replies.size() != 1 || replies.get(0).xid() != n) {
                            wrong.add("xid " + n + " got " + replies.size() + " replies: "
                                    + replies.stream().map(r -> Integer.toString(r.xid())).toList());
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> result : results) {
                wrong.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(wrong).as("exchanges that got another client's reply").isEmpty();
            assertThat(memory.sent()).hasSize(Math.min(InMemoryTransport.HISTORY, threads * perThread));
        } finally {
            pool.shutdownNow();
            server.stop();
        }
    }
}
