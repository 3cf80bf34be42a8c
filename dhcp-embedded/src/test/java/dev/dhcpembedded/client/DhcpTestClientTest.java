package dev.dhcpembedded.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DhcpTestClientTest {

    /**
     * How long the client waits for an answer the fake server does give. The wait ends when the reply arrives, so
     * it costs nothing; it only has to outlast any stall of a loaded machine. (It was 150 ms: a reply that a busy
     * JVM delivered later than that made the client retransmit, and the tests that count datagrams failed, e.g.
     * "Expected size: 2 but was: 3".) Tests of silence choose their own short timeout.
     */
    private static final Duration PATIENT = Duration.ofSeconds(5);
    private static final Duration AWAIT = Duration.ofSeconds(2);
    private static final String MAC = "02:00:00:00:00:42";

    private static DhcpTestClientBuilder clientOf(FakeDhcpServer server) {
        return DhcpTestClient.builder().server("127.0.0.1", server.port()).mac(MAC).timeout(PATIENT).attempts(3);
    }

    private static List<Integer> codes(DhcpMessage message) {
        return message.options().stream().map(o -> o.code().code()).collect(Collectors.toList());
    }

    @Test
    void doraReturnsTheLeaseAndSendsWhatRfc2131Asks() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).clientIdentifier(MacAddress.parse(MAC))
                        .hostname("probe").vendorClass("dhcp-embedded-test").build()) {
            ClientLease lease = client.dora();

            assertThat(lease.address()).isEqualTo(Ipv4.parse("10.20.0.100"));
            assertThat(lease.serverId()).isEqualTo(Ipv4.parse(FakeDhcpServer.SERVER_ID));
            assertThat(lease.leaseTime()).isEqualTo(Duration.ofMinutes(10));
            assertThat(lease.renewalTime()).isEqualTo(Duration.ofMinutes(5));
            assertThat(lease.rebindingTime()).isEqualTo(Duration.ofSeconds(525));
            assertThat(lease.subnetMask()).contains(Ipv4.parse("255.255.255.0"));
            assertThat(lease.routers()).containsExactly(Ipv4.parse("10.20.0.1"));
            assertThat(lease.dns()).containsExactly(Ipv4.parse("10.20.0.53"), Ipv4.parse("10.20.0.54"));
            assertThat(lease.domainName()).contains("lab.test");
            assertThat(lease.options()).isEqualTo(lease.ack().options());
            assertThat(lease.option(OptionCode.DOMAIN_NAME)).isPresent();

            List<DhcpMessage> seen = server.received();
            assertThat(seen).hasSize(2);
            DhcpMessage discover = seen.get(0);
            DhcpMessage request = seen.get(1);
            assertThat(discover.is(MessageType.DISCOVER)).isTrue();
            assertThat(discover.op()).isEqualTo(DhcpMessage.BOOTREQUEST);
            assertThat(discover.clientMac()).isEqualTo(MacAddress.parse(MAC));
            assertThat(Ipv4.toInt(discover.ciaddr())).isZero();
            assertThat(Ipv4.toInt(discover.giaddr())).isZero();
            assertThat(discover.hops()).isZero();
            assertThat(discover.isBroadcast()).isFalse();
            assertThat(discover.hasOption(OptionCode.SERVER_IDENTIFIER)).isFalse();
            assertThat(discover.hasOption(OptionCode.REQUESTED_IP_ADDRESS)).isFalse();
            assertThat(discover.parameterRequestList().stream().map(OptionCode::code))
                    .containsExactly(1, 3, 6, 15, 51, 54, 58, 59, 119, 121);
            assertThat(discover.maximumMessageSize()).hasValue(1500);
            assertThat(discover.clientIdentifier()).hasValueSatisfying(
                    id -> assertThat(id).containsExactly(1, 2, 0, 0, 0, 0, 0x42));
            assertThat(discover.hostname()).contains("probe");
            assertThat(discover.vendorClassIdentifier()).contains("dhcp-embedded-test");
            assertThat(codes(discover).get(0)).isEqualTo(53);

            assertThat(request.is(MessageType.REQUEST)).isTrue();
            assertThat(request.xid()).isEqualTo(discover.xid());
            assertThat(Ipv4.toInt(request.ciaddr())).isZero();
            assertThat(request.requestedIpAddress()).contains(Ipv4.parse("10.20.0.100"));
            assertThat(request.serverIdentifier()).contains(Ipv4.parse(FakeDhcpServer.SERVER_ID));
            assertThat(request.clientIdentifier()).isPresent();
            assertThat(request.hostname()).contains("probe");
            assertThat(request.parameterRequestList()).isEqualTo(discover.parameterRequestList());
            assertThat(request.secs()).isGreaterThanOrEqualTo(discover.secs());

            List<Exchange<DhcpMessage>> exchanges = client.exchanges();
            assertThat(exchanges).extracting(Exchange::direction).containsExactly(Exchange.Direction.SENT,
                    Exchange.Direction.RECEIVED, Exchange.Direction.SENT, Exchange.Direction.RECEIVED);
            assertThat(exchanges).extracting(e -> e.message().messageType().orElseThrow())
                    .containsExactly(MessageType.DISCOVER, MessageType.OFFER, MessageType.REQUEST, MessageType.ACK);
            assertThat(exchanges.get(0).peer().getPort()).isEqualTo(server.port());
            assertThat(exchanges.get(1).peer().getPort()).isEqualTo(server.port());
            assertThat(client.sent()).containsExactly(discover, request);
            assertThat(client.received().get(1)).isEqualTo(lease.ack());
        }
    }

    @Test
    void discoverThenRequestReturnTheOfferAndTheAck() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.101");
                DhcpTestClient client = clientOf(server).build()) {
            DhcpMessage offer = client.discover().orElseThrow();
            assertThat(offer.is(MessageType.OFFER)).isTrue();
            DhcpMessage ack = client.request(offer).orElseThrow();
            assertThat(ack.is(MessageType.ACK)).isTrue();
            assertThat(ack.xid()).isEqualTo(offer.xid());
            assertThatThrownBy(() -> client.request(ack)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs an OFFER");
        }
    }

    @Test
    void nakEndsDoraWithTheServersMessage() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.answering(request -> request.is(MessageType.DISCOVER)
                        ? List.of(FakeDhcpServer.offer(request, "10.20.0.100"))
                        : List.of(FakeDhcpServer.nak(request, "address moved")));
                DhcpTestClient client = clientOf(server).build()) {
            assertThatThrownBy(client::dora)
                    .isInstanceOf(DhcpClientException.class)
                    .hasMessage("NAK for 10.20.0.100 from server 10.20.0.1 with message \"address moved\"")
                    .satisfies(e -> assertThat(((DhcpClientException) e).reply())
                            .hasValueSatisfying(nak -> assertThat(nak.is(MessageType.NAK)).isTrue()));
        }
    }

    @Test
    void silenceMeansRetransmissionsWithTheSameXidAndGrowingSecsThenEmpty() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.silent();
                DhcpTestClient client = clientOf(server).timeout(Duration.ofMillis(100)).attempts(3).build()) {
            long start = System.nanoTime();
            Optional<DhcpMessage> offer = client.discover();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(offer).isEmpty();
            assertThat(elapsedMillis).isBetween(250L, 2000L);
            List<DhcpMessage> discovers = server.awaitReceived(3, AWAIT);
            assertThat(discovers).hasSize(3).allMatch(m -> m.is(MessageType.DISCOVER));
            assertThat(discovers).extracting(DhcpMessage::xid).containsOnly(discovers.get(0).xid());
            assertThat(discovers).extracting(DhcpMessage::secs).isSorted().doesNotHaveDuplicates();
            assertThat(client.sent()).hasSize(3);
            assertThat(client.received()).isEmpty();
        }
    }

    @Test
    void doraSaysWhatWasMissing() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.silent();
                DhcpTestClient client = clientOf(server).timeout(Duration.ofMillis(50)).attempts(2)
                        .xids(() -> 0x3903f326).build()) {
            assertThatThrownBy(client::dora).isInstanceOf(DhcpClientException.class)
                    .hasMessage("no OFFER within 100ms: 2 DISCOVER(s) with xid 0x3903f326 from " + MAC
                            + " to 127.0.0.1:" + server.port() + " went unanswered");
        }
        try (FakeDhcpServer server = FakeDhcpServer.answering(request -> request.is(MessageType.DISCOVER)
                        ? List.of(FakeDhcpServer.offer(request, "10.20.0.100")) : List.of());
                // the OFFER must come within the timeout, the REQUEST then goes unanswered: long enough for the first,
                // short enough that waiting out the second costs little
                DhcpTestClient client = clientOf(server).timeout(Duration.ofMillis(500)).attempts(2).build()) {
            assertThatThrownBy(client::dora).isInstanceOf(DhcpClientException.class)
                    .hasMessageStartingWith("no ACK or NAK within 1s: 2 REQUEST(s) for 10.20.0.100 from server "
                            + "10.20.0.1");
            assertThat(server.awaitReceived(3, AWAIT)).extracting(DhcpMessage::xid).containsOnly(
                    server.received().get(0).xid());
        }
    }

    @Test
    void anAckWithoutLeaseTimeIsNotALease() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.answering(request -> request.is(MessageType.DISCOVER)
                        ? List.of(FakeDhcpServer.offer(request, "10.20.0.100"))
                        : List.of(FakeDhcpServer.reply(request, MessageType.ACK).yiaddr("10.20.0.100").build()));
                DhcpTestClient client = clientOf(server).build()) {
            assertThatThrownBy(client::dora).isInstanceOf(DhcpClientException.class)
                    .hasMessage("the ACK for 10.20.0.100 from server 10.20.0.1 is not a usable lease: "
                            + "it has no lease time (51)");
        }
    }

    @Test
    void renewSendsCiaddrWithoutRequestedAddressOrServerId() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).broadcast(true).build()) {
            ClientLease lease = client.dora();
            DhcpMessage ack = client.renew(lease).orElseThrow();

            DhcpMessage renew = server.received().get(2);
            assertThat(renew.is(MessageType.REQUEST)).isTrue();
            assertThat(renew.ciaddr()).isEqualTo(lease.address());
            assertThat(renew.hasOption(OptionCode.REQUESTED_IP_ADDRESS)).isFalse();
            assertThat(renew.hasOption(OptionCode.SERVER_IDENTIFIER)).isFalse();
            assertThat(renew.isBroadcast()).isFalse();
            assertThat(renew.xid()).isNotEqualTo(lease.ack().xid());
            assertThat(renew.parameterRequestList()).isNotEmpty();
            assertThat(ack.is(MessageType.ACK)).isTrue();
            assertThat(ClientLease.fromAck(ack, Instant.EPOCH).address()).isEqualTo(lease.address());
        }
    }

    @Test
    void rebindSendsTheSameShapeAsRenew() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).build()) {
            ClientLease lease = client.dora();
            assertThat(client.rebind(lease)).hasValueSatisfying(m -> assertThat(m.is(MessageType.ACK)).isTrue());
            DhcpMessage rebind = server.received().get(2);
            assertThat(rebind.ciaddr()).isEqualTo(lease.address());
            assertThat(rebind.hasOption(OptionCode.REQUESTED_IP_ADDRESS)).isFalse();
            assertThat(rebind.hasOption(OptionCode.SERVER_IDENTIFIER)).isFalse();
        }
    }

    @Test
    void initRebootSendsTheAddressWithoutServerIdAndCiaddrZero() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).build()) {
            assertThat(client.initReboot("10.20.0.100")).isPresent();
            DhcpMessage request = server.received().get(0);
            assertThat(request.is(MessageType.REQUEST)).isTrue();
            assertThat(Ipv4.toInt(request.ciaddr())).isZero();
            assertThat(request.requestedIpAddress()).contains(Ipv4.parse("10.20.0.100"));
            assertThat(request.hasOption(OptionCode.SERVER_IDENTIFIER)).isFalse();
        }
    }

    @Test
    void releaseSendsCiaddrAndServerIdOnly() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).clientIdentifier(MacAddress.parse(MAC)).hostname("probe")
                        .build()) {
            ClientLease lease = client.dora();
            DhcpMessage sent = client.release(lease);

            DhcpMessage release = server.awaitReceived(3, AWAIT).get(2);
            assertThat(release).isEqualTo(sent);
            assertThat(release.is(MessageType.RELEASE)).isTrue();
            assertThat(release.ciaddr()).isEqualTo(lease.address());
            assertThat(release.serverIdentifier()).contains(lease.serverId());
            assertThat(release.secs()).isZero();
            assertThat(release.flags()).isZero();
            assertThat(codes(release)).containsExactly(53, 61, 54);
            assertThat(release.xid()).isNotEqualTo(lease.ack().xid());
            assertThat(client.exchanges()).hasSize(5).last().satisfies(e -> assertThat(e.isSent()).isTrue());
        }
    }

    @Test
    void declineSendsTheAddressAndServerIdWithCiaddrZero() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).build()) {
            ClientLease lease = client.dora();
            client.decline(lease);
            DhcpMessage decline = server.awaitReceived(3, AWAIT).get(2);
            assertThat(decline.is(MessageType.DECLINE)).isTrue();
            assertThat(Ipv4.toInt(decline.ciaddr())).isZero();
            assertThat(decline.requestedIpAddress()).contains(lease.address());
            assertThat(decline.serverIdentifier()).contains(lease.serverId());
            assertThat(codes(decline)).containsExactly(53, 50, 54);
        }
    }

    @Test
    void informSendsCiaddrAndReturnsTheAck() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server)
                        .option(DhcpOptions.leaseTime(Duration.ofHours(1)))
                        .option(DhcpOptions.requestedIpAddress("10.20.0.9")).build()) {
            DhcpMessage ack = client.inform("10.20.0.7").orElseThrow();
            assertThat(ack.is(MessageType.ACK)).isTrue();
            assertThat(ack.domainNameServers()).containsExactly(Ipv4.parse("10.20.0.53"));
            DhcpMessage inform = server.received().get(0);
            assertThat(inform.is(MessageType.INFORM)).isTrue();
            assertThat(inform.ciaddr()).isEqualTo(Ipv4.parse("10.20.0.7"));
            assertThat(inform.hasOption(OptionCode.REQUESTED_IP_ADDRESS)).isFalse();
            assertThat(inform.hasOption(OptionCode.SERVER_IDENTIFIER)).isFalse();
            assertThat(inform.hasOption(OptionCode.IP_ADDRESS_LEASE_TIME)).isFalse();
            assertThat(inform.parameterRequestList()).isNotEmpty();
        }
    }

    @Test
    void repliesWithAnotherXidOrChaddrOrTypeAreIgnoredButJournaled() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.answering(request -> {
                    DhcpMessage right = FakeDhcpServer.offer(request, "10.20.0.100");
                    return List.of(
                            right.toBuilder().xid(request.xid() + 1).yiaddr("10.20.0.201").build(),
                            right.toBuilder().chaddr("02:00:00:00:00:99").yiaddr("10.20.0.202").build(),
                            right.toBuilder().messageType(MessageType.ACK).yiaddr("10.20.0.203").build(),
                            right);
                });
                DhcpTestClient client = clientOf(server).build()) {
            DhcpMessage offer = client.discover().orElseThrow();
            assertThat(offer.yiaddr()).isEqualTo(Ipv4.parse("10.20.0.100"));
            assertThat(client.received()).extracting(m -> Ipv4.toString(Ipv4.toInt(m.yiaddr())))
                    .containsExactly("10.20.0.201", "10.20.0.202", "10.20.0.203", "10.20.0.100");
            assertThat(client.sent()).hasSize(1);
        }
    }

    @Test
    void malformedRepliesAreJournaledWithTheReasonAndIgnored() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.answeringRaw(request -> List.of(
                        new byte[] {1, 2, 3},
                        dev.dhcpembedded.codec.DhcpCodec.encode(FakeDhcpServer.offer(request, "10.20.0.100"))));
                DhcpTestClient client = clientOf(server).build()) {
            assertThat(client.discover()).isPresent();
            Exchange<DhcpMessage> bad = client.exchanges().get(1);
            assertThat(bad.isReceived()).isTrue();
            assertThat(bad.decoded()).isEmpty();
            assertThat(bad.decodeError()).hasValueSatisfying(reason -> assertThat(reason).contains("shorter"));
            assertThat(bad.raw()).containsExactly(1, 2, 3);
            assertThatThrownBy(bad::message).isInstanceOf(IllegalStateException.class);
            assertThat(client.received()).hasSize(1);
        }
    }

    @Test
    void lowLevelSendReceiveAndSendRaw() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).build()) {
            byte[] garbage = "not dhcp".getBytes(StandardCharsets.US_ASCII);
            client.sendRaw(garbage);
            assertThat(server.awaitReceived(1, AWAIT)).isEmpty();
            assertThat(server.receivedRaw().get(0)).isEqualTo(garbage);
            assertThat(client.exchanges().get(0).decodeError()).isPresent();

            DhcpMessage crafted = client.newMessage(MessageType.DISCOVER).secs(7).build();
            client.send(crafted);
            DhcpMessage reply = client.receive(AWAIT).orElseThrow();
            assertThat(reply.xid()).isEqualTo(crafted.xid());
            assertThat(server.received()).containsExactly(crafted);
            assertThat(client.receive(Duration.ofMillis(50))).isEmpty();
        }
    }

    @Test
    void everyDiscoverHasANewXidFromTheConfiguredSource() throws Exception {
        AtomicInteger next = new AtomicInteger(100);
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).xids(next::getAndIncrement).build()) {
            client.dora();
            client.discover();
            assertThat(server.received()).extracting(DhcpMessage::xid).containsExactly(100, 100, 101);
        }
    }

    @Test
    void aSeededRandomGivesAReproducibleLocallyAdministeredMacAndXids() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.silent();
                DhcpTestClient a = DhcpTestClient.builder().server("127.0.0.1", server.port())
                        .random(RandomGenerator.of("L64X128MixRandom")).build();
                DhcpTestClient b = DhcpTestClient.builder().server("127.0.0.1", server.port()).build()) {
            assertThat(a.mac().bytes()[0]).isEqualTo((byte) 0x02);
            assertThat(a.mac().length()).isEqualTo(6);
            assertThat(b.mac().bytes()[0]).isEqualTo((byte) 0x02);
            assertThat(a.mac()).isNotEqualTo(b.mac());
            assertThat(a.localAddress().getAddress()).isEqualTo(Ipv4.parse("127.0.0.1"));
            assertThat(a.localAddress().getPort()).isNotEqualTo(b.localAddress().getPort());
        }
        java.util.SplittableRandom seed1 = new java.util.SplittableRandom(42);
        java.util.SplittableRandom seed2 = new java.util.SplittableRandom(42);
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient a = DhcpTestClient.builder().server("127.0.0.1", server.port()).random(seed1).build();
                DhcpTestClient b = DhcpTestClient.builder().server("127.0.0.1", server.port()).random(seed2).build()) {
            assertThat(a.mac()).isEqualTo(b.mac());
            assertThat(a.discover().orElseThrow().xid()).isEqualTo(b.discover().orElseThrow().xid());
        }
    }

    @Test
    void theClockStampsExchangesAndLeases() throws Exception {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
            ClientLease lease = client.dora();
            assertThat(lease.obtainedAt()).isEqualTo(now);
            assertThat(lease.renewAt()).isEqualTo(now.plusSeconds(300));
            assertThat(lease.expiresAt()).isEqualTo(now.plusSeconds(600));
            assertThat(client.exchanges()).extracting(Exchange::time).containsOnly(now);
            assertThat(server.received()).extracting(DhcpMessage::secs).containsOnly(0);
        }
    }

    @Test
    void relayModeSetsGiaddrAndExtraOptionsFollowTheConfiguredOnes() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100");
                DhcpTestClient client = clientOf(server).giaddr("10.20.0.254").broadcast(true).maxMessageSize(576)
                        .parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER)
                        .option(DhcpOption.of(224, new byte[] {9}))
                        .option(DhcpOptions.messageType(MessageType.INFORM)).build()) {
            client.dora();
            DhcpMessage discover = server.received().get(0);
            assertThat(discover.giaddr()).isEqualTo(Ipv4.parse("10.20.0.254"));
            assertThat(discover.hops()).isEqualTo(1);
            assertThat(discover.isBroadcast()).isTrue();
            assertThat(discover.is(MessageType.DISCOVER)).isTrue();
            assertThat(discover.maximumMessageSize()).hasValue(576);
            assertThat(codes(discover)).containsExactly(53, 57, 55, 224);
            assertThat(server.received().get(1).isBroadcast()).isTrue();
        }
    }

    @Test
    void discoverAllCollectsCompetingOffers() throws Exception {
        try (FakeDhcpServer server = FakeDhcpServer.answering(request -> request.is(MessageType.DISCOVER)
                        ? List.of(FakeDhcpServer.offer(request, "10.20.0.100"),
                                FakeDhcpServer.offer(request, "10.20.0.150").toBuilder()
                                        .option(DhcpOptions.serverIdentifier("10.20.0.2")).build())
                        : List.of(FakeDhcpServer.ack(request, "10.20.0.150")));
                DhcpTestClient client = clientOf(server).build()) {
            // the window must hold the fake server's answer even on a loaded machine (200 ms did not always)
            List<DhcpMessage> offers = client.discoverAll(Duration.ofSeconds(1));
            assertThat(offers).extracting(m -> m.serverIdentifier().orElseThrow().getHostAddress())
                    .containsExactly("10.20.0.1", "10.20.0.2");
            DhcpMessage ack = client.request(offers.get(1)).orElseThrow();
            assertThat(ack.xid()).isEqualTo(offers.get(1).xid());
            assertThat(server.received().get(1).serverIdentifier()).contains(Ipv4.parse("10.20.0.2"));
        }
    }

    @Test
    void manyClientsRunSideBySide() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FakeDhcpServer server = FakeDhcpServer.standard("10.20.0.100")) {
            List<Callable<ClientLease>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                jobs.add(() -> {
                    // patient: a retransmission (a reply later than the timeout, 16 clients on one fake server's
                    // thread) would break the count of 32 below
                    try (DhcpTestClient client = DhcpTestClient.builder().server("127.0.0.1", server.port())
                            .timeout(PATIENT).build()) {
                        return client.dora();
                    }
                });
            }
            for (Future<ClientLease> lease : pool.invokeAll(jobs)) {
                assertThat(lease.get().address()).isEqualTo(Ipv4.parse("10.20.0.100"));
            }
            assertThat(server.received()).hasSize(32);
        } finally {
            pool.shutdownNow();
        }
    }
}
