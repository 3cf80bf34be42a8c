package dev.dhcpembedded.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.TestClock;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8415 section 15 on a TestClock: a server that never answers (a socket no one reads), a client that moves the
 * clock, and the times of its transmissions in its exchange log. RT is checked against the section's bounds, MRC
 * and MRD against section 7.6.
 */
class Dhcp6RetransmissionTest {

    static final Duid SERVER = Duid.en(32473, new byte[] {9});
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final TestClock clock = TestClock.at(START);
    final List<AutoCloseable> toClose = new ArrayList<>();
    DatagramSocket silent;

    @BeforeEach
    void silentServer() throws IOException {
        silent = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0));
        toClose.add(silent);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    Dhcp6TestClient client(long seed, UnaryOperator<Dhcp6TestClientBuilder> extra) {
        Dhcp6TestClient client = extra.apply(Dhcp6TestClient.builder()
                .server((InetSocketAddress) silent.getLocalSocketAddress())
                .duid(Duid.ll(MacAddress.parse("02:00:00:00:00:42"))).random(new SplittableRandom(seed))
                .clock(clock, clock::advance).replyWait(Duration.ofMillis(20))).build();
        toClose.add(client);
        return client;
    }

    /** The times of the transmissions, in milliseconds since the first. */
    static List<Long> sendTimes(Dhcp6TestClient client) {
        List<Exchange<Dhcp6Message>> sent = client.exchanges().stream().filter(Exchange::isSent).toList();
        Instant first = sent.get(0).time();
        return sent.stream().map(e -> Duration.between(first, e.time()).toMillis()).toList();
    }

    static List<Long> gaps(List<Long> times) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(times.get(i) - times.get(i - 1));
        }
        return gaps;
    }

    /** RT = 2*RTprev + RAND*RTprev, or MRT + RAND*MRT once over MRT (section 15), to the millisecond. */
    static void assertDoublingWithRand(List<Long> rts, long mrtMillis) {
        for (int i = 1; i < rts.size(); i++) {
            long prev = rts.get(i - 1);
            long rt = rts.get(i);
            boolean doubled = rt >= Math.floor(1.9 * prev) && rt <= Math.ceil(2.1 * prev) && rt <= 1.1 * mrtMillis;
            boolean capped = rt >= 0.9 * mrtMillis && rt <= 1.1 * mrtMillis;
            assertThat(doubled || capped).as("RT %d ms after RT %d ms (MRT %d ms)", rt, prev, mrtMillis).isTrue();
        }
    }

    static Dhcp6Message advertise() {
        return Dhcp6Message.builder(Dhcp6MessageType.ADVERTISE).transactionId(1)
                .option(Dhcp6Option.serverId(SERVER))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0, Dhcp6Option.iaAddress(
                        IaAddress.of(Ipv6.parse("2001:db8:1::100"), 0, 0))))).build();
    }

    /** A lease obtained now, T1 1800 s, T2 2880 s, valid 7200 s. */
    ClientLease6 lease() {
        Dhcp6Message reply = Dhcp6Message.builder(Dhcp6MessageType.REPLY).transactionId(2)
                .option(Dhcp6Option.serverId(SERVER))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 1800, 2880, Dhcp6Option.iaAddress(
                        IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3600, 7200))))).build();
        return ClientLease6.fromReply(reply, clock.instant());
    }

    @Test
    void requestStopsAfterMrcTenTransmissionsWithDoublingTimeoutsCappedAtThirtySeconds() {
        Dhcp6TestClient client = client(1, b -> b.attempts(100));

        assertThat(client.request(advertise())).isEmpty();

        List<Long> times = sendTimes(client);
        assertThat(times).hasSize(10);                                       // REQ_MAX_RC
        List<Long> rts = new ArrayList<>(gaps(times));
        rts.add(Duration.between(START, clock.instant()).toMillis() - times.get(9)); // the wait after the last one
        assertThat(rts.get(0)).isBetween(900L, 1100L);                       // REQ_TIMEOUT 1 s +- 10 %
        assertDoublingWithRand(rts, 30_000);                                 // REQ_MAX_RT 30 s
        assertThat(rts.subList(6, 10)).allSatisfy(rt -> assertThat(rt).isBetween(27_000L, 33_000L));
        assertThat(client.sent()).extracting(Dhcp6Message::transactionId).containsOnly(
                client.sent().get(0).transactionId());
        assertThat(client.sent()).extracting(m -> (long) m.elapsedTime().getAsInt())
                .containsExactlyElementsOf(times.stream().map(t -> t / 10).toList()); // hundredths since the first
    }

    @Test
    void confirmEndsAtMrdTenSecondsWhateverTheCount() {
        Dhcp6TestClient client = client(2, b -> b.attempts(100));

        assertThat(client.confirm(lease())).isEmpty();

        List<Long> times = sendTimes(client);
        assertThat(times).hasSizeBetween(4, 5).allSatisfy(t -> assertThat(t).isLessThan(10_000L));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(10));         // CNF_MAX_RD, not a moment later
        List<Long> rts = gaps(times);
        assertThat(rts.get(0)).isBetween(900L, 1100L);                       // CNF_TIMEOUT
        assertDoublingWithRand(rts, 4_000);                                  // CNF_MAX_RT
    }

    @Test
    void renewRetransmitsUntilT2() {
        ClientLease6 lease = lease();
        clock.advance(Duration.ofSeconds(1800));                             // T1
        Dhcp6TestClient client = client(3, b -> b.attempts(100));

        assertThat(client.renew(lease)).isEmpty();

        List<Long> times = sendTimes(client);
        assertThat(clock.instant()).isEqualTo(lease.rebindAt());             // MRD: the time left until T2
        assertThat(times).allSatisfy(t -> assertThat(t).isLessThan(1080_000L));
        assertThat(gaps(times).get(0)).isBetween(9_000L, 11_000L);           // REN_TIMEOUT 10 s
        assertDoublingWithRand(gaps(times), 600_000);                        // REN_MAX_RT
    }

    @Test
    void releaseAndDeclineStopAfterFourTransmissions() {
        Dhcp6TestClient release = client(4, b -> b.attempts(100));
        assertThat(release.release(lease())).isEmpty();
        assertThat(release.sent()).hasSize(4);                               // REL_MAX_RC

        Dhcp6TestClient decline = client(5, b -> b.attempts(100));
        assertThat(decline.decline(lease())).isEmpty();
        assertThat(decline.sent()).hasSize(4);                               // DEC_MAX_RC
    }

    @Test
    void theFirstSolicitTimeoutIsStrictlyOverOneSecondAndTheClientStopsAtItsAttempts() {
        for (long seed = 0; seed < 20; seed++) {
            Instant before = clock.instant();
            Dhcp6TestClient client = client(seed, b -> b.attempts(1));
            assertThat(client.solicit()).isEmpty();
            assertThat(Duration.between(before, clock.instant()).toMillis()).isBetween(1001L, 1100L);
        }
        Dhcp6TestClient capped = client(99, b -> b.attempts(6));
        assertThat(capped.solicit()).isEmpty();
        List<Long> times = sendTimes(capped);
        assertThat(times).hasSize(6);                                        // SOLICIT has no MRC: the client's own
        assertDoublingWithRand(gaps(times), 3_600_000);                      // SOL_MAX_RT
    }

    @Test
    void anUnansweredSolicitRequestSaysWhatWentUnanswered() {
        Dhcp6TestClient client = client(6, b -> b.attempts(3).xids(() -> 0xabcdef));

        assertThatThrownBy(client::solicitRequest).isInstanceOf(DhcpClientException.class)
                .hasMessageStartingWith("no ADVERTISE within ")
                .hasMessageContaining(": 3 SOLICIT(s) with transaction id 0xabcdef from DUID-LL hw=Ethernet(1)"
                        + " lladdr=02:00:00:00:00:42"
                        + " to [::1]:" + silent.getLocalPort() + " went unanswered")
                .satisfies(e -> assertThat(((DhcpClientException) e).reply6()).isEmpty());
    }

    @Test
    void aReplyLaterThanTheRealWaitIsStillTaken() throws Exception {
        Dhcp6TestClient client = client(7, b -> b.attempts(50));       // at least 50 x 20 ms of real waiting
        Thread slowServer = new Thread(() -> {
            try {
                DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
                silent.receive(in);
                Dhcp6Message solicit = Dhcp6Codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
                Thread.sleep(100);                                           // five times the client's real wait
                byte[] out = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.ADVERTISE)
                        .transactionId(solicit.transactionId()).option(Dhcp6Option.clientId(solicit.clientId()
                                .orElseThrow())).option(Dhcp6Option.serverId(SERVER)).build());
                silent.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        slowServer.start();

        assertThat(client.solicit()).hasValueSatisfying(m -> assertThat(m.serverId()).contains(SERVER));
        slowServer.join();
        assertThat(client.sent().size()).as("retransmitted meanwhile, same transaction id").isGreaterThan(1);
        assertThat(client.sent()).extracting(Dhcp6Message::transactionId).containsOnly(
                client.sent().get(0).transactionId());
    }

    @Test
    void onARealClockTheWaitPassesInRealTimeAndLeavesATestClockAlone() {
        Dhcp6TestClient client = Dhcp6TestClient.builder()
                .server((InetSocketAddress) silent.getLocalSocketAddress()).clock(clock).attempts(1).build();
        toClose.add(client);

        assertThat(client.informationRequest()).isEmpty();
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(client.sent()).singleElement().satisfies(m -> assertThat(m.elapsedTime()).hasValue(0));
    }
}
