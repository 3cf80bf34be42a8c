package dev.dhcpembedded.internal.engine6;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, items 2 and 3: the DHCPv6 engine's resource limits. A 32,000-code ORO costs linear time; the IAs of one
 * message past the link's limits bind nothing and get a status code; a reply is known to fit before anything binds.
 */
class Lease6LimitsTest {

    static final Duid SERVER = Duid.ll(MacAddress.parse("02:00:00:00:00:01"));

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    int xid = 1;

    static Subnet6Config link(int naLimit, int pdLimit, List<Dhcp6Option> options) {
        return new Subnet6Config(Prefix6.parse("2001:db8:1::/64"),
                List.of(new Subnet6Config.Range(Prefix6.number(Ipv6.parse("2001:db8:1::100")),
                        Prefix6.number(Ipv6.parse("2001:db8:1::1ff")))),
                Optional.of(new Subnet6Config.PdPool(Prefix6.parse("2001:db8:100::/48"), 56)),
                Duration.ofSeconds(3000), Duration.ofSeconds(4000), Duration.ofSeconds(1500),
                Duration.ofSeconds(2400), options, naLimit, pdLimit);
    }

    static final List<Dhcp6Option> OPTIONS = List.of(Dhcp6Option.dnsServers("2001:db8:1::53"),
            Dhcp6Option.domainList("lab.test"));

    Lease6Engine engine = engine(link(Subnet6Config.DEFAULT_IA_LIMIT, Subnet6Config.DEFAULT_IA_LIMIT, OPTIONS));

    Lease6Engine engine(Subnet6Config link) {
        return new Lease6Engine(new Server6Config(SERVER, List.of(link), false, true, OptionalInt.empty(),
                Duration.ofSeconds(30), Duration.ofHours(1)), clock);
    }

    static Duid client(int n) {
        return Duid.ll(MacAddress.parse(String.format("02:00:00:00:%02x:%02x", n >> 8, n & 0xFF)));
    }

