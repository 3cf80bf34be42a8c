package dev.dhcpembedded.internal.engine6;


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
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Static leases by DUID (and IAID) in the v6 engine: honoured in every exchange, kept out of everyone else's way. */
class StaticLease6EngineTest {

    static final Duid SERVER = Lease6EngineTest.SERVER;
    static final Duid ALICE = Lease6EngineTest.ALICE;
    static final Duid BOB = Lease6EngineTest.BOB;
    static final Duid CAROL = Duid.ll(MacAddress.parse("02:00:00:00:00:0c"));

    /** Pool ::100-::101 (two addresses), /56s from 2001:db8:100::/48. */
    static final Subnet6Config LINK = Lease6EngineTest.subnet("2001:db8:1::/64", "2001:db8:1::100", "2001:db8:1::101",
            Optional.of(new Subnet6Config.PdPool(Prefix6.parse("2001:db8:100::/48"), 56)));
    static final Subnet6Config LINK2 = Lease6EngineTest.subnet("2001:db8:2::/64", "2001:db8:2::100",
            "2001:db8:2::1ff", Optional.empty());

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    int xid = 1;

    static Addr6 a(String address) {
        return Prefix6.number(Ipv6.parse(address));
    }

    static StaticLease6 lease(Duid duid, String address, String prefix) {
        return new StaticLease6(duid, OptionalLong.empty(), Optional.ofNullable(address).map(StaticLease6EngineTest::a),
                Optional.ofNullable(prefix).map(Prefix6::parse));
    }

    static Server6Config config(StaticLease6... leases) {
        return new Server6Config(SERVER, List.of(LINK, LINK2), false, true, OptionalInt.empty(),
                Duration.ofSeconds(30), Duration.ofHours(1), List.of(leases));
    }

    Lease6Engine engine = new Lease6Engine(config(
            lease(ALICE, "2001:db8:1::100", "2001:db8:100:100::/56"),   // inside the pools
            lease(BOB, "2001:db8:1::42", null),                          // outside the pool, on the link
            new StaticLease6(CAROL, OptionalLong.of(7), Optional.empty(),
                    Optional.of(Prefix6.parse("2001:db8:ff00::/40")))),  // outside every delegation pool
            clock);

    Dhcp6Message.Builder msg(Dhcp6MessageType type, Duid client) {
        return Dhcp6Message.builder(type).transactionId(xid++).option(Dhcp6Option.clientId(client))
                .option(Dhcp6Option.elapsedTime(0));
    }

    Dhcp6Message reply(Dhcp6Message.Builder m) {
        Decision6 d = engine.handle(Dhcp6Codec.decode(Dhcp6Codec.encode(m.build())), Arrival6.MULTICAST);
        Dhcp6Message r = d.reply().orElseThrow(() -> new AssertionError("no reply: " + d));
        assertThat(Dhcp6Codec.decode(Dhcp6Codec.encode(r))).isEqualTo(r);
        return r;
    }

    Decision6 decide(Dhcp6Message.Builder m) {
        return engine.handle(Dhcp6Codec.decode(Dhcp6Codec.encode(m.build())), Arrival6.MULTICAST);
    }

    static Dhcp6Option na(long iaid, String... hints) {
        Dhcp6Option[] inner = new Dhcp6Option[hints.length];
        for (int i = 0; i < hints.length; i++) {
            inner[i] = Dhcp6Option.iaAddress(IaAddress.of(Ipv6.parse(hints[i]), 0, 0));
        }
        return Dhcp6Option.iaNa(IaNa.of(iaid, 0, 0, inner));
    }

    static Dhcp6Option pd(long iaid) {
        return Dhcp6Option.iaPd(IaPd.of(iaid, 0, 0));
    }

    static String address(Dhcp6Message reply, int index) {
        return Ipv6.format(reply.iaNa().get(index).addresses().get(0).address());
    }

    static String prefix(Dhcp6Message reply, int index) {
        return reply.iaPd().get(index).prefixes().get(0).cidr();
    }

    @Test
    void solicitAndRequestGiveTheStaticAddressAndPrefixWhateverTheHint() {
        Decision6 advertised = decide(msg(Dhcp6MessageType.SOLICIT, ALICE).option(na(9, "2001:db8:1::101"))
                .option(pd(3)));
        assertThat(advertised.rule()).contains("(static lease)");
        Dhcp6Message advertise = advertised.reply().orElseThrow();
        assertThat(address(advertise, 0)).isEqualTo("2001:db8:1::100");
        assertThat(prefix(advertise, 0)).isEqualTo("2001:db8:100:100::/56");
        Dhcp6Message replied = reply(msg(Dhcp6MessageType.REQUEST, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(9, "2001:db8:1::101")).option(pd(3)));
        assertThat(address(replied, 0)).isEqualTo("2001:db8:1::100");
        assertThat(prefix(replied, 0)).isEqualTo("2001:db8:100:100::/56");
        assertThat(engine.bindings()).extracting(Binding6::state).containsOnly(Binding6.State.BOUND);
    }

    @Test
    void anAddressOutsideThePoolIsGivenToItsOwner() {
        Dhcp6Message replied = reply(msg(Dhcp6MessageType.REQUEST, BOB).option(Dhcp6Option.serverId(SERVER))
                .option(na(1)));
        assertThat(address(replied, 0)).isEqualTo("2001:db8:1::42");
    }

