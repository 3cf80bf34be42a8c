package dev.dhcpembedded.stub6;

import static dev.dhcpembedded.stub6.Request6Matcher.onAny;
import static dev.dhcpembedded.stub6.Request6Matcher.onRequest;
import static dev.dhcpembedded.stub6.Request6Matcher.onSolicit;
import static dev.dhcpembedded.stub6.Response6.defaultReply;
import static dev.dhcpembedded.stub6.Response6.ignore;
import static dev.dhcpembedded.stub6.Response6.noAddrsAvail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DHCPv6 stubs in front of the engine, over an in-memory transport: no network. */
class Stub6Test {

    static final Duid ALICE = Duid.ll(MacAddress.parse("02:00:00:00:00:0a"));
    static final Duid BOB = Duid.ll(MacAddress.parse("02:00:00:00:00:0b"));
    static final Duid ROGUE = Duid.ll(MacAddress.parse("02:00:00:00:00:99"));

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryTransport memory = new InMemoryTransport();
    final DhcpServer server = DhcpServer.builder().clock(clock).transport6(memory)
            .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
                    .prefixDelegation("2001:db8:100::/48", 56))
            .start();
    int xid = 1;

    @AfterEach
    void stop() {
        server.stop();
    }

    Dhcp6Message solicit(Duid client) {
        return Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(xid++)
                .option(Dhcp6Option.clientId(client)).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build();
    }

    List<Dhcp6Message> exchange(Dhcp6Message m) {
        return memory.deliver(Dhcp6Codec.encode(m), InMemoryTransport.CLIENT).stream()
                .map(d -> Dhcp6Codec.decode(d.bytes())).toList();
    }

    static String address(Dhcp6Message m) {
        return Ipv6.format(m.iaNa().get(0).addresses().get(0).address());
    }

    @Test
    void ignoreTwiceThenTheDefault() {
        server.stub(onSolicit().fromDuid(ALICE).respond(ignore()).times(2));
        assertThat(exchange(solicit(ALICE))).isEmpty();
        assertThat(exchange(solicit(BOB))).as("another DUID").hasSize(1);
        assertThat(exchange(solicit(ALICE))).isEmpty();
        assertThat(exchange(solicit(ALICE))).singleElement().satisfies(m ->
                assertThat(m.type()).contains(Dhcp6MessageType.ADVERTISE));
        assertThat(server.journal().received(Dhcp6MessageType.SOLICIT).get(0).note()).isEqualTo("stub #1 (SOLICIT "
                + "from DUID " + ALICE + " -> ignore, 2 times): no reply");
    }

    @Test
    void aChosenAddressAndPrefixAreHeldInTheLeaseTable() {
        server.stub(onSolicit().respond(defaultReply().address("2001:db8:1::177").prefix("2001:db8:100:ff00::/56")));
        Dhcp6Message advertise = exchange(solicit(ALICE)).get(0);
        assertThat(address(advertise)).isEqualTo("2001:db8:1::177");
        assertThat(advertise.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100:ff00::/56");
        assertThat(server.v6().leases(ALICE)).extracting(Lease6::text, Lease6::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2001:db8:1::177", LeaseState.OFFERED),
                org.assertj.core.groups.Tuple.tuple("2001:db8:100:ff00::/56", LeaseState.OFFERED));
        assertThat(address(exchange(solicit(BOB)).get(0))).as("held for Alice: Bob gets the pool's first")
                .isEqualTo("2001:db8:1::100");
    }

    @Test
    void preference255AndACompetingServer() {
        server.stub(onSolicit().respond(defaultReply().preference(255).alsoFrom(ROGUE)));
        List<Dhcp6Message> replies = exchange(solicit(ALICE));
        assertThat(replies).hasSize(2).allSatisfy(m -> assertThat(m.preference()).hasValue(255));
        assertThat(replies.get(0).serverId()).isEqualTo(server.serverDuid());
        assertThat(replies.get(1).serverId()).contains(ROGUE);
        assertThat(address(replies.get(1))).isEqualTo(address(replies.get(0)));
        assertThat(server.journal().sent(Dhcp6MessageType.ADVERTISE)).hasSize(2);
    }

    @Test
    void statusCodesInTheIaOrAtMessageLevel() {
        server.stub(onSolicit().respond(noAddrsAvail()).once());
        Dhcp6Message none = exchange(solicit(ALICE)).get(0);
        assertThat(none.iaNa().get(0).status().orElseThrow().code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL);
        assertThat(none.iaNa().get(0).addresses()).isEmpty();
        assertThat(none.iaPd().get(0).prefixes()).as("IA_PD untouched").hasSize(1);

        server.stub(onRequest().respond(defaultReply().status(StatusCode.USE_MULTICAST, "multicast, please")));
        Dhcp6Message reply = exchange(Dhcp6Message.builder(Dhcp6MessageType.REQUEST).transactionId(9)
                .option(Dhcp6Option.clientId(ALICE)).option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build()).get(0);
        assertThat(reply.statusCode()).contains(new StatusCode(StatusCode.USE_MULTICAST, "multicast, please"));
    }

    @Test
    void aDelayOnTheServerClockIsReleasedByAdvancingIt() {
        server.stub(onSolicit().respond(defaultReply().delayOnServerClock(Duration.ofSeconds(5))));
        assertThat(exchange(solicit(ALICE))).isEmpty();
        assertThat(memory.sent()).isEmpty();
        clock.advance(Duration.ofSeconds(4));
        assertThat(memory.sent()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(memory.sent()).singleElement().satisfies(d ->
                assertThat(Dhcp6Codec.decode(d.bytes()).type()).contains(Dhcp6MessageType.ADVERTISE));
    }

    @Test
    void malformedAndWrongXidReplies() {
        server.stub(onSolicit().respond(defaultReply().truncatedTo(10)).once());
        List<Datagram> out = memory.deliver(Dhcp6Codec.encode(solicit(ALICE)), InMemoryTransport.CLIENT);
        assertThat(out.get(0).bytes()).hasSize(10);
        assertThatThrownBy(() -> Dhcp6Codec.decode(out.get(0).bytes())).isInstanceOf(DhcpCodecException.class);
        assertThat(server.journal().sent().get(0).error()).as("journaled as sent, with its decode error")
                .isPresent();

        server.stub(onSolicit().respond(defaultReply().wrongXid()).once());
        Dhcp6Message m = solicit(ALICE);
        assertThat(exchange(m).get(0).transactionId()).isEqualTo(m.transactionId() + 1);
    }

    @Test
    void matchersByIaidOptionAndRelay() {
        server.stub(onAny().withIaid(7).respond(ignore()));
        server.stub(onSolicit().withOption(Dhcp6OptionCode.RAPID_COMMIT).respond(ignore()));
        server.stub(onSolicit().relayed().respond(ignore()));
        assertThat(exchange(solicit(ALICE))).hasSize(1);
        assertThat(exchange(solicit(ALICE).toBuilder().option(Dhcp6Option.rapidCommit()).build())).isEmpty();
        assertThat(exchange(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(3)
                .option(Dhcp6Option.clientId(BOB)).option(Dhcp6Option.iaNa(IaNa.of(7, 0, 0))).build())).isEmpty();
        Dhcp6Message relayed = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0)
                .linkAddress("2001:db8:1::1").peerAddress("fe80::1")
                .option(Dhcp6Option.relayMessage(solicit(BOB))).build();
        assertThat(exchange(relayed)).isEmpty();
        assertThat(server.v6().stubs()).hasSize(3);
        server.resetStubs();
        assertThat(exchange(relayed)).singleElement().satisfies(r -> {
            assertThat(r.type()).contains(Dhcp6MessageType.RELAY_REPL);
            assertThat(r.relayMessage().orElseThrow().type()).contains(Dhcp6MessageType.ADVERTISE);
        });
    }

    @Test
    void editsReachTheMessageInsideRelayLayers() {
        server.stub(onSolicit().respond(defaultReply().withOption(Dhcp6Option.solMaxRt(60))));
        Dhcp6Message relayed = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0)
                .linkAddress("2001:db8:1::1").peerAddress("fe80::1")
                .option(Dhcp6Option.relayMessage(solicit(BOB))).build();
        Dhcp6Message out = exchange(relayed).get(0);
        assertThat(out.hasOption(Dhcp6OptionCode.SOL_MAX_RT)).isFalse();
        assertThat(out.relayMessage().orElseThrow().solMaxRt()).hasValue(60);
    }

    @Test
    void aPausedServerJournalsButAnswersNoDhcp6Either() {
        server.pause();
        assertThat(exchange(solicit(ALICE))).isEmpty();
        assertThat(server.journal().entries()).singleElement()
                .matches(e -> e.isReceived() && e.note().equals("not answered: the server is paused (an outage)"));
        server.resume();
        assertThat(exchange(solicit(ALICE))).hasSize(1);
    }

    @Test
    void aStubIsRegisteredOnce() {
        Stub6 stub = onSolicit().respond(ignore());
        server.stub(stub);
        assertThatThrownBy(() -> server.stub(stub)).isInstanceOf(IllegalStateException.class);
        assertThat(server.removeStub(stub)).isTrue();
        assertThat(server.removeStub(stub)).isFalse();
    }

    @Test
    void aHigherPriorityWinsOverTheNewerStub() {
        Stub6 high = server.stub(onSolicit().respond(noAddrsAvail()).atPriority(5));
        server.stub(onSolicit().respond(ignore()));
        assertThat(exchange(solicit(ALICE))).singleElement().satisfies(m -> assertThat(m.iaNa().get(0).status())
                .hasValueSatisfying(s -> assertThat(s.code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL)));
        assertThat(high.toString()).isEqualTo("SOLICIT -> default reply, IA status NoAddrsAvail, priority 5");
    }

    @Test
    void scenariosAreSharedWithTheDhcpv4Stubs() {
        server.stub(onSolicit().respond(ignore()).inScenario("boot").whenScenarioStateIs("Started")
                .willSetStateTo("dropped"));
        server.stub(onSolicit().respond(noAddrsAvail()).inScenario("boot").whenScenarioStateIs("dropped")
                .willSetStateTo("refused"));
        assertThat(server.scenarioState("boot")).isEqualTo("Started");
        assertThat(exchange(solicit(ALICE))).as("the newest stub waits for its state").isEmpty();
        assertThat(server.scenarioState("boot")).isEqualTo("dropped");
        assertThat(exchange(solicit(ALICE))).singleElement().satisfies(m -> assertThat(m.iaNa().get(0).status())
                .hasValueSatisfying(s -> assertThat(s.code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL)));
        assertThat(server.scenarioState("boot")).isEqualTo("refused");
        assertThat(exchange(solicit(ALICE))).as("no stub in state refused: the default").singleElement()
                .satisfies(m -> assertThat(m.iaNa().get(0).addresses()).hasSize(1));
    }

    @Test
    void unusedStubsAndUnmatchedRequestsAsForDhcpv4() {
        Stub6 forBob = server.stub(onSolicit().fromDuid(BOB).respond(ignore()).once());
        Stub6 forAlice = server.stub(onSolicit().fromDuid(ALICE).respond(ignore()).once());
        assertThat(server.v6().stubs()).containsExactly(forBob, forAlice);
        assertThat(server.stubs()).as("the DHCPv4 stubs").isEmpty();
        exchange(solicit(ALICE));
        assertThat(server.v6().unusedStubs()).containsExactly(forBob);
        assertThat(exchange(solicit(ALICE))).as("used up: the default").hasSize(1);
        assertThat(server.unmatchedRequests()).singleElement().matches(e -> e.sequence()
                == server.journal().received(Dhcp6MessageType.SOLICIT).get(1).sequence());
        server.resetStubs();
        assertThat(server.v6().stubs()).isEmpty();
        assertThat(server.unmatchedRequests()).isEmpty();
    }

    @Test
    void termsFailAsForDhcpv4() {
        assertThatThrownBy(() -> onSolicit().respond(ignore()).times(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("times(0): a stub answers at least once");
        assertThatThrownBy(() -> onSolicit().respond(ignore()).willSetStateTo("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a scenario");
    }
}