    Dhcp6Message.Builder msg(Dhcp6MessageType type, Duid client) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(type).transactionId(xid++).option(Dhcp6Option.clientId(client))
                .option(Dhcp6Option.elapsedTime(0));
        return type == Dhcp6MessageType.SOLICIT ? b : b.option(Dhcp6Option.serverId(SERVER));
    }

    Dhcp6Message.Builder withIaNa(Dhcp6Message.Builder b, int count) {
        for (int i = 0; i < count; i++) {
            b.option(Dhcp6Option.iaNa(IaNa.of(i, 0, 0)));
        }
        return b;
    }

    Dhcp6Message.Builder withIaPd(Dhcp6Message.Builder b, int count) {
        for (int i = 0; i < count; i++) {
            b.option(Dhcp6Option.iaPd(IaPd.of(i, 0, 0)));
        }
        return b;
    }

    /** As the packet path does: the request off the wire, the reply onto it (the encoder throws when too big). */
    Decision6 send(Dhcp6Message.Builder m) {
        byte[] request = Dhcp6Codec.encode(m.build());
        Decision6 d = engine.handle(Dhcp6Codec.decode(request), Arrival6.MULTICAST);
        d.reply().ifPresent(r -> assertThat(Dhcp6Codec.encode(r).length).as("the reply is no larger than the request")
                .isLessThanOrEqualTo(Math.max(request.length, 1500)));
        return d;
    }

    static long served(List<IaNa> ias) {
        return ias.stream().filter(ia -> !ia.addresses().isEmpty()).count();
    }

    static List<StatusCode.Code> statuses(Dhcp6Message reply) {
        return reply.iaNa().stream().flatMap(ia -> ia.status().stream()).map(StatusCode::code).toList();
    }

    @Test
    void anOroOf32000CodesIsAnsweredInLinearTimeInTheOrosOrder() {
        byte[] codes = new byte[64_000];
        for (int i = 0; i < 32_000; i++) { // distinct codes, the two the link offers at the end, 24 first
            int code = i == 31_998 ? 24 : i == 31_999 ? 23 : 100 + i;
            codes[2 * i] = (byte) (code >>> 8);
            codes[2 * i + 1] = (byte) code;
        }
        Dhcp6Option oro = Dhcp6Option.of(Dhcp6OptionCode.ORO, codes);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            Dhcp6Message reply = send(withIaNa(msg(Dhcp6MessageType.SOLICIT, client(i)).option(oro), 1))
                    .reply().orElseThrow();
            assertThat(reply.options().stream().map(Dhcp6Option::code)
                    .filter(c -> c == Dhcp6OptionCode.DNS_SERVERS || c == Dhcp6OptionCode.DOMAIN_LIST))
                    .containsExactly(Dhcp6OptionCode.DOMAIN_LIST, Dhcp6OptionCode.DNS_SERVERS);
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // Quadratic, each of these took ~0.28 s (over 2.8 s in all); linear, all ten take a few milliseconds.
        assertThat(millis).as("ten SOLICITs with a 32,000-code ORO, in ms").isLessThan(1500);
    }

    @Test
    void eachOptionOnceAtItsFirstPlaceInTheOro() {
        Dhcp6Message reply = send(withIaNa(msg(Dhcp6MessageType.SOLICIT, client(1))
                .option(Dhcp6Option.oro(24, 7, 24, 23, 23, 24)), 1)).reply().orElseThrow();
        assertThat(reply.options().stream().map(Dhcp6Option::code)
                .filter(c -> c == Dhcp6OptionCode.DNS_SERVERS || c == Dhcp6OptionCode.DOMAIN_LIST))
                .containsExactly(Dhcp6OptionCode.DOMAIN_LIST, Dhcp6OptionCode.DNS_SERVERS);
    }

    @Test
    void fourThousandIaNaGetABoundedReplyAndBindTheLimitOnly() {
        for (Dhcp6MessageType type : List.of(Dhcp6MessageType.SOLICIT, Dhcp6MessageType.REQUEST)) {
            Decision6 d = send(withIaNa(msg(type, client(1)), 4000));
            Dhcp6Message reply = d.reply().orElseThrow();
            assertThat(served(reply.iaNa())).isEqualTo(8);
            assertThat(reply.iaNa()).hasSize(8 + IaLimits.REFUSALS_SHOWN);
            assertThat(statuses(reply)).hasSize(IaLimits.REFUSALS_SHOWN).containsOnly(StatusCode.NO_ADDRS_AVAIL);
            assertThat(d.rule()).contains("3992 IA_NA over the limit of 8 per message: NoAddrsAvail, nothing bound")
                    .contains("3928 of them left out of the reply");
            assertThat(engine.bindings()).hasSize(8);
        }
    }

    @Test
    void seventeenGreedyRequestsLeaveThePoolAlmostWhole() {
        for (int i = 0; i < 17; i++) {
            send(withIaNa(msg(Dhcp6MessageType.REQUEST, client(i)), 4000));
        }
        assertThat(engine.bindings()).hasSize(17 * 8); // of 256 addresses; before, the first request took them all
        Dhcp6Message reply = send(withIaNa(msg(Dhcp6MessageType.REQUEST, client(99)), 1)).reply().orElseThrow();
        assertThat(served(reply.iaNa())).isEqualTo(1);
    }

    @Test
    void threeHundredIaPdLeavePrefixesForOthers() {
        Decision6 d = send(withIaPd(msg(Dhcp6MessageType.SOLICIT, client(1)), 300));
        Dhcp6Message greedy = d.reply().orElseThrow();
        assertThat(greedy.iaPd().stream().filter(ia -> !ia.prefixes().isEmpty())).hasSize(8);
        assertThat(greedy.iaPd().stream().flatMap(ia -> ia.status().stream()).map(StatusCode::code))
                .hasSize(IaLimits.REFUSALS_SHOWN).containsOnly(StatusCode.NO_PREFIX_AVAIL);
        assertThat(d.rule()).contains("292 IA_PD over the limit of 8 per message: NoPrefixAvail");
        Dhcp6Message other = send(withIaPd(msg(Dhcp6MessageType.SOLICIT, client(2)), 1)).reply().orElseThrow();
        assertThat(other.iaPd().get(0).prefixes()).hasSize(1);
    }

    @Test
    void theLinkSetsItsLimits() {
        engine = engine(link(2, 1, OPTIONS));
        Dhcp6Message reply = send(withIaPd(withIaNa(msg(Dhcp6MessageType.REQUEST, client(1)), 3), 2))
                .reply().orElseThrow();
        assertThat(served(reply.iaNa())).isEqualTo(2);
        assertThat(statuses(reply)).containsExactly(StatusCode.NO_ADDRS_AVAIL);
        assertThat(reply.iaPd().stream().filter(ia -> !ia.prefixes().isEmpty())).hasSize(1);
        assertThat(engine.bindings()).hasSize(3);
    }

    @Test
    void renewAndReleaseWithFourThousandIasAreAnsweredWithinTheLimit() {
        send(withIaNa(msg(Dhcp6MessageType.REQUEST, client(1)), 2));
        for (Dhcp6MessageType type : List.of(Dhcp6MessageType.RENEW, Dhcp6MessageType.RELEASE)) {
            Decision6 d = send(withIaNa(msg(type, client(1)), 4000));
            assertThat(d.reply()).isPresent();
            assertThat(d.rule()).contains("over the limit of 8");
        }
    }

    @Test
    void theRefusalSizeIsCountedExactly() {
        for (int limit : new int[] {1, 8, 10, 256}) {
            assertThat(IaLimits.refusalSize(limit)).isEqualTo(4 + IaLimits.refusedNa(7, limit).length())
                    .isEqualTo(4 + IaLimits.refusedPd(7, limit).length());
        }
    }

    @Test
    void aReplyThatCouldNotBeSentBindsNothing() {
        engine = engine(link(8, 8, List.of(Dhcp6Option.of(Dhcp6OptionCode.of(200), new byte[65_535]))));
        Decision6 d = send(withIaNa(msg(Dhcp6MessageType.REQUEST, client(1)), 1));
        assertThat(d.reply()).isEmpty();
        assertThat(d.rule()).contains("over the 65527-byte UDP payload limit: nothing bound");
        assertThat(engine.bindings()).isEmpty();
    }
}
