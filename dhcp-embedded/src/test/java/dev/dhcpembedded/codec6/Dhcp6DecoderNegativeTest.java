package dev.dhcpembedded.codec6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Hex;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Strict decoding: each malformed input is refused with a reason and the offset of the byte at fault. */
class Dhcp6DecoderNegativeTest {

    private static DhcpCodecException refused(String hex) {
        return refused(Hex.parse(hex));
    }

    private static DhcpCodecException refused(byte[] packet) {
        DhcpCodecException e = catchThrowableOfType(() -> Dhcp6Codec.decode(packet), DhcpCodecException.class);
        assertThat(e).as("decoding %s must fail", Hex.of(packet)).isNotNull();
        return e;
    }

    private static final String DUID = "0001000e000100011c39cf88080027fe8f95"; // option 1, DUID-LLT

    @Test
    void truncatedHeaders() {
        assertThat(refused("").reason()).contains("empty");
        assertThat(refused("0110").reason()).contains("4-byte header");
        assertThat(refused("0c00" + "00".repeat(20)).reason()).contains("34-byte relay header");
        assertThat(refused("00000000").reason()).contains("msg-type 0");
    }

    @Test
    void anOptionLengthThatLies() {
        DhcpCodecException e = refused("01100874" + DUID + "0008" + "0010" + "0000");
        assertThat(e.reason()).contains("option 8 length 16 runs past the end");
        assertThat(e.offset()).isEqualTo(4 + 18 + 2); // the length field of option 8
        DhcpCodecException header = refused("01100874" + "000100");
        assertThat(header.reason()).contains("too few for an option header");
        assertThat(header.offset()).isEqualTo(4);
    }

    @Test
    void lengthsThatLieInsideAnIa() {
        // IA_NA of 28 bytes whose IAADDR claims 40
        DhcpCodecException e = refused("01000001" + "0003001c" + "000000010000000000000000"
                + "00050028" + "20010db8000000000000000000000001");
        assertThat(e.reason()).contains("IA_NA").contains("option 5 length 40 runs past the end");
        assertThat(e.offset()).isEqualTo(4 + 4 + 12 + 2);
        DhcpCodecException shortIa = refused("01000001" + "00030008" + "0000000100000000");
        assertThat(shortIa.reason()).contains("length 8 is under 12");
        assertThat(shortIa.offset()).isEqualTo(6);
    }

    @Test
    void duidsOfLengthZeroAndOver128() {
        DhcpCodecException empty = refused("01000001" + "00010000");
        assertThat(empty.reason()).isEqualTo("DUID of length 0");
        assertThat(empty.offset()).isEqualTo(8);
        DhcpCodecException big = refused("01000001" + "00010083" + "0002" + "00000009" + "ab".repeat(125));
        assertThat(big.reason()).isEqualTo("DUID identifier of 129 bytes is over 128");
        assertThat(Dhcp6Codec.decode(Hex.parse("01000001" + "00010082" + "0002" + "00000009" + "ab".repeat(124)))
                .clientId().orElseThrow().length()).isEqualTo(130); // 128 bytes after the type: accepted
        assertThat(refused("01000001" + "00020004" + "00040102").reason()).contains("DUID-UUID of 4 bytes");
        assertThat(refused("01000001" + "00010005" + "0001000102").reason()).contains("DUID type 1 of 5 bytes");
    }

    @Test
    void relayNestingBeyond32Layers() {
        byte[] client = Hex.parse("01123456" + DUID);
        assertThat(Dhcp6Codec.decode(nest(client, 32)).innermost().transactionId()).isEqualTo(0x123456);
        DhcpCodecException e = refused(nest(client, 33));
        assertThat(e.reason()).contains("33 relay layers deep");
        assertThat(e.offset()).isEqualTo(32 * (34 + 4)); // the 33rd RELAY-FORW header
    }

    @Test
    void aRecursiveRelayEndsAtTheLimitOrAtItsOwnEnd() {
        // a relay message whose option 9 claims to hold the relay message itself
        byte[] relay = Hex.parse("0c00" + "00".repeat(32) + "00090022" + "0c00" + "00".repeat(32));
        DhcpCodecException e = refused(relay);
        assertThat(e.reason()).contains("RELAY-FORW has no relay message option (9)");
    }

    @Test
    void relayStructure() {
        String header = "0c00" + "00".repeat(32);
        assertThat(refused(header).reason()).contains("no relay message option");
        String inner = "01123456";
        assertThat(refused(header + "00090004" + inner + "00090004" + inner).reason())
                .contains("second relay message");
        DhcpCodecException badInner = refused(header + "00090006" + inner + "0001");
        assertThat(badInner.reason()).contains("too few for an option header");
        assertThat(badInner.offset()).isEqualTo(34 + 4 + 4); // inside the inner message, from the outer start
    }

    @Test
    void typedOptionsWithTheWrongShape() {
        assertThat(refused("01000001" + "00060003" + "001700").reason()).contains("ORO").contains("odd");
        assertThat(refused("01000001" + "00070002" + "ffff").reason()).contains("PREFERENCE").contains("not 1");
        assertThat(refused("01000001" + "00080001" + "00").reason()).contains("ELAPSED_TIME");
        assertThat(refused("01000001" + "000e0001" + "00").reason()).contains("RAPID_COMMIT");
        assertThat(refused("01000001" + "0017000f" + "00".repeat(15)).reason()).contains("multiple of 16");
        assertThat(refused("01000001" + "00180004" + "036c6162").reason()).contains("root label");
        assertThat(refused("01000001" + "00180002" + "c00c").reason()).contains("not compressed");
        assertThat(refused("01000001" + "000d0001" + "00").reason()).contains("STATUS_CODE");
        assertThat(refused("01000001" + "00520002" + "0000").reason()).contains("SOL_MAX_RT");
        DhcpCodecException prefix = refused("01000001" + "00190029" + "000000010000000000000000"
                + "001a0019" + "0000000000000000" + "81" + "00".repeat(16));
        assertThat(prefix.reason()).contains("prefix length 129 is over 128");
        assertThat(prefix.offset()).isEqualTo(4 + 4 + 12 + 4 + 8);
    }

    @Test
    void unknownOptionsAndMessageTypesAreKept() {
        byte[] packet = Hex.parse("23000001" + "fffe0002abcd" + "00040004" + "00000001");
        Dhcp6Message m = Dhcp6Codec.decode(packet);
        assertThat(m.type()).isEmpty();
        assertThat(m.typeName()).isEqualTo("TYPE_35");
        assertThat(Dhcp6Codec.encode(m)).isEqualTo(packet);
    }

    /** {@code inner} wrapped in {@code layers} RELAY-FORW messages. */
    static byte[] nest(byte[] inner, int layers) {
        byte[] m = inner;
        for (int i = 0; i < layers; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x0c);
            out.write(layers - 1 - i);
            out.writeBytes(new byte[32]);
            out.write(0);
            out.write(9);
            out.write(m.length >>> 8);
            out.write(m.length);
            out.writeBytes(m);
            m = out.toByteArray();
        }
        return m;
    }
}
