package dev.dhcpembedded.server;

import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.offer;
import static dev.dhcpembedded.stub.Responses.withoutRapidCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rapid commit (RFC 4039), IPv6-only preferred (RFC 8925), captive portal (RFC 8910), BOOTP (RFC 951/1542), an
 * outage (pause/resume) and the journal's wall clock, over loopback with the project's client.
 */
class ModernProtocolTest {

    static final String MAC = "02:00:00:00:0a:01";
    final TestClock clock = TestClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    DhcpServer start(DhcpServerBuilder builder) {
        DhcpServer server = builder.start();
        toClose.add(server);
        return server;
    }

    DhcpServerBuilder lan() {
        return DhcpServer.builder().serverId("10.20.0.1").clock(clock)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                        .leaseTime(Duration.ofMinutes(10)));
    }

    /**
     * A client for answers the server does give: it waits until the reply comes (5 s at most, so the wait costs
     * nothing but outlasts any stall of a loaded machine; 400 ms did not always). No retransmission.
     */
    DhcpTestClient client(DhcpServer server, String mac, int... prl) {
        return client(server, mac, Duration.ofSeconds(5), prl);
    }

    /** A client that gives up after {@code timeout}: for exchanges that must go unanswered. */
    DhcpTestClient client(DhcpServer server, String mac, Duration timeout, int... prl) {
        DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(mac)
                .parameterRequestList(prl.length == 0 ? new int[] {1, 3, 6} : prl)
                .timeout(timeout).attempts(1).clock(clock).build();
        toClose.add(client);
        return client;
    }

    @Nested
    class RapidCommit {

        @Test
        void aDiscoverWithOption80GetsAnAckWith80AndABoundLease() {
            DhcpServer server = start(lan().rapidCommit());
            DhcpMessage reply = client(server, MAC).discoverWithRapidCommit().orElseThrow();

            assertThat(reply.messageType()).contains(MessageType.ACK);
            assertThat(reply.rapidCommit()).isTrue();
            assertThat(reply.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
            assertThat(reply.leaseTime()).contains(Duration.ofMinutes(10));
            assertThat(server.lease(MAC)).get().extracting(Lease::state).isEqualTo(LeaseState.BOUND);
            assertThat(server.lease(MAC).get().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
            assertThat(server.journal().received(MessageType.DISCOVER).get(0).note())
                    .contains("rapid commit (80): ACK");
            ClientLease lease = ClientLease.fromAck(reply, clock.instant());
            assertThat(lease.address().getHostAddress()).isEqualTo("10.20.0.100");
        }

        @Test
        void offByDefault() {
            DhcpServer server = start(lan());
            DhcpMessage reply = client(server, MAC).discoverWithRapidCommit().orElseThrow();
            assertThat(reply.messageType()).contains(MessageType.OFFER);
            assertThat(reply.rapidCommit()).isFalse();
            assertThat(server.lease(MAC).get().state()).isEqualTo(LeaseState.OFFERED);
        }

        @Test
        void aDiscoverWithout80GetsAnOfferEvenWhenOn() {
            DhcpServer server = start(lan().rapidCommit());
            DhcpMessage reply = client(server, MAC).discover().orElseThrow();
            assertThat(reply.messageType()).contains(MessageType.OFFER);
            assertThat(reply.rapidCommit()).isFalse();
        }

        @Test
        void aStubRefusesItOnceForOneClient() {
            DhcpServer server = start(lan().rapidCommit());
            server.stub(onDiscover().from(MAC).respond(withoutRapidCommit()).once());
            DhcpTestClient refused = client(server, MAC);

            DhcpMessage first = refused.discoverWithRapidCommit().orElseThrow();
            assertThat(first.messageType()).contains(MessageType.OFFER);
            assertThat(first.rapidCommit()).isFalse();
            assertThat(server.lease(MAC).get().state()).isEqualTo(LeaseState.OFFERED);
            assertThat(server.journal().sent(MessageType.OFFER).get(0).note())
                    .contains("default reply without rapid commit").contains("rapid commit refused");
            // another client is not concerned, and the stub was used up
            assertThat(client(server, "02:00:00:00:0a:02").discoverWithRapidCommit().orElseThrow().messageType())
                    .contains(MessageType.ACK);
            assertThat(refused.discoverWithRapidCommit().orElseThrow().messageType()).contains(MessageType.ACK);
            assertThat(server.unusedStubs()).isEmpty();
        }

        @Test
        void offerStubWithoutAddressIsAnOfferToo() {
            DhcpServer server = start(lan().rapidCommit());
            server.stub(onDiscover().respond(offer()).once());
            assertThat(client(server, MAC).discoverWithRapidCommit().orElseThrow().messageType())
                    .contains(MessageType.OFFER);
        }
    }

    @Nested
    class Ipv6OnlyPreferred {

        DhcpServerBuilder v6only(boolean zero) {
            return DhcpServer.builder().serverId("10.20.0.1").clock(clock).rapidCommit()
                    .subnet("10.20.0.0/24", s -> {
                        s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                                .ipv6OnlyPreferred(Duration.ofMinutes(30));
                        if (zero) {
                            s.ipv6OnlyOfferingNoAddress();
                        }
                    });
        }

        @Test
        void offerAndAckCarry108WhenAskedFor() {
            DhcpServer server = start(v6only(false));
            DhcpTestClient client = client(server, MAC, 1, 3, 108);
            DhcpMessage offer = client.discover().orElseThrow();
            assertThat(offer.ipv6OnlyPreferred()).contains(Duration.ofMinutes(30));
            assertThat(offer.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
            DhcpMessage ack = client.request(offer).orElseThrow();
            assertThat(ack.messageType()).contains(MessageType.ACK);
            assertThat(ack.ipv6OnlyPreferred()).contains(Duration.ofMinutes(30));
        }

        @Test
        void notSentToAClientThatDidNotAsk() {
            DhcpServer server = start(v6only(false));
            assertThat(client(server, MAC, 1, 3).discover().orElseThrow().hasOption(OptionCode.IPV6_ONLY_PREFERRED))
                    .isFalse();
            // no parameter request list at all: every configured option, but still not 108
            DhcpTestClient noList = client(server, "02:00:00:00:0a:03");
            DhcpMessage discover = noList.newMessage(MessageType.DISCOVER).removeOption(OptionCode.PARAMETER_REQUEST_LIST)
                    .build();
            noList.send(discover);
            DhcpMessage offer = noList.receive(Duration.ofSeconds(2)).orElseThrow();
            assertThat(offer.routers()).isNotEmpty();
            assertThat(offer.hasOption(OptionCode.IPV6_ONLY_PREFERRED)).isFalse();
        }

        @Test
        void noRapidCommitWhen108IsSent() {
            DhcpServer server = start(v6only(false));
            DhcpMessage reply = client(server, MAC, 1, 3, 108).discoverWithRapidCommit().orElseThrow();
            assertThat(reply.messageType()).contains(MessageType.OFFER);
            assertThat(reply.rapidCommit()).isFalse();
            assertThat(reply.ipv6OnlyPreferred()).isPresent();
            assertThat(server.journal().received(MessageType.DISCOVER).get(0).note())
                    .contains("no rapid commit (RFC 8925");
            // a client that does not ask for 108 still gets rapid commit on the same subnet
            assertThat(client(server, "02:00:00:00:0a:02", 1, 3).discoverWithRapidCommit().orElseThrow()
                    .messageType()).contains(MessageType.ACK);
        }

        @Test
        void offeringNoAddressTakesNothingFromThePool() {
            DhcpServer server = start(v6only(true));
            DhcpMessage offer = client(server, MAC, 1, 3, 108).discover().orElseThrow();
            assertThat(offer.yiaddr().getHostAddress()).isEqualTo("0.0.0.0");
            assertThat(offer.ipv6OnlyPreferred()).contains(Duration.ofMinutes(30));
            assertThat(server.leases()).isEmpty();
            assertThat(client(server, "02:00:00:00:0a:02", 1, 3).discover().orElseThrow().yiaddr().getHostAddress())
                    .isEqualTo("10.20.0.100");
        }

        @Test
        void offeringNoAddressNeedsIpv6OnlyPreferred() {
            DhcpServerBuilder b = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")
                    .ipv6OnlyOfferingNoAddress());
            assertThatThrownBy(b::build).hasMessageContaining("ipv6OnlyOfferingNoAddress() needs ipv6OnlyPreferred");
        }
    }

    @Nested
    class TypedOptions {

        @Test
        void captivePortalAndMudUrlRoundTrip() {
            DhcpOption portal = DhcpOptions.captivePortal("https://portal.example/api");
            DhcpOption mud = DhcpOptions.mudUrl("https://mud.example/thermostat.json");
            assertThat(portal.code().code()).isEqualTo(114);
            assertThat(mud.code().code()).isEqualTo(161);
            DhcpMessage m = DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).chaddr(MAC).xid(7)
                    .messageType(MessageType.DISCOVER).option(portal).option(mud)
                    .option(DhcpOptions.ipv6OnlyPreferred(Duration.ofSeconds(1800))).option(DhcpOptions.rapidCommit())
                    .build();
            DhcpMessage decoded = DhcpCodec.decode(DhcpCodec.encode(m));
            assertThat(decoded.captivePortal()).contains("https://portal.example/api");
            assertThat(decoded.mudUrl()).contains("https://mud.example/thermostat.json");
            assertThat(decoded.ipv6OnlyPreferred()).contains(Duration.ofSeconds(1800));
            assertThat(decoded.rapidCommit()).isTrue();
            assertThat(decoded.option(OptionCode.RAPID_COMMIT).orElseThrow().length()).isZero();
        }

        @Test
        void badUrisAreRefusedWhereWritten() {
            assertThatThrownBy(() -> DhcpOptions.captivePortal("")).hasMessageContaining("1 to 255 characters");
            assertThatThrownBy(() -> DhcpOptions.captivePortal("portal.example/api"))
                    .hasMessageContaining("not an absolute URI");
            assertThatThrownBy(() -> DhcpOptions.mudUrl("https://mud.example/a b"))
                    .hasMessageContaining("not printable US-ASCII at index 21");
        }

        @Test
        void subnetSendsTheCaptivePortalWhenAsked() {
            DhcpServer server = start(DhcpServer.builder().clock(clock).subnet("10.20.0.0/24", s -> s
                    .pool("10.20.0.100", "10.20.0.199").captivePortal("https://portal.example/api")));
            assertThat(client(server, MAC, 1, 114).discover().orElseThrow().captivePortal())
                    .contains("https://portal.example/api");
            assertThat(client(server, "02:00:00:00:0a:02", 1, 3).discover().orElseThrow().captivePortal()).isEmpty();
        }
    }

    @Nested
    class Bootp {

        DhcpMessage bootRequest(String mac) {
            return DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).htype(1).hlen(6).chaddr(mac).xid(0x3d1d).build();
        }

        DhcpServerBuilder bootpLan() {
            return DhcpServer.builder().serverId("10.20.0.1").clock(clock)
                    .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                            .dns("10.20.0.53", "10.20.0.54").domainName("lab.test")
                            .option(DhcpOptions.text(OptionCode.of(66), "tftp.lab.test"))
                            .option(DhcpOptions.classlessStaticRoutes(dev.dhcpembedded.codec.ClasslessRoute
                                    .route("10.30.0.0/16", "10.20.0.254"),
                                    dev.dhcpembedded.codec.ClasslessRoute.route("10.40.0.0/16", "10.20.0.254"),
                                    dev.dhcpembedded.codec.ClasslessRoute.route("10.50.0.0/16", "10.20.0.254"))))
                    .staticLease("02:00:00:00:0b:42", "10.20.0.42", l -> l.hostname("printer"));
        }

        @Test
        void aBootRequestGetsABootReplyWithAPermanentAddressAndWhatFits() {
            DhcpServer server = start(bootpLan().bootp());
            DhcpTestClient client = client(server, MAC);
            client.send(bootRequest(MAC));
            DhcpMessage reply = client.receive(Duration.ofSeconds(2)).orElseThrow();

            assertThat(reply.op()).isEqualTo(DhcpMessage.BOOTREPLY);
            assertThat(reply.messageType()).isEmpty();
            assertThat(reply.xid()).isEqualTo(0x3d1d);
            assertThat(reply.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
            assertThat(reply.siaddr().getHostAddress()).isEqualTo("10.20.0.1");
            assertThat(reply.hasOption(OptionCode.SERVER_IDENTIFIER)).isFalse();
            assertThat(reply.leaseTime()).isEmpty();
            assertThat(reply.subnetMask().orElseThrow().getHostAddress()).isEqualTo("255.255.255.0");
            assertThat(reply.routers()).hasSize(1);
            assertThat(reply.domainNameServers()).hasSize(2);
            assertThat(reply.domainName()).contains("lab.test");
            int used = 0;
            for (DhcpOption option : reply.options()) {
                used += 2 + option.length();
            }
            assertThat(4 + used + 1).isLessThanOrEqualTo(64);
            // 6+6+10+10 = 32 so far; 66 (15 bytes) fits (47), 121 (3 routes, 26 bytes) does not
            assertThat(reply.hasOption(OptionCode.of(66))).isTrue();
            assertThat(reply.hasOption(OptionCode.CLASSLESS_STATIC_ROUTE)).isFalse();

            Lease lease = server.lease(MAC).orElseThrow();
            assertThat(lease.state()).isEqualTo(LeaseState.BOUND);
            clock.advance(Duration.ofDays(3650));
            assertThat(server.lease(MAC).orElseThrow().state()).isEqualTo(LeaseState.BOUND);
            client.send(bootRequest(MAC));
            assertThat(client.receive(Duration.ofSeconds(2)).orElseThrow().yiaddr().getHostAddress())
                    .isEqualTo("10.20.0.100");
            assertThat(server.journal().received().get(0).note())
                    .isEqualTo("BOOTREQUEST: BOOTREPLY with a permanent pool address");
        }

        @Test
        void aStaticLeaseIsTheConfiguredAddress() {
            DhcpServer server = start(bootpLan().bootp());
            DhcpTestClient client = client(server, "02:00:00:00:0b:42");
            client.send(bootRequest("02:00:00:00:0b:42"));
            DhcpMessage reply = client.receive(Duration.ofSeconds(2)).orElseThrow();
            assertThat(reply.yiaddr().getHostAddress()).isEqualTo("10.20.0.42");
            assertThat(reply.hostname()).contains("printer");
        }

        @Test
        void offByDefault() {
            DhcpServer server = start(bootpLan());
            DhcpTestClient client = client(server, MAC);
            client.send(bootRequest(MAC));
            // the journal entry first (a loaded server may take longer than any fixed wait), then: no reply
            List<JournalEntry> received = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.journal().received(), r -> !r.isEmpty());
            assertThat(received.get(0).note()).contains("plain BOOTP is not served");
            assertThat(server.journal().sent()).isEmpty();
            assertThat(client.receive(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Nested
    class Outage {

        @Test
        void pausedJournalsButAnswersNothingThenResumes() {
            DhcpServer server = start(lan());
            DhcpTestClient client = client(server, MAC);
            ClientLease lease = client.dora();
            int before = server.journal().size();

            server.pause();
            assertThat(server.isPaused()).isTrue();
            DhcpTestClient unanswered = client(server, MAC, Duration.ofMillis(400));
            assertThat(unanswered.renew(lease)).isEmpty();
            assertThat(unanswered.discover()).isEmpty();
            // the entries, awaited: the client's 400 ms say nothing about when a loaded server reads the datagrams
            List<JournalEntry> heard = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> {
                        List<JournalEntry> all = server.journal().entries();
                        return all.subList(before, all.size());
                    }, e -> e.size() >= 2);
            assertThat(heard).as("heard and journaled, not answered").hasSize(2).allMatch(JournalEntry::isReceived)
                    .allMatch(e -> e.note().equals("not answered: the server is paused (an outage)"));
            assertThat(server.lease(MAC)).get().extracting(Lease::state).isEqualTo(LeaseState.BOUND);

            server.resume();
            Optional<DhcpMessage> ack = client.renew(lease);
            assertThat(ack).get().extracting(m -> m.messageType().orElseThrow()).isEqualTo(MessageType.ACK);
            assertThat(server.journal().size()).isEqualTo(before + 4);
        }

        @Test
        void aReplyDelayedIntoTheOutageIsLost() {
            DhcpServer server = start(lan());
            server.stub(onDiscover().respond(dev.dhcpembedded.stub.Responses.defaultReply()
                    .delayOnServerClock(Duration.ofSeconds(5))));
            DhcpTestClient client = client(server, MAC);
            client.send(client.newMessage(MessageType.DISCOVER).build());
            org.awaitility.Awaitility.await().until(() -> server.journal().size() == 1);
            server.pause();
            clock.advance(Duration.ofSeconds(6));
            assertThat(client.receive(Duration.ofMillis(300))).isEmpty();
            assertThat(server.journal().sent()).isEmpty();
        }

        @Test
        void resetEndsAnOutage() {
            DhcpServer server = start(lan());
            server.pause();
            server.reset();
            assertThat(server.isPaused()).isFalse();
            assertThat(client(server, MAC).discover()).isPresent();
        }
    }

    @Nested
    class Conflict {

        @Test
        void conflictOnNeedsALink() {
            DhcpServer server = start(lan());
            assertThatThrownBy(() -> server.conflictOn("10.20.0.100"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("conflictOn(\"10.20.0.100\") needs a link to answer ARP on: bind the server to an"
                            + " interface (bindInterface) and start it; over loopback, script the client's DECLINE"
                            + " instead");
            assertThat(server.removeConflict("10.20.0.100")).isFalse();
        }

        @Test
        void conflictOnChecksTheAddress() {
            DhcpServer server = start(lan());
            assertThatThrownBy(() -> server.conflictOn("10.20.0.300")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WallClock {

        @Test
        void theJournalReadsWallTimeFromTheGivenClock() {
            TestClock wall = TestClock.at(Instant.parse("2031-05-05T10:00:00Z"));
            DhcpServer server = start(lan().wallClock(wall));
            DhcpTestClient client = client(server, MAC);
            client.discover().orElseThrow();
            wall.advance(Duration.ofSeconds(7));
            client.discover().orElseThrow();
            List<JournalEntry> entries = server.journal().entries();
            assertThat(entries.get(0).wallTime()).isEqualTo(Instant.parse("2031-05-05T10:00:00Z"));
            assertThat(entries.get(2).wallTime()).isEqualTo(Instant.parse("2031-05-05T10:00:07Z"));
            assertThat(entries.get(2).serverTime()).isEqualTo(clock.instant());
        }
    }
}
