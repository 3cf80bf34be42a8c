package dev.dhcpembedded.internal.ra;

import dev.dhcpembedded.internal.wire.RouterAdvertisement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.internal.wire.WireFormatException;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.wire.RouterAdvertisement.Dnssl;
import dev.dhcpembedded.internal.wire.RouterAdvertisement.PrefixInformation;
import dev.dhcpembedded.internal.wire.RouterAdvertisement.Rdnss;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterAdvertisementTest {

    /**
     * The RA the lab's managed mode sends, field by field. Checked with {@code text2pcap -i 58 -6 fe80::1,ff02::1}
     * and {@code tshark -V}: Router Advertisement, M and O set, lifetime 1800, source link-layer 02:00:00:00:00:01,
     * prefix 2001:db8:1::/64 L (not A) 2592000/604800, RDNSS 2001:db8:1::53, DNSSL lab.test with padding, no
     * malformed field; the only warning is the zero checksum, which the kernel fills in on a raw ICMPv6 socket
     * (0x4144 from fe80::1 to ff02::1).
     */
    static final String GOLDEN = ""
            + "86" + "00" + "0000"                 // type 134 RA, code 0, checksum (the kernel's)
            + "40" + "c0" + "0708"                 // cur hop limit 64, M|O, router lifetime 1800 s
            + "00000000" + "00000000"              // reachable time, retrans timer: unspecified
            + "01" + "01" + "020000000001"         // source link-layer address, 1 x 8 bytes
            + "03" + "04" + "40" + "80"            // prefix information, 4 x 8 bytes, /64, L (no A)
            + "00278d00" + "00093a80" + "00000000" // valid 2592000 s, preferred 604800 s, reserved
            + "20010db8000100000000000000000000"   // 2001:db8:1::
            + "19" + "03" + "0000" + "00000708"    // RDNSS, 3 x 8 bytes, reserved, lifetime 1800 s
            + "20010db8000100000000000000000053"   // 2001:db8:1::53
            + "1f" + "03" + "0000" + "00000708"    // DNSSL, 3 x 8 bytes, reserved, lifetime 1800 s
            + "036c6162" + "0474657374" + "00"     // lab.test
            + "000000000000";                      // padding to 8 bytes

    static RouterAdvertisement managed() {
        return new RouterAdvertisement(64, true, true, 1800, 0, 0, Hex.parse("020000000001"), 0,
                List.of(new PrefixInformation(Ipv6.parse("2001:db8:1::"), 64, true, false, 2592000, 604800)),
                new Rdnss(1800, List.of(Ipv6.parse("2001:db8:1::53"))), new Dnssl(1800, List.of("lab.test")),
                List.of());
    }

    @Test
    void encodesTheGoldenVector() {
        assertThat(Hex.of(managed().encode())).isEqualTo(GOLDEN);
    }

    @Test
    void decodesTheGoldenVectorField() {
        RouterAdvertisement ra = RouterAdvertisement.decode(Hex.parse(GOLDEN));
        assertThat(ra).isEqualTo(managed());
        assertThat(ra.managed()).isTrue();
        assertThat(ra.otherConfig()).isTrue();
        assertThat(ra.routerLifetime()).isEqualTo(1800);
        assertThat(ra.prefixes()).singleElement().satisfies(p -> {
            assertThat(p.onLink()).isTrue();
            assertThat(p.autonomous()).isFalse();
            assertThat(Ipv6.format(p.prefix())).isEqualTo("2001:db8:1::");
        });
        assertThat(ra.rdnss().servers()).extracting(Ipv6::format).containsExactly("2001:db8:1::53");
        assertThat(ra.dnssl().domains()).containsExactly("lab.test");
        assertThat(Hex.of(ra.sourceLinkLayer())).isEqualTo("020000000001");
    }

    @Test
    void unknownOptionsRoundTripByteForByte() {
        String withRouteInfo = GOLDEN + "18" + "02" + "30" + "08" + "00000708" + "20010db802000000";
        RouterAdvertisement ra = RouterAdvertisement.decode(Hex.parse(withRouteInfo));
        assertThat(ra.otherOptions()).hasSize(1);
        assertThat(Hex.of(ra.encode())).isEqualTo(withRouteInfo);
    }

    @Test
    void rejectsWithReasonAndOffset() {
        assertDecodeError(GOLDEN.substring(0, 24), "shorter than 16", 0);
        assertDecodeError("87" + GOLDEN.substring(2), "not a router advertisement", 0);
        assertDecodeError(GOLDEN.substring(0, 2) + "01" + GOLDEN.substring(4), "code 1 is not 0", 1);
        assertDecodeError(GOLDEN.substring(0, 32) + "0100", "length 0", 17);
        assertDecodeError(GOLDEN.substring(0, 32) + "0102020000000001", "runs past the end", 17);
        // prefix option of 3 units instead of 4
        assertDecodeError(GOLDEN.substring(0, 48) + "0303" + GOLDEN.substring(52, 52 + 44), "is not 4", 25);
        // preferred lifetime over valid
        String swapped = GOLDEN.substring(0, 52) + "00093a80" + "00278d00" + GOLDEN.substring(68);
        assertDecodeError(swapped, "over the valid lifetime", 32);
        // RDNSS of even length
        String rdnssAt = GOLDEN.substring(0, 112);
        assertDecodeError(rdnssAt + "1902000000000708" + "20010db8000100000000000000000053",
                "not 1 + 2 x addresses", 57);
        // DNSSL padding not zero
        assertDecodeError(GOLDEN.substring(0, GOLDEN.length() - 2) + "01", "padding", 103);
    }

    /** Fuzzing finding: the host bits of a prefix are reserved and ignored by the receiver (RFC 4861 4.6.2). */
    @Test
    void ignoresThePrefixHostBits() {
        String hostBits = GOLDEN.substring(0, 80) + "20010db80001000000000000ff000001" + GOLDEN.substring(112);
        RouterAdvertisement ra = RouterAdvertisement.decode(Hex.parse(hostBits));
        assertThat(Ipv6.format(ra.prefixes().get(0).prefix())).isEqualTo("2001:db8:1::");
        assertThat(ra).isEqualTo(managed());
    }

    /**
     * Fuzzing finding: a DNSSL label with a dot inside or a byte that is not printable ASCII decoded to a domain that
     * the encoder refused or wrote as two labels; it is malformed now, at the label's offset.
     */
    @Test
    void rejectsADnsslLabelThatIsNotText() {
        String label = "0474657374"; // "test" of lab.test, at byte 92
        assertThat(GOLDEN.indexOf(label)).isEqualTo(2 * 92);
        assertDecodeError(GOLDEN.replace(label, "04742e7374"), "label 't.st' is not printable ASCII", 92);
        assertDecodeError(GOLDEN.replace(label, "0474658374"), "is not printable ASCII", 92);
        assertDecodeError(GOLDEN.replace(label, "0474652074"), "is not printable ASCII", 92);
    }

    @Test
    void checksASolicitation() {
        assertThat(Hex.of(RouterAdvertisement.checkSolicitation(Hex.parse("8500000000000000010102000000aa01"),
                false))).isEqualTo("02000000aa01");
        assertThat(RouterAdvertisement.checkSolicitation(Hex.parse("8500000000000000"), true)).isNull();
        assertThatThrownBy(() -> RouterAdvertisement.checkSolicitation(
                Hex.parse("8500000000000000010102000000aa01"), true))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("unspecified");
        assertThatThrownBy(() -> RouterAdvertisement.checkSolicitation(Hex.parse("85000000000000000100"), false))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("length 0");
    }

    @Test
    void configFollowsRfc4861Limits() {
        assertThatThrownBy(() -> config(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1800)))
                .hasMessageContaining("MaxRtrAdvInterval");
        assertThatThrownBy(() -> config(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1800)))
                .hasMessageContaining("MinRtrAdvInterval");
        assertThatThrownBy(() -> config(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessageContaining("AdvDefaultLifetime");
        assertThat(config(Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ZERO).message(null)
                .routerLifetime()).isZero();
    }

    private static RaConfig config(Duration min, Duration max, Duration lifetime) {
        return new RaConfig(true, false, List.of(), List.of(), List.of(), Duration.ofSeconds(60), lifetime, min, max,
                64);
    }

    private static void assertDecodeError(String hex, String reason, int offset) {
        assertThatThrownBy(() -> RouterAdvertisement.decode(Hex.parse(hex)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((WireFormatException) e).offset()).isEqualTo(offset));
    }
}
