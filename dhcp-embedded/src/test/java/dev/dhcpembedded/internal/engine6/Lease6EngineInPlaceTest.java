package dev.dhcpembedded.internal.engine6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The packet path's in-place answer ({@link Lease6Engine#handleInPlace}) is the decoded path's answer, byte for byte
 * and rule for rule: two engines on the same clock, one fed the bytes, the other the decoded messages; and what the
 * in-place path does not take (relayed, other types, discards, over the limits) is left to the decoded path.
 */
class Lease6EngineInPlaceTest {

    static final Duid SERVER = Lease6EngineTest.SERVER;
    static final Duid ALICE = Lease6EngineTest.ALICE;
    static final Duid BOB = Lease6EngineTest.BOB;

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    Lease6Engine engine(boolean rapidCommit, boolean acceptUnicast, OptionalInt preference) {
        return new Lease6Engine(new Server6Config(SERVER, List.of(Lease6EngineTest.LINK1, Lease6EngineTest.LINK2),
                rapidCommit, acceptUnicast, preference, Duration.ofSeconds(30), Duration.ofHours(1)), clock);
    }

    final Lease6Engine inPlace = engine(true, false, OptionalInt.of(7));
    final Lease6Engine decoded = engine(true, false, OptionalInt.of(7));
    final Wire6Request wire = new Wire6Request();
    final Reply6Writer reply = new Reply6Writer();
    final StringBuilder note = new StringBuilder();

    /** Both engines answer {@code m}; the in-place one must take it and say the same. */
    void same(Dhcp6Message m) {
        byte[] bytes = Dhcp6Codec.encode(m);
        note.setLength(0);
        assertThat(inPlace.handleInPlace(wire.read(bytes, 0, bytes.length), false, reply, note))
                .as("taken in place: %s", m).isTrue();
        Decision6 d = decoded.handle(m, Arrival6.MULTICAST);
        assertThat(note.toString()).isEqualTo(d.rule());
        assertThat(reply.copy()).as("the reply to %s", m).isEqualTo(Dhcp6Codec.encode(d.reply().orElseThrow()));
    }

    /** The in-place path leaves {@code m} to the decoded path. */
    void notTaken(Dhcp6Message m, boolean unicast) {
        byte[] bytes = Dhcp6Codec.encode(m);
        assertThat(inPlace.handleInPlace(wire.read(bytes, 0, bytes.length), unicast, reply, note))
                .as("left to the decoded path: %s", m).isFalse();
    }

    static Dhcp6Message.Builder msg(Dhcp6MessageType type, Duid client, int xid) {
        return Dhcp6Message.builder(type).transactionId(xid).option(Dhcp6Option.clientId(client))
                .option(Dhcp6Option.elapsedTime(0));
    }

    @Test
    void solicitsAndRequestsAreAnsweredAsTheDecodedPathAnswersThem() {
        Dhcp6Option oro = Dhcp6Option.oro(Dhcp6OptionCode.DOMAIN_LIST, Dhcp6OptionCode.DNS_SERVERS,
                Dhcp6OptionCode.DOMAIN_LIST);
        same(msg(Dhcp6MessageType.SOLICIT, ALICE, 1).option(oro).option(Lease6EngineTest.na(1))
                .option(Lease6EngineTest.pd(2)).build());
        same(msg(Dhcp6MessageType.SOLICIT, ALICE, 2).option(Lease6EngineTest.na(1)).build()); // no ORO: all
        same(msg(Dhcp6MessageType.REQUEST, ALICE, 3).option(Dhcp6Option.serverId(SERVER)).option(oro)
                .option(Lease6EngineTest.na(1, "2001:db8:1::100")).option(Lease6EngineTest.pd(2)).build());
        same(msg(Dhcp6MessageType.SOLICIT, BOB, 4).option(Dhcp6Option.rapidCommit())
                .option(Lease6EngineTest.na(9, "2001:db8:1::1f0")).option(Dhcp6Option.iaPd(IaPd.of(3, 0, 0,
                        Dhcp6Option.iaPrefix(IaPrefix.of(Ipv6.parse("2001:db8:100:500::"), 56, 0, 0)))))
                .build()); // rapid commit, hints
        same(msg(Dhcp6MessageType.REQUEST, BOB, 5).option(Dhcp6Option.serverId(SERVER))
                .option(Lease6EngineTest.na(10, "2001:db8:77::1")).build()); // NotOnLink
        same(msg(Dhcp6MessageType.SOLICIT, Duid.ll(MacAddress.parse("02:00:00:00:00:0c")), 6)
                .option(Lease6EngineTest.na(1)).option(Lease6EngineTest.na(2)).build()); // a new client, two IAs
        assertThat(inPlace.bindings()).isEqualTo(decoded.bindings());
    }

    @Test
    void whatTheInPlacePathDoesNotTakeIsLeftToTheDecodedPath() {
        notTaken(msg(Dhcp6MessageType.SOLICIT, ALICE, 1).option(Dhcp6Option.serverId(SERVER)).build(), false);
        notTaken(msg(Dhcp6MessageType.REQUEST, ALICE, 2).option(Dhcp6Option.serverId(BOB)).build(), false);
        notTaken(msg(Dhcp6MessageType.REQUEST, ALICE, 3).option(Dhcp6Option.serverId(SERVER)).build(), true);
        notTaken(msg(Dhcp6MessageType.RENEW, ALICE, 4).option(Dhcp6Option.serverId(SERVER)).build(), false);
        notTaken(msg(Dhcp6MessageType.INFORMATION_REQUEST, ALICE, 5).build(), false);
        notTaken(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(6).build(), false); // no client id
        Dhcp6Message.Builder many = msg(Dhcp6MessageType.SOLICIT, ALICE, 7);
        for (int i = 0; i <= Subnet6Config.DEFAULT_IA_LIMIT; i++) {
            many.option(Lease6EngineTest.na(i));
        }
        notTaken(many.build(), false);
        assertThat(inPlace.bindings()).isEmpty();
    }
}
