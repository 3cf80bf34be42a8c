package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.RequestState;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ack;
import static dev.dhcpembedded.stub.Responses.badMagicCookie;
import static dev.dhcpembedded.stub.Responses.badOptionLength;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static dev.dhcpembedded.stub.Responses.ignore;
import static dev.dhcpembedded.stub.Responses.nak;
import static dev.dhcpembedded.stub.Responses.offer;
import static dev.dhcpembedded.stub.Responses.rogueServerId;
import static dev.dhcpembedded.stub.Responses.truncatedOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpClientException;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.client.Exchange;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every response kind, over loopback, with the project's client. */
class StubResponsesTest {

    private static final String MAC = "02:00:00:00:00:42";

    private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private DhcpServer server;
    private DhcpTestClient client;

    @BeforeEach
    void start() {
        server = DhcpServer.builder().serverId("10.20.0.1").clock(clock)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                .start();
        client = client(MAC, Duration.ofMillis(300), 1);
    }

    private DhcpTestClient client(String mac, Duration timeout, int attempts) {
        return DhcpTestClient.builder().server(server.address()).mac(mac).timeout(timeout).attempts(attempts)
                .build();
    }

    /**
     * What the journal holds once it has at least {@code count} entries of {@code query}. After the client gave
     * up waiting for a reply (300 ms), the server may not have handled the request yet on a loaded machine.
     */
    private static List<JournalEntry> journaled(java.util.function.Supplier<List<JournalEntry>> query, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(query::get, entries -> entries.size() >= count);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    @Test
    void ignoreDropsTheFirstTwoDiscoversThenTheDefaultAnswers() {
        server.stub(onDiscover().from(MAC).respond(ignore()).times(2));

        assertThat(client.discover()).isEmpty();
        assertThat(client.discover()).isEmpty();
        assertThat(client.discover()).hasValueSatisfying(o -> assertThat(o.is(OFFER)).isTrue());
        assertThat(server.journal().sent(OFFER)).hasSize(1);
        assertThat(server.journal().received(DISCOVER).get(0).note()).contains("stub #1").contains("ignore");
    }

    @Test
    void stubForAnotherMacDoesNotMatch() {
        server.stub(onDiscover().from("02:00:00:00:00:99").respond(ignore()));

        assertThat(client.discover()).isPresent();
    }

    @Test
    void nakOnceThenTheRequestIsAcked() {
        server.stub(onRequest().respond(nak("address moved")).once());

        assertThatThrownBy(client::dora).isInstanceOf(DhcpClientException.class).hasMessageContaining("address moved");
        ClientLease lease = client.dora();
        assertThat(lease.address().getHostAddress()).isEqualTo("10.20.0.100");
        assertThat(server.journal().sent(NAK)).hasSize(1);
        assertThat(server.journal().sent(NAK).get(0).message().orElseThrow().message()).contains("address moved");
    }

    @Test
    void offerAGivenAddressAndTheRequestForItIsAcked() {
        server.stub(onDiscover().respond(offer().address("10.20.0.77")));

        ClientLease lease = client.dora();

        assertThat(lease.address().getHostAddress()).isEqualTo("10.20.0.77");
        assertThat(server.lease("10.20.0.77")).isPresent();
    }

    @Test
    void theServersOwnAddressOfferedByAStubIsNeverHandedOutAgainByTheRfcPath() {
        // a server whose identifier lies inside its pool: the allocator skips it, and so must every other rule
        try (DhcpServer own = DhcpServer.builder().serverId("10.20.0.150").clock(clock)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")).start();
             DhcpTestClient device = DhcpTestClient.builder().server(own.address()).mac(MAC)
                     .timeout(Duration.ofSeconds(2)).attempts(1).build()) {
            own.stub(onDiscover().respond(offer().address("10.20.0.150")).once()); // a fault, on purpose
            DhcpMessage offer = device.discover().orElseThrow();
            assertThat(offer.yiaddr().getHostAddress()).isEqualTo("10.20.0.150");
            device.request(offer); // the RFC path: a NAK, as it never hands out its own address

            assertThat(device.discover()).hasValueSatisfying(again -> assertThat(again.yiaddr().getHostAddress())
                    .as("the RFC path's offer after the stub's").isNotEqualTo("10.20.0.150"));
        }
    }

    @Test
    void aRequestForTheServersOwnAddressIsNakedByTheRfcPath() {
        server.stub(onDiscover().respond(offer().address("10.20.0.1")).once());
        DhcpMessage offer = client.discover().orElseThrow();

        assertThat(client.request(offer)).hasValueSatisfying(reply -> {
            assertThat(reply.is(NAK)).as("reply to a REQUEST for the server's own address").isTrue();
            assertThat(reply.message()).hasValue("address reserved");
        });
    }

    @Test
    void ackAGivenAddress() {
        server.stub(onRequest().respond(ack().address("10.20.0.88")));

        ClientLease lease = client.dora();

        assertThat(lease.address().getHostAddress()).isEqualTo("10.20.0.88");
    }

    @Test
    void realTimeDelayHoldsTheOfferBack() {
        server.stub(onDiscover().respond(offer().delay(Duration.ofMillis(150))));
        DhcpTestClient patient = client("02:00:00:00:00:43", Duration.ofSeconds(2), 1);

        long start = System.nanoTime();
        Optional<DhcpMessage> offered = patient.discover();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        patient.close();

        assertThat(offered).isPresent();
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(140);
    }

    @Test
    void serverClockDelayWaitsForTheTestClockWithoutSleeping() {
        server.stub(onRequest().respond(defaultReply().delayOnServerClock(Duration.ofSeconds(30))));
        DhcpMessage offer = client.discover().orElseThrow();

        assertThat(client.request(offer)).isEmpty();
        journaled(() -> server.journal().received(REQUEST), 1);
        assertThat(server.journal().sent(ACK)).isEmpty();

        clock.advance(Duration.ofSeconds(30));

        assertThat(server.journal().sent(ACK)).hasSize(1);
        assertThat(client.receive(Duration.ofSeconds(1))).hasValueSatisfying(m -> assertThat(m.is(ACK)).isTrue());
    }

    @Test
    void duplicateSendsTheReplyTwice() {
        server.stub(onDiscover().respond(defaultReply().duplicate()));

        client.discover();

        assertThat(client.receive(Duration.ofSeconds(5))).hasValueSatisfying(m -> assertThat(m.is(OFFER)).isTrue());
        assertThat(server.journal().sent(OFFER)).hasSize(2);
    }

    @Test
    void competingServerOffersToo() {
        server.stub(onDiscover().respond(defaultReply().alsoFrom(rogueServerId("10.20.0.2"))));

        DhcpMessage first = client.discover().orElseThrow();
        DhcpMessage second = client.receive(Duration.ofSeconds(5)).orElseThrow();
        List<DhcpMessage> offers = List.of(first, second);

        assertThat(offers).extracting(o -> o.serverIdentifier().orElseThrow().getHostAddress())
                .containsExactlyInAnyOrder("10.20.0.1", "10.20.0.2");
        assertThat(server.journal().sent(OFFER)).extracting(e -> e.source().getAddress().getHostAddress())
                .containsExactlyInAnyOrder("10.20.0.1", "10.20.0.2");
    }

    @Test
    void wrongXidIsSentAndTheClientIgnoresIt() {
        server.stub(onDiscover().respond(defaultReply().wrongXid()).once());

        assertThat(client.discover()).isEmpty();
        DhcpMessage sent = journaled(() -> server.journal().sent(OFFER), 1).get(0).message().orElseThrow();
        DhcpMessage discover = server.journal().received(DISCOVER).get(0).message().orElseThrow();
        assertThat(sent.xid()).isEqualTo(discover.xid() + 1);
    }

    @Test
    void wrongChaddrIsSent() {
        server.stub(onDiscover().respond(defaultReply().withChaddr("02:00:00:00:00:99")));

        assertThat(client.discover()).isEmpty();
        assertThat(journaled(() -> server.journal().sent(OFFER), 1).get(0).clientMac().orElseThrow().toString())
                .isEqualTo("02:00:00:00:00:99");
    }

    @Test
    void malformedRepliesAreSentAndJournaledAsMalformed() {
        server.stub(onDiscover().respond(defaultReply().malformed(badOptionLength(OptionCode.ROUTER, 200)))
                .once());
        server.stub(onDiscover().respond(defaultReply().malformed(truncatedOption(OptionCode.SUBNET_MASK)))
                .once());
        server.stub(onDiscover().respond(defaultReply().malformed(badMagicCookie())).once());

        for (int i = 0; i < 3; i++) {
            assertThat(client.discover()).isEmpty();
        }
        List<JournalEntry> sent = journaled(() -> server.journal().sent(), 3);
        assertThat(sent).hasSize(3).allSatisfy(e -> {
            assertThat(e.message()).isEmpty();
            assertThat(e.error()).isPresent();
        });
        // the newest stub answers first: the bad cookie went out first
        assertThat(sent.get(0).error().orElseThrow().offset()).isEqualTo(236);
        assertThat(client.exchanges()).filteredOn(Exchange::isReceived).hasSize(3)
                .allSatisfy(x -> assertThat(x.decodeError()).isPresent());
        // and the fourth DISCOVER, not stubbed any more, gets a clean OFFER
        assertThat(client.discover()).isPresent();
    }

    @Test
    void addReplaceAndRemoveOptions() {
        server.stub(onDiscover().respond(defaultReply()
                .withOption(DhcpOptions.domainName("stubbed.test"))
                .withOption(DhcpOptions.router("10.20.0.254"))
                .withoutOption(OptionCode.SUBNET_MASK)));

        DhcpMessage offer = client.discover().orElseThrow();

        assertThat(offer.domainName()).contains("stubbed.test");
        assertThat(offer.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.20.0.254");
        assertThat(offer.subnetMask()).isEmpty();
    }

    @Test
    void lambdaGetsTheRequestAndTheDefaultReply() {
        server.stub(onRequest().respond((request, ctx) -> ctx.defaultReply()
                .withOption(DhcpOptions.message("hello " + request.clientMac()))));

        ClientLease lease = client.dora();

        assertThat(lease.ack().message()).contains("hello " + MAC);
    }

    @Test
    void lambdaReturningNullSendsNothing() {
        server.stub(onDiscover().respond((request, ctx) -> null));

        assertThat(client.discover()).isEmpty();
        assertThat(journaled(() -> server.journal().received(DISCOVER), 1).get(0).note()).contains("no reply");
    }

    @Test
    void nthOccurrenceOnly() {
        server.stub(onDiscover().occurrence(2).respond(ignore()));

        assertThat(client.discover()).isPresent();
        assertThat(client.discover()).isEmpty();
        assertThat(client.discover()).isPresent();
    }

    @Test
    void priorityThenNewestFirst() {
        server.stub(onDiscover().respond(offer().address("10.20.0.150")).atPriority(5));
        server.stub(onDiscover().respond(offer().address("10.20.0.151")));
        server.stub(onDiscover().respond(offer().address("10.20.0.152")));

        assertThat(client.discover().orElseThrow().yiaddr().getHostAddress()).isEqualTo("10.20.0.150");
    }

    @Test
    void newestStubWinsAmongEqualPriorities() {
        server.stub(onDiscover().respond(offer().address("10.20.0.151")));
        server.stub(onDiscover().respond(offer().address("10.20.0.152")));

        assertThat(client.discover().orElseThrow().yiaddr().getHostAddress()).isEqualTo("10.20.0.152");
    }

    @Test
    void scenarioDropThenOfferThenNakOnceThenAck() {
        server.stub(onDiscover().respond(ignore())
                .inScenario("boot").whenScenarioStateIs(Stub.STARTED).willSetStateTo("dropped"));
        server.stub(onRequest().respond(nak("not yet"))
                .inScenario("boot").whenScenarioStateIs("dropped").willSetStateTo("naked"));

        assertThat(client.discover()).isEmpty();
        assertThat(server.scenarioState("boot")).isEqualTo("dropped");
        assertThatThrownBy(client::dora).hasMessageContaining("not yet");
        assertThat(server.scenarioState("boot")).isEqualTo("naked");
        assertThat(client.dora().address().getHostAddress()).isEqualTo("10.20.0.100");
    }

    @Test
    void stubsCanBeRemovedWhileRunning() {
        Stub dropAll = server.stub(onDiscover().respond(ignore()));
        assertThat(client.discover()).isEmpty();

        server.removeStub(dropAll);

        assertThat(client.discover()).isPresent();
    }

    @Test
    void resetRemovesStubs() {
        server.stub(onDiscover().respond(ignore()));
        server.reset();

        assertThat(client.discover()).isPresent();
        assertThat(server.stubs()).isEmpty();
    }

    @Test
    void inStateMatchesRenewingRequests() {
        server.stub(onRequest().inState(RequestState.RENEWING).respond(nak("renewal refused")));
        ClientLease lease = client.dora();

        Optional<DhcpMessage> renewal = client.renew(lease);

        assertThat(renewal).hasValueSatisfying(m -> assertThat(m.is(NAK)).isTrue());
        assertThat(server.journal().received(REQUEST)).hasSize(2);
    }

    @Test
    void everySentReplyNamesItsStubInTheJournal() {
        server.stub(onDiscover().respond(offer().address("10.20.0.77")));

        client.discover();

        assertThat(server.journal().sent(OFFER).get(0).note())
                .startsWith("stub #1 (DISCOVER -> offer 10.20.0.77)");
    }

    @Test
    void malformedBytesReallyFailToDecode() {
        server.stub(onDiscover().respond(defaultReply().malformed(badMagicCookie())));
        client.discover();

        byte[] sent = server.journal().sent().get(0).bytes();
        assertThatThrownBy(() -> DhcpCodec.decode(sent)).isInstanceOf(DhcpCodecException.class)
                .hasMessageContaining("magic cookie");
    }
}
