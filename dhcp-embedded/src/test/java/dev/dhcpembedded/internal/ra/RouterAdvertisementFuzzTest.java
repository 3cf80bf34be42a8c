package dev.dhcpembedded.internal.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dhcpembedded.internal.wire.RouterAdvertisement;
import dev.dhcpembedded.internal.wire.WireFormatException;

/**
 * The Router Advertisement decoder's contract under arbitrary ICMPv6 bytes, as a raw socket or a capture delivers
 * them:
 * <ul>
 *   <li>{@link RouterAdvertisement#decode(byte[])} returns an RA or throws {@link WireFormatException} with an
 *       offset inside the input; nothing else;</li>
 *   <li>a decoded RA encodes, and its encoding decodes to an equal RA (decoding is idempotent: reserved bytes and
 *       option order may change, content may not);</li>
 *   <li>{@link RouterAdvertisement#checkSolicitation(byte[], boolean)} (the advertiser's check of an RS) returns or
 *       throws {@link WireFormatException};</li>
 *   <li>{@link RouterAdvertisement#info(byte[])}, the journal's one-line summary, never throws, calls an RA that
 *       decodes well formed and one that does not malformed.</li>
 * </ul>
 * Regression seeds: {@code RouterAdvertisementFuzzTestInputs/decode}. To fuzz: {@code fuzz/campaign.sh ra} (or
 * {@code JAZZER_FUZZ=1 mvn -pl dhcp-embedded test -Dtest=RouterAdvertisementFuzzTest}).
 */
class RouterAdvertisementFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void decode(byte[] input) {
        String info = RouterAdvertisement.info(input);
        assertNotNull(info);
        checkSolicitation(input, false);
        checkSolicitation(input, true);
        RouterAdvertisement ra;
        try {
            ra = RouterAdvertisement.decode(input);
        } catch (WireFormatException e) {
            assertOffsetInside(e, input);
            if (input.length > 0 && (input[0] & 0xFF) == RouterAdvertisement.TYPE_RA) {
                assertTrue(info.contains("[Malformed: "), "info names the error: " + info);
            }
            return;
        }
        assertFalse(info.contains("Malformed"), "info of an RA that decodes: " + info);
        assertNotNull(ra.toString());
        byte[] encoded = ra.encode();
        RouterAdvertisement again = RouterAdvertisement.decode(encoded);
        assertEquals(ra, again, "decode(encode(ra))");
        assertEquals(ra.prefixes(), again.prefixes(), "prefixes");
        assertEquals(ra.rdnss(), again.rdnss(), "RDNSS");
        assertEquals(ra.dnssl(), again.dnssl(), "DNSSL");
    }

    private static void checkSolicitation(byte[] input, boolean fromUnspecified) {
        try {
            RouterAdvertisement.checkSolicitation(input, fromUnspecified);
        } catch (WireFormatException e) {
            assertOffsetInside(e, input);
        }
    }

    private static void assertOffsetInside(WireFormatException e, byte[] input) {
        assertTrue(e.offset() >= 0 && e.offset() <= input.length,
                "offset " + e.offset() + " of a " + input.length + "-byte input: " + e.getMessage());
    }
}
