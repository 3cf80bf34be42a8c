package dev.dhcpembedded.internal.ra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the advertiser does with each Router Solicitation it hears: an invalid one (hop limit other than 255, an
 * option of length 0, a source link-layer option from ::) is dropped and journaled with its reason and offset, and
 * the valid one after it is still answered.
 */
class SolicitationHandlingTest {

    private static final Inet6Address CLIENT = Ipv6.parse("fe80::2");
    private static final Inet6Address ALL_ROUTERS = Ipv6.parse("ff02::2");
    /** RS: type 133, code 0, checksum (the kernel's), reserved; option 1 (source link-layer), 1 unit, a MAC. */
    private static final String VALID = "85000000" + "00000000" + "0101" + "020000000002";

    private record Recorded(boolean sent, String note, DhcpCodecException error) {
    }

    private final List<Recorded> journal = new ArrayList<>();
    private final RouterAdvertiser advertiser = new RouterAdvertiser("veth-test",
            new RaConfig(true, false, List.of(), List.of(), List.of(), Duration.ofSeconds(60),
                    Duration.ofSeconds(1800), Duration.ofSeconds(200), Duration.ofSeconds(600), 64),
            (sent, source, destination, bytes, note, error) -> journal.add(new Recorded(sent, note, error)));

    private void hear(String hex, Inet6Address source, int hopLimit) {
        advertiser.onSolicitation(new Icmp6RawSocket.Received(Hex.parse(hex), source, ALL_ROUTERS, hopLimit));
    }

    @Test
    void aSolicitationWithAHopLimitBelow255IsDroppedAndTheNextValidOneAnswered() {
        hear(VALID, CLIENT, 64);
        hear(VALID, CLIENT, 255);

        assertThat(advertiser.dropped()).isEqualTo(1);
        assertThat(advertiser.solicitations()).isEqualTo(1);
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).note()).startsWith("dropped: ").contains("hop limit 64 is not 255");
        assertThat(journal.get(0).error()).isNotNull();
        assertThat(journal.get(1).error()).isNull();
        assertThat(journal.get(1).note()).contains("answered in").contains("to fe80::2");
    }

    @Test
    void anOptionOfLengthZeroIsDroppedWithItsOffset() {
        hear("85000000" + "00000000" + "0100" + "000000000000", CLIENT, 255);
        hear(VALID, CLIENT, 255);

        assertThat(journal.get(0).error()).isNotNull()
                .satisfies(e -> assertThat(e.offset()).isEqualTo(9))
                .hasMessageContaining("has length 0");
        assertThat(advertiser.solicitations()).isEqualTo(1);
    }

    @Test
    void aSourceLinkLayerOptionFromTheUnspecifiedAddressIsDropped() {
        hear(VALID, Ipv6.parse("::"), 255);
        hear("85000000" + "00000000", Ipv6.parse("::"), 255);

        assertThat(journal.get(0).error()).hasMessageContaining("source link-layer option from the unspecified");
        assertThat(journal.get(1).note()).contains("to ff02::1"); // answered to all-nodes
        assertThat(advertiser.dropped()).isEqualTo(1);
        assertThat(advertiser.solicitations()).isEqualTo(1);
    }
}