    @Test
    void otherClientsNeverGetAStaticAddressOrPrefixEvenWhenTheyAskForIt() {
        // the pool is ::100-::101 and ::100 is Alice's: the first other client gets ::101, the second nothing
        Duid erin = Duid.ll(MacAddress.parse("02:00:00:00:00:0e"));
        Dhcp6Message first = reply(msg(Dhcp6MessageType.SOLICIT, erin).option(na(5, "2001:db8:1::100")));
        assertThat(address(first, 0)).isEqualTo("2001:db8:1::101");
        Duid dave = Duid.ll(MacAddress.parse("02:00:00:00:00:0d"));
        Dhcp6Message second = reply(msg(Dhcp6MessageType.SOLICIT, dave).option(na(1, "2001:db8:1::100"))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0, Dhcp6Option.iaPrefix(
                        IaPrefix.of(Ipv6.parse("2001:db8:100:100::"), 56, 0, 0))))));
        assertThat(second.iaNa().get(0).status().orElseThrow().code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL);
        assertThat(prefix(second, 0)).as("the pool's first /56 is free; Alice's /56 is not handed out")
                .isEqualTo("2001:db8:100::/56");
        // a REBIND for Alice's address from someone else binds nothing
        Dhcp6Message rebind = reply(msg(Dhcp6MessageType.REBIND, dave).option(na(1, "2001:db8:1::100")));
        assertThat(rebind.iaNa().get(0).addresses()).extracting(IaAddress::validLifetime).containsExactly(0L);
    }

    @Test
    void renewRebindAndConfirmKeepTheStaticLease() {
        reply(msg(Dhcp6MessageType.REQUEST, ALICE).option(Dhcp6Option.serverId(SERVER)).option(na(1)).option(pd(2)));
        clock.advance(Duration.ofSeconds(1500));
        Dhcp6Message renewed = reply(msg(Dhcp6MessageType.RENEW, ALICE).option(Dhcp6Option.serverId(SERVER))
                .option(na(1, "2001:db8:1::100")).option(pd(2)));
        assertThat(renewed.iaNa().get(0).addresses()).containsExactly(
                IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3000, 4000));
        assertThat(prefix(renewed, 0)).isEqualTo("2001:db8:100:100::/56");
        engine.reset(); // the server forgot: REBIND gives the static address back
        Dhcp6Message rebound = reply(msg(Dhcp6MessageType.REBIND, ALICE).option(na(1, "2001:db8:1::100")));
        assertThat(rebound.iaNa().get(0).addresses()).containsExactly(
                IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3000, 4000));
        Dhcp6Message confirmed = reply(msg(Dhcp6MessageType.CONFIRM, ALICE).option(na(1, "2001:db8:1::100")));
        assertThat(confirmed.statusCode().orElseThrow().code()).isEqualTo(StatusCode.SUCCESS);
    }

    @Test
    void aStaticLeaseWithAnIaidServesThatIaOnly() {
        Dhcp6Message advertise = reply(msg(Dhcp6MessageType.SOLICIT, CAROL).option(pd(6)).option(pd(7)));
        assertThat(prefix(advertise, 0)).as("IAID 6: from the pool").isEqualTo("2001:db8:100::/56");
        assertThat(prefix(advertise, 1)).as("IAID 7: the static /40").isEqualTo("2001:db8:ff00::/40");
    }

    @Test
    void aStaticLeaseWithoutIaidGoesToTheFirstIaOnly() {
        Dhcp6Message advertise = reply(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(1)).option(na(2)));
        assertThat(address(advertise, 0)).isEqualTo("2001:db8:1::42");
        assertThat(address(advertise, 1)).isEqualTo("2001:db8:1::101");
    }

    @Test
    void theStaticAddressIsGivenOnItsOwnLinkOnly() {
        Dhcp6Message relayed = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0)
                .linkAddress("2001:db8:2::1").peerAddress("fe80::42")
                .option(Dhcp6Option.relayMessage(msg(Dhcp6MessageType.SOLICIT, BOB).option(na(1)).build())).build();
        Dhcp6Message inner = engine.handle(relayed, Arrival6.MULTICAST).reply().orElseThrow().relayMessage()
                .orElseThrow();
        assertThat(address(inner, 0)).isEqualTo("2001:db8:2::100");
    }

    @Test
    void badStaticLeasesFailAtConfigurationWithWhatToChange() {
        assertThatThrownBy(() -> config(lease(ALICE, "2001:db8:9::1", null)))
                .hasMessageContaining("is outside every subnet6 (2001:db8:1::/64, 2001:db8:2::/64)");
        assertThatThrownBy(() -> config(lease(ALICE, "2001:db8:1::42", null), lease(BOB, "2001:db8:1::42", null)))
                .hasMessageContaining("address 2001:db8:1::42 is given to two static leases");
        assertThatThrownBy(() -> config(lease(ALICE, "2001:db8:1::42", null), lease(ALICE, "2001:db8:1::43", null)))
                .hasMessageContaining("are for the same client; keep one static lease per DUID (and IAID)");
        assertThatThrownBy(() -> config(lease(ALICE, null, "2001:db8:ff00::/40"), lease(BOB, null, "2001:db8:ff10::/44")))
                .hasMessageContaining("overlaps prefix 2001:db8:ff00::/40");
        assertThatThrownBy(() -> config(lease(ALICE, null, "2001:db8:100:100::/60")))
                .hasMessageContaining("overlaps the delegation pool 2001:db8:100::/48 but is not one of its /56"
                        + " prefixes");
        assertThatThrownBy(() -> config(lease(ALICE, null, "2001:db8:1::/64")))
                .hasMessageContaining("overlaps subnet6 2001:db8:1::/64, the link itself");
        assertThatThrownBy(() -> lease(ALICE, null, null)).hasMessageContaining("neither an address nor a prefix");
        // one client, two IAIDs: allowed
        config(new StaticLease6(ALICE, OptionalLong.of(1), Optional.of(a("2001:db8:1::42")), Optional.empty()),
                new StaticLease6(ALICE, OptionalLong.of(2), Optional.of(a("2001:db8:1::43")), Optional.empty()));
    }
}
