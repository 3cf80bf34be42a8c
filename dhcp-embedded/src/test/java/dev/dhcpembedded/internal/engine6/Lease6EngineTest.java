package dev.dhcpembedded.internal.engine6;


import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The v6 lease engine as a pure function: messages in, replies out, a clock the test moves. No network. */
class Lease6EngineTest {

    static final Duid SERVER = Duid.ll(MacAddress.parse("02:00:00:00:00:01"));
    static final Duid ALICE = Duid.llt(Instant.parse("2020-01-01T00:00:00Z"), MacAddress.parse("02:00:00:00:00:0a"));
    static final Duid BOB = Duid.ll(MacAddress.parse("02:00:00:00:00:0b"));

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    int xid = 1;

    static Subnet6Config subnet(String prefix, String first, String last, Optional<Subnet6Config.PdPool> pd) {
        return new Subnet6Config(Prefix6.parse(prefix),
                List.of(new Subnet6Config.Range(Prefix6.number(Ipv6.parse(first)), Prefix6.number(Ipv6.parse(last)))),
                pd, Duration.ofSeconds(3000), Duration.ofSeconds(4000), Duration.ofSeconds(1500),
                Duration.ofSeconds(2400),
                List.of(Dhcp6Option.dnsServers("2001:db8:1::53"), Dhcp6Option.domainList("lab.test")));
    }

    static final Subnet6Config LINK1 = subnet("2001:db8:1::/64", "2001:db8:1::100", "2001:db8:1::1ff",
            Optional.of(new Subnet6Config.PdPool(Prefix6.parse("2001:db8:100::/48"), 56)));
    static final Subnet6Config LINK2 = subnet("2001:db8:2::/64", "2001:db8:2::100", "2001:db8:2::100",
            Optional.empty());

    Lease6Engine engine(boolean rapidCommit, boolean acceptUnicast) {
        return new Lease6Engine(new Server6Config(SERVER, List.of(LINK1, LINK2), rapidCommit, acceptUnicast,
                OptionalInt.empty(), Duration.ofSeconds(30), Duration.ofHours(1)), clock);
    }

    Lease6Engine engine = engine(false, true);

