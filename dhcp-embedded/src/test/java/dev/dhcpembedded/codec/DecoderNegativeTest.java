package dev.dhcpembedded.codec;

import static dev.dhcpembedded.codec.GoldenVectors.COOKIE;
import static dev.dhcpembedded.codec.GoldenVectors.bytes;
import static dev.dhcpembedded.codec.GoldenVectors.clientHeader;
import static dev.dhcpembedded.codec.GoldenVectors.padded;
import static dev.dhcpembedded.codec.GoldenVectors.zeros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Strict decoding: each malformation is one {@link DhcpCodecException} with its reason and byte offset. */
class DecoderNegativeTest {

    /** A DISCOVER header and cookie; options start at byte 240. */
    private static final String HEAD = clientHeader("0000") + COOKIE;

    private static DhcpCodecException rejected(byte[] packet) {
        DhcpCodecException e = catchThrowableOfType(DhcpCodecException.class, () -> DhcpDecoder.decode(packet));
        assertThat(e).as("decoding must fail").isNotNull();
        return e;
    }

    private static void assertRejected(byte[] packet, String reason, int offset) {
        DhcpCodecException e = rejected(packet);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.getMessage()).isEqualTo(reason + " (at byte offset " + offset + ")");
    }

    @Test
    void badMagicCookie() {
        byte[] p = GoldenVectors.DISCOVER.clone();
        Arrays.fill(p, 236, 240, (byte) 0);
        assertRejected(p, "magic cookie 0x00000000 is not 0x63825363", 236);
    }

    @Test
    void lengthPastTheEnd() {
        // 53 DISCOVER, then 12 claiming 32 bytes with only 2 left in the packet.
        assertRejected(bytes(HEAD, "350101", "0c20", "6162"), "option 12 length 32 runs past end of options", 244);
    }

    @Test
    void missingEnd() {
        assertRejected(bytes(HEAD, "350101", zeros(57)), "options end without END (255)", 300);
    }

    @Test
    void hlenOver16() {
        byte[] p = GoldenVectors.DISCOVER.clone();
        p[2] = 17;
        assertRejected(p, "hlen 17 is over 16", 2);
    }

    @Test
    void domainSearchPointerLoop() {
        // 119: "a" at 0, then "b" + a pointer to 3, the start of its own name: a loop.
        assertRejected(padded(HEAD, "350101", "7707", "016100", "0162c003", "ff"),
                "option 119 compression pointer to 3 does not point backwards (a loop or a forward pointer)",
                245 + 5);
    }

    @Test
    void domainSearchForwardPointer() {
        // 119: "abc" then a pointer to 6, past itself.
        assertRejected(padded(HEAD, "350101", "7707", "03616263", "c006", "00", "ff"),
                "option 119 compression pointer to 6 does not point backwards (a loop or a forward pointer)",
                245 + 4);
    }

    @Test
    void fqdnLabelOver63() {
        // 81 with the E flag, whose first label claims 64 bytes.
        assertRejected(padded(HEAD, "350101", "5144", "040000", "40", "61".repeat(64), "ff"),
                "option 81 label length 64 is over 63", 245 + 3);
    }

    @Test
    void fqdnAsciiNameWithControlBytes() {
        // 81 without the E flag (ASCII form): "a", NUL, LF, "b" must not pass as a name.
        assertRejected(padded(HEAD, "350101", "5107", "000000", "61000a62", "ff"),
                "option 81 name has control byte 0x0", 245 + 4);
    }

    @Test
    void maximumMessageSizeBelow576() {
        assertRejected(padded(HEAD, "350101", "3902", "01ff", "ff"),
                "option 57 maximum message size 511 is below 576", 245);
    }

    @Test
    void emptyHostname() {
        assertRejected(padded(HEAD, "350101", "0c00", "ff"), "option 12 length 0 is below 1", 244);
    }

    @Test
    void classlessRoutePrefixOver32() {
        assertRejected(padded(HEAD, "350101", "7909", "21", "0a000000", "0a000001", "ff"),
                "option 121 route prefix length 33 is over 32", 245);
    }

    @Test
    void overloadPointingAtAnEmptyFileField() {
        // 52 says the file field holds options, but it is all zeros: PADs and no END.
        assertRejected(padded(HEAD, "340101", "350101", "ff"), "file field end without END (255)", 236);
    }

    @Test
    void packetOf239Bytes() {
        assertRejected(Arrays.copyOf(GoldenVectors.DISCOVER, 239),
                "packet of 239 bytes is shorter than the 236-byte header and the magic cookie", 239);
    }

    @Test
    void shortButValidPacketIsAccepted() {
        // Real clients send 272-byte DISCOVERs: under the BOOTP minimum of 300, and fine.
        assertThat(DhcpDecoder.decode(bytes(HEAD, "350101", "ff")).is(MessageType.DISCOVER)).isTrue();
    }
}
