package dev.dhcpembedded.internal.engine6;


import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.internal.wire.Ipv6;
import org.junit.jupiter.api.Test;

/** The 128-bit arithmetic of the v6 engine: carries across the halves, unsigned order, masks. */
class Addr6Test {

    static Addr6 a(String text) {
        return Addr6.of(Ipv6.parse(text));
    }

    @Test
    void readsAndWritesTheSixteenBytes() {
        assertThat(a("2001:db8::1")).isEqualTo(new Addr6(0x20010db800000000L, 1));
        assertThat(a("2001:db8:1:2:3:4:5:6").toString()).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(Ipv6.format(a("ffff::ffff").toInet6Address())).isEqualTo("ffff::ffff");
    }

    @Test
    void addsWithACarryIntoTheHighHalf() {
        assertThat(a("2001:db8::ffff:ffff:ffff:ffff").plus(1)).isEqualTo(a("2001:db8:0:1::"));
        assertThat(a("::1").plus(0xffff)).isEqualTo(a("::1:0"));
        assertThat(a("2001:db8::").plusShifted(3, 72)).isEqualTo(a("2001:db8:0:300::"));
        assertThat(a("2001:db8::").plusShifted(1, 64)).isEqualTo(a("2001:db8:0:1::"));
        assertThat(a("2001:db8::ff00:0:0:0").plusShifted(1, 56)).isEqualTo(a("2001:db8:0:1::"));
        assertThat(a("::5").plusShifted(2, 0)).isEqualTo(a("::7"));
    }

    @Test
    void ordersUnsignedAndMeasuresDistances() {
        assertThat(a("8000::").compareTo(a("7fff::"))).isPositive();
        assertThat(a("::8000:0:0:0").compareTo(a("::7fff:0:0:0"))).isPositive();
        assertThat(a("2001:db8::1:0").distanceFrom(a("2001:db8::ffff"))).isEqualTo(1);
        assertThat(a("2001:db8:0:1::").distanceFrom(a("2001:db8::ffff:ffff:ffff:ffff"))).isEqualTo(1);
        assertThat(a("2001:db9::").distanceFrom(a("2001:db8::"))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void hostMasksForEveryKindOfLength() {
        assertThat(Addr6.hostMask(128)).isEqualTo(Addr6.ZERO);
        assertThat(Addr6.hostMask(127)).isEqualTo(a("::1"));
        assertThat(Addr6.hostMask(64)).isEqualTo(a("::ffff:ffff:ffff:ffff"));
        assertThat(Addr6.hostMask(56)).isEqualTo(a("0:0:0:ff:ffff:ffff:ffff:ffff"));
        assertThat(Addr6.hostMask(0)).isEqualTo(a("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertThat(Prefix6.parse("2001:db8:100::/40").contains(a("2001:db8:1ff:ff::1"))).isTrue();
        assertThat(Prefix6.parse("2001:db8:100::/40").contains(a("2001:db8:200::"))).isFalse();
    }

    @Test
    void poolsCountAndStepTheirCandidates() {
        Subnet6Config.PdPool pd = new Subnet6Config.PdPool(Prefix6.parse("2001:db8:100::/48"), 56);
        assertThat(pd.size()).isEqualTo(256);
        assertThat(pd.at(255)).isEqualTo(a("2001:db8:100:ff00::"));
        assertThat(new Subnet6Config.PdPool(Prefix6.parse("::/0"), 128).size()).isEqualTo(Long.MAX_VALUE);
        Subnet6Config.Range range = new Subnet6Config.Range(a("2001:db8::100"), a("2001:db8::1ff"));
        assertThat(range.size()).isEqualTo(256);
        assertThat(range.at(255)).isEqualTo(a("2001:db8::1ff"));
    }

    /** The packet path's mask tests on two longs say what the mask arithmetic says, at every prefix length. */
    @Test
    void prefixTestsOnLongsAgreeWithTheMasksAtEveryLength() {
        java.util.Random random = new java.util.Random(22);
        for (int length = 0; length <= 128; length++) {
            for (int i = 0; i < 200; i++) {
                Addr6 a = new Addr6(random.nextLong(), random.nextLong());
                Addr6 network = a.andNot(Addr6.hostMask(length));
                Prefix6 prefix = new Prefix6(network, length);
                Addr6 other = new Addr6(random.nextLong(), random.nextLong());
                assertThat(a.hasNoHostBits(length)).isEqualTo(a.and(Addr6.hostMask(length)).isZero());
                assertThat(network.hasNoHostBits(length)).isTrue();
                assertThat(prefix.contains(a)).isTrue();
                assertThat(prefix.contains(other.hi(), other.lo()))
                        .isEqualTo(other.andNot(Addr6.hostMask(length)).equals(network));
            }
        }
    }
}