    Dhcp6Message.Builder msg(Dhcp6MessageType type, Duid client) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(type).transactionId(xid++);
        if (client != null) {
            b.option(Dhcp6Option.clientId(client));
        }
        return b.option(Dhcp6Option.elapsedTime(0));
    }

    static Dhcp6Option na(long iaid, String... addresses) {
        Dhcp6Option[] inner = new Dhcp6Option[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            inner[i] = Dhcp6Option.iaAddress(IaAddress.of(Ipv6.parse(addresses[i]), 0, 0));
        }
        return Dhcp6Option.iaNa(IaNa.of(iaid, 0, 0, inner));
    }

    static Dhcp6Option pd(long iaid) {
        return Dhcp6Option.iaPd(IaPd.of(iaid, 0, 0));
    }

    /** Every reply is encoded and decoded again, so the engine never says what the wire cannot carry. */
    Optional<Dhcp6Message> send(Dhcp6Message m, Arrival6 arrival) {
        Decision6 d = engine.handle(Dhcp6Codec.decode(Dhcp6Codec.encode(m)), arrival);
        assertThat(d.rule()).isNotBlank();
        return d.reply().map(r -> {
            assertThat(Dhcp6Codec.decode(Dhcp6Codec.encode(r))).isEqualTo(r);
            return r;
        });
    }

    Dhcp6Message reply(Dhcp6Message.Builder m) {
        return send(m.build(), Arrival6.MULTICAST).orElseThrow(() -> new AssertionError("no reply"));
    }

    static String address(Dhcp6Message reply, int index) {
        return Ipv6.format(reply.iaNa().get(index).addresses().get(0).address());
    }

    Dhcp6Message bind(Duid client, long iaid) {
        Dhcp6Message advertise = reply(msg(Dhcp6MessageType.SOLICIT, client).option(na(iaid)));
        return reply(msg(Dhcp6MessageType.REQUEST, client).option(Dhcp6Option.serverId(SERVER))
                .option(na(iaid, address(advertise, 0))));
    }

    @Test
    void solicitAdvertiseRequestReply() {
        Dhcp6Message advertise = reply(msg(Dhcp6MessageType.SOLICIT, ALICE)
                .option(Dhcp6Option.oro(Dhcp6OptionCode.DNS_SERVERS)).option(na(1)).option(pd(2)));
        assertThat(advertise.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(advertise.transactionId()).isEqualTo(1);
        assertThat(advertise.serverId()).contains(SERVER);
        assertThat(advertise.clientId()).contains(ALICE);
        IaNa ia = advertise.iaNa().get(0);
        assertThat(ia.iaid()).isEqualTo(1);
        assertThat(ia.t1()).isEqualTo(1500);
        assertThat(ia.t2()).isEqualTo(2400);
        assertThat(ia.addresses()).containsExactly(IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3000, 4000));
        assertThat(advertise.iaPd().get(0).prefixes())
                .containsExactly(IaPrefix.of(Ipv6.parse("2001:db8:100::"), 56, 3000, 4000));
        assertThat(advertise.option(Dhcp6OptionCode.IA_NA)).as("byte for byte as the typed factories write it")
                .contains(Dhcp6Option.iaNa(IaNa.of(1, 1500, 2400, Dhcp6Option.iaAddress(
                        IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3000, 4000)))));
        assertThat(advertise.option(Dhcp6OptionCode.IA_PD)).contains(Dhcp6Option.iaPd(IaPd.of(2, 1500, 2400,
                Dhcp6Option.iaPrefix(IaPrefix.of(Ipv6.parse("2001:db8:100::"), 56, 3000, 4000)))));
        assertThat(advertise.dnsServers()).containsExactly(Ipv6.parse("2001:db8:1::53"));
        assertThat(advertise.hasOption(Dhcp6OptionCode.DOMAIN_LIST)).as("not in the ORO").isFalse();
        assertThat(engine.bindings()).extracting(Binding6::state)
                .containsExactly(Binding6.State.ADVERTISED, Binding6.State.ADVERTISED);

        Dhcp6Message reply = reply(msg(Dhcp6MessageType.REQUEST, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::100")).option(pd(2)));
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(address(reply, 0)).isEqualTo("2001:db8:1::100");
        assertThat(reply.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(reply.dnsServers()).as("no ORO: every configured option").isNotEmpty();
        assertThat(reply.domainList()).containsExactly("lab.test");
        assertThat(engine.bindings()).allSatisfy(b -> {
            assertThat(b.state()).isEqualTo(Binding6.State.BOUND);
            assertThat(b.key().duid()).isEqualTo(ALICE);
            assertThat(b.expires()).isEqualTo(clock.instant().plusSeconds(4000));
        });
    }

    @Test
    void theReplyAnswersTheIaNasThenTheIaPdsWhateverTheirOrderInTheRequest() {
        Dhcp6Message advertise = reply(msg(Dhcp6MessageType.SOLICIT, ALICE).option(pd(7)).option(na(1))
                .option(pd(8)).option(na(2)));
        assertThat(advertise.options()).extracting(Dhcp6Option::code).containsSubsequence(
                Dhcp6OptionCode.IA_NA, Dhcp6OptionCode.IA_NA, Dhcp6OptionCode.IA_PD, Dhcp6OptionCode.IA_PD);
        assertThat(advertise.iaNa()).extracting(IaNa::iaid).containsExactly(1L, 2L);
        assertThat(advertise.iaPd()).extracting(IaPd::iaid).containsExactly(7L, 8L);
    }

    @Test
    void clientsAreKeyedByDuidAndIaid() {
        assertThat(address(bind(ALICE, 1), 0)).isEqualTo("2001:db8:1::100");
        assertThat(address(bind(BOB, 1), 0)).isEqualTo("2001:db8:1::101");
        assertThat(address(bind(ALICE, 2), 0)).isEqualTo("2001:db8:1::102");
        assertThat(address(reply(msg(Dhcp6MessageType.SOLICIT, ALICE).option(na(1))), 0))
                .as("the same DUID and IAID get their address again").isEqualTo("2001:db8:1::100");
        Dhcp6Message two = reply(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(7)).option(na(8)));
        assertThat(List.of(address(two, 0), address(two, 1))).containsExactly("2001:db8:1::103", "2001:db8:1::104");
    }

    @Test
    void theClientsHintIsHonouredWhenFreeAndInAPool() {
        Dhcp6Message a = reply(msg(Dhcp6MessageType.SOLICIT, ALICE).option(na(1, "2001:db8:1::1aa")));
        assertThat(address(a, 0)).isEqualTo("2001:db8:1::1aa");
        Dhcp6Message b = reply(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(1, "2001:db8:1::1aa")));
        assertThat(address(b, 0)).as("held for Alice").isEqualTo("2001:db8:1::100");
    }

    @Test
    void rapidCommitIsOffByDefaultAndAnswersWithReplyWhenOn() {
        Dhcp6Message advertise = reply(msg(Dhcp6MessageType.SOLICIT, ALICE).option(Dhcp6Option.rapidCommit())
                .option(na(1)));
        assertThat(advertise.type()).contains(Dhcp6MessageType.ADVERTISE);
        assertThat(advertise.rapidCommit()).isFalse();

        engine = engine(true, true);
        Dhcp6Message reply = reply(msg(Dhcp6MessageType.SOLICIT, ALICE).option(Dhcp6Option.rapidCommit())
                .option(na(1)));
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(reply.rapidCommit()).isTrue();
        assertThat(engine.bindings()).extracting(Binding6::state).containsExactly(Binding6.State.BOUND);
        assertThat(reply(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(1))).type())
                .as("without option 14: ADVERTISE").contains(Dhcp6MessageType.ADVERTISE);
    }

    @Test
    void noAddrsAvailAndNoPrefixAvailInsideTheIa() {
        Dhcp6Message first = reply(relayed(msg(Dhcp6MessageType.SOLICIT, ALICE).option(na(1)).option(pd(2)).build(),
                "2001:db8:2::1")).relayMessage().orElseThrow();
        assertThat(address(first, 0)).isEqualTo("2001:db8:2::100");
        assertThat(first.iaPd().get(0).status()).as("link 2 delegates nothing")
                .contains(new StatusCode(StatusCode.NO_PREFIX_AVAIL, "no prefixes available"));
        Dhcp6Message second = reply(relayed(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(1)).build(),
                "2001:db8:2::1")).relayMessage().orElseThrow();
        IaNa ia = second.iaNa().get(0);
        assertThat(ia.addresses()).isEmpty();
        assertThat(ia.status().orElseThrow().code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL);
        assertThat(second.statusCode()).as("not at message level").isEmpty();

        clock.advance(Duration.ofSeconds(31)); // Alice's advertised address is no longer held
        Dhcp6Message third = reply(relayed(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(1)).build(),
                "2001:db8:2::1")).relayMessage().orElseThrow();
        assertThat(address(third, 0)).isEqualTo("2001:db8:2::100");
    }

    @Test
    void requestForAnAddressOffLinkGetsNotOnLinkInTheIa() {
        Dhcp6Message reply = reply(msg(Dhcp6MessageType.REQUEST, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:99::5")));
        assertThat(reply.iaNa().get(0).status().orElseThrow().code()).isEqualTo(StatusCode.NOT_ON_LINK);
        assertThat(reply.iaNa().get(0).addresses()).isEmpty();
    }

    @Test
    void renewExtendsAtT1AndUnknownIasGetNoBinding() {
        bind(ALICE, 1);
        clock.advance(Duration.ofSeconds(1500));
        Dhcp6Message renewed = reply(msg(Dhcp6MessageType.RENEW, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::100")).option(na(9, "2001:db8:1::150")));
        assertThat(renewed.iaNa().get(0).addresses())
                .containsExactly(IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3000, 4000));
        assertThat(renewed.iaNa().get(1).status().orElseThrow().code()).isEqualTo(StatusCode.NO_BINDING);
        assertThat(engine.bindings().get(0).expires()).isEqualTo(clock.instant().plusSeconds(4000));

        clock.advance(Duration.ofSeconds(4001)); // expired
        Dhcp6Message late = reply(msg(Dhcp6MessageType.RENEW, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::100")));
        assertThat(late.iaNa().get(0).status().orElseThrow().code()).isEqualTo(StatusCode.NO_BINDING);
        assertThat(engine.bindings().get(0).stateAt(clock.instant())).isEqualTo(Binding6.State.EXPIRED);
    }

    @Test
    void renewOfAnIaPdExtendsThePrefix() {
        reply(msg(Dhcp6MessageType.REQUEST, ALICE).option(Dhcp6Option.serverId(SERVER)).option(pd(3)));
        clock.advance(Duration.ofSeconds(1500));
        Dhcp6Message renewed = reply(msg(Dhcp6MessageType.RENEW, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(pd(3)));
        assertThat(renewed.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(renewed.iaPd().get(0).t1()).isEqualTo(1500);
    }

    @Test
    void rebindExtendsABindingOrTakesAnOnLinkAddressOrZeroesAnOffLinkOne() {
        bind(ALICE, 1);
        clock.advance(Duration.ofSeconds(2400));
        Dhcp6Message rebound = reply(msg(Dhcp6MessageType.REBIND, ALICE).option(na(1, "2001:db8:1::100")));
        assertThat(address(rebound, 0)).isEqualTo("2001:db8:1::100");
        assertThat(rebound.iaNa().get(0).addresses().get(0).validLifetime()).isEqualTo(4000);

        Dhcp6Message adopted = reply(msg(Dhcp6MessageType.REBIND, BOB).option(na(1, "2001:db8:1::1f0")));
        assertThat(address(adopted, 0)).isEqualTo("2001:db8:1::1f0");
        Dhcp6Message offLink = reply(msg(Dhcp6MessageType.REBIND, BOB).option(na(2, "2001:db8:99::1")));
        assertThat(offLink.iaNa().get(0).addresses())
                .containsExactly(IaAddress.of(Ipv6.parse("2001:db8:99::1"), 0, 0));
    }

    @Test
    void releaseFreesTheAddressAndAnswersSuccess() {
        bind(ALICE, 1);
        Dhcp6Message reply = reply(msg(Dhcp6MessageType.RELEASE, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::100")).option(na(5, "2001:db8:1::105")));
        assertThat(reply.statusCode()).contains(new StatusCode(StatusCode.SUCCESS, "Release received."));
        assertThat(reply.iaNa()).hasSize(1);
        assertThat(reply.iaNa().get(0).iaid()).isEqualTo(5);
        assertThat(reply.iaNa().get(0).status().orElseThrow().code()).isEqualTo(StatusCode.NO_BINDING);
        assertThat(engine.bindings().get(0).state()).isEqualTo(Binding6.State.RELEASED);
        assertThat(address(bind(BOB, 1), 0)).as("released: free for another client").isEqualTo("2001:db8:1::100");
    }

    @Test
    void declineSetsTheAddressAside() {
        bind(ALICE, 1);
        Dhcp6Message reply = reply(msg(Dhcp6MessageType.DECLINE, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::100")));
        assertThat(reply.statusCode().orElseThrow().code()).isEqualTo(StatusCode.SUCCESS);
        assertThat(engine.bindings().get(0).state()).isEqualTo(Binding6.State.DECLINED);
        assertThat(address(bind(BOB, 1), 0)).isEqualTo("2001:db8:1::101");
        assertThat(address(bind(ALICE, 1), 0)).as("not even to the decliner").isEqualTo("2001:db8:1::102");
    }

    @Test
    void confirmSaysSuccessOrNotOnLinkAtMessageLevel() {
        Dhcp6Message ok = reply(msg(Dhcp6MessageType.CONFIRM, ALICE).option(na(1, "2001:db8:1::77")));
        assertThat(ok.statusCode().orElseThrow().code()).isEqualTo(StatusCode.SUCCESS);
        assertThat(ok.iaNa()).isEmpty();
        Dhcp6Message moved = reply(msg(Dhcp6MessageType.CONFIRM, ALICE).option(na(1, "2001:db8:2::77")));
        assertThat(moved.statusCode().orElseThrow().code()).isEqualTo(StatusCode.NOT_ON_LINK);
        assertThat(send(msg(Dhcp6MessageType.CONFIRM, ALICE).option(na(1)).build(), Arrival6.MULTICAST)).isEmpty();
    }

    @Test
    void informationRequestGetsConfigurationAndNoIa() {
        Dhcp6Message reply = reply(msg(Dhcp6MessageType.INFORMATION_REQUEST, ALICE)
                .option(Dhcp6Option.oro(Dhcp6OptionCode.DOMAIN_LIST, Dhcp6OptionCode.DNS_SERVERS)));
        assertThat(reply.type()).contains(Dhcp6MessageType.REPLY);
        assertThat(reply.options()).extracting(o -> o.code().code()).containsExactly(2, 1, 24, 23);
        assertThat(engine.bindings()).isEmpty();
        assertThat(send(msg(Dhcp6MessageType.INFORMATION_REQUEST, ALICE).option(na(1)).build(),
                Arrival6.MULTICAST)).as("an IA in INFORMATION-REQUEST: discarded").isEmpty();
        assertThat(reply(msg(Dhcp6MessageType.INFORMATION_REQUEST, null)).clientId())
                .as("no client id is allowed").isEmpty();
    }

    @Test
    void messagesRfc8415Section16DiscardsGetNoReply() {
        assertThat(send(msg(Dhcp6MessageType.SOLICIT, null).option(na(1)).build(), Arrival6.MULTICAST)).isEmpty();
        assertThat(send(msg(Dhcp6MessageType.SOLICIT, ALICE).option(Dhcp6Option.serverId(SERVER)).build(),
                Arrival6.MULTICAST)).isEmpty();
        assertThat(send(msg(Dhcp6MessageType.REQUEST, ALICE).option(Dhcp6Option.serverId(BOB)).option(na(1))
                .build(), Arrival6.MULTICAST)).isEmpty();
        assertThat(send(msg(Dhcp6MessageType.REQUEST, ALICE).option(na(1)).build(), Arrival6.MULTICAST)).isEmpty();
        assertThat(send(msg(Dhcp6MessageType.REBIND, ALICE).option(Dhcp6Option.serverId(SERVER)).option(na(1))
                .build(), Arrival6.MULTICAST)).isEmpty();
        assertThat(send(msg(Dhcp6MessageType.REPLY, ALICE).build(), Arrival6.MULTICAST)).isEmpty();
        assertThat(engine.bindings()).isEmpty();
    }

    @Test
    void unicastWithoutPermissionGetsUseMulticast() {
        engine = engine(false, false);
        Dhcp6Message reply = send(msg(Dhcp6MessageType.REQUEST, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1)).build(), Arrival6.UNICAST).orElseThrow();
        assertThat(reply.options()).extracting(o -> o.code().code()).containsExactly(2, 1, 13);
        assertThat(reply.statusCode().orElseThrow().code()).isEqualTo(StatusCode.USE_MULTICAST);
        assertThat(engine.bindings()).isEmpty();
        assertThat(send(msg(Dhcp6MessageType.SOLICIT, ALICE).option(na(1)).build(), Arrival6.UNICAST))
                .as("SOLICIT is answered however it came").isPresent();
    }

    Dhcp6Message.Builder relayed(Dhcp6Message inner, String link) {
        return Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0).linkAddress(link)
                .peerAddress("fe80::a")
                .option(Dhcp6Option.interfaceId("port7".getBytes(StandardCharsets.US_ASCII)))
                .option(Dhcp6Option.relayMessage(inner));
    }

    @Test
    void relayedMessagesAreAnsweredThroughRelayReplOnTheRelaysLink() {
        Dhcp6Message solicit = msg(Dhcp6MessageType.SOLICIT, ALICE).option(na(1)).build();
        Dhcp6Message reply = reply(relayed(solicit, "2001:db8:2::1"));
        assertThat(reply.type()).contains(Dhcp6MessageType.RELAY_REPL);
        assertThat(Ipv6.format(reply.linkAddress())).isEqualTo("2001:db8:2::1");
        assertThat(Ipv6.format(reply.peerAddress())).isEqualTo("fe80::a");
        assertThat(reply.options()).extracting(o -> o.code().code()).containsExactly(18, 9);
        assertThat(new String(reply.interfaceId().orElseThrow(), StandardCharsets.US_ASCII)).isEqualTo("port7");
        assertThat(address(reply.relayMessage().orElseThrow(), 0)).isEqualTo("2001:db8:2::100");

        // two relays: the one nearest the client (innermost, link-local link address) names no link, the outer does
        Dhcp6Message twice = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(1)
                .linkAddress("2001:db8:1::1").peerAddress("2001:db8:9::9")
                .option(Dhcp6Option.relayMessage(relayed(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(1)).build(),
                        "fe80::1").build())).build();
        Dhcp6Message out = send(twice, Arrival6.UNICAST).orElseThrow();
        assertThat(out.hopCount()).isEqualTo(1);
        Dhcp6Message inner = out.relayMessage().orElseThrow();
        assertThat(inner.type()).contains(Dhcp6MessageType.RELAY_REPL);
        assertThat(address(inner.relayMessage().orElseThrow(), 0)).startsWith("2001:db8:1::");

        assertThat(send(relayed(solicit, "2001:db8:77::1").build(), Arrival6.UNICAST))
                .as("a link address in no subnet6").isEmpty();
    }

    @Test
    void prefixesAreCutFromThePoolInOrder() {
        Dhcp6Message a = reply(msg(Dhcp6MessageType.SOLICIT, ALICE).option(pd(1)));
        Dhcp6Message b = reply(msg(Dhcp6MessageType.SOLICIT, BOB).option(pd(1)));
        assertThat(a.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(b.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100:100::/56");
    }

    static Duid client(int n) {
        return Duid.ll(MacAddress.parse(String.format("02:00:00:00:%02x:%02x", n >> 8, n & 0xff)));
    }

    String solicitFor(Duid client) {
        return address(reply(msg(Dhcp6MessageType.SOLICIT, client).option(na(1))), 0);
    }

    @Test
    void aNewClientGetsTheLowestFreeAddressAfterAReleaseOrADeclineEvenOnceThePoolIsPartlyFull() {
        for (int i = 1; i <= 3; i++) {
            bind(client(i), 1);
        }
        assertThat(solicitFor(client(4))).isEqualTo("2001:db8:1::103");
        reply(msg(Dhcp6MessageType.RELEASE, client(2)).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::101")));
        assertThat(solicitFor(client(5))).isEqualTo("2001:db8:1::101");
        assertThat(solicitFor(client(6))).isEqualTo("2001:db8:1::104");
        reply(msg(Dhcp6MessageType.DECLINE, client(1)).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::100")));
        assertThat(solicitFor(client(7))).as("declined: set aside").isEqualTo("2001:db8:1::105");
        clock.advance(Duration.ofHours(1)); // the probation ends; every ADVERTISE hold too
        assertThat(solicitFor(client(8))).isEqualTo("2001:db8:1::100");
    }

    @Test
    void anAdvertisedAddressComesFreeWhenItsHoldEnds() {
        assertThat(solicitFor(client(1))).isEqualTo("2001:db8:1::100");
        clock.advance(Duration.ofSeconds(10));
        bind(client(2), 1);
        assertThat(solicitFor(client(3))).isEqualTo("2001:db8:1::102");
        clock.advance(Duration.ofSeconds(21)); // client 1's offer (30 s) is over, client 3's not yet
        assertThat(solicitFor(client(4))).isEqualTo("2001:db8:1::100");
        assertThat(solicitFor(client(5))).isEqualTo("2001:db8:1::103");
    }

    @Test
    void afterResetThePoolStartsAgainFromItsFirstAddress() {
        bind(client(1), 1);
        bind(client(2), 1);
        engine.reset();
        assertThat(solicitFor(client(3))).as("after reset(), the pool is empty").isEqualTo("2001:db8:1::100");
    }

    String prefixFor(Duid client) {
        return reply(msg(Dhcp6MessageType.SOLICIT, client).option(pd(1))).iaPd().get(0).prefixes().get(0).cidr();
    }

    @Test
    void aNewClientGetsTheLowestFreePrefixAfterAReleaseOrWhenAHoldEnds() {
        for (int i = 1; i <= 3; i++) {
            Duid c = client(i);
            reply(msg(Dhcp6MessageType.REQUEST, c).option(Dhcp6Option.serverId(SERVER)).option(pd(1)));
        }
        assertThat(prefixFor(client(4))).isEqualTo("2001:db8:100:300::/56");
        reply(msg(Dhcp6MessageType.RELEASE, client(2)).option(Dhcp6Option.serverId(SERVER)).option(pd(1)));
        assertThat(prefixFor(client(5))).as("released: free again").isEqualTo("2001:db8:100:100::/56");
        assertThat(prefixFor(client(6))).isEqualTo("2001:db8:100:400::/56");
        clock.advance(Duration.ofSeconds(31)); // the offers to clients 4, 5 and 6 (30 s) are over
        assertThat(prefixFor(client(7))).isEqualTo("2001:db8:100:100::/56");
        assertThat(prefixFor(client(8))).isEqualTo("2001:db8:100:300::/56");
        engine.reset();
        assertThat(prefixFor(client(9))).as("after reset(), the pool is empty").isEqualTo("2001:db8:100::/56");
    }
}
