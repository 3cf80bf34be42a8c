package dev.dhcpembedded.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The decoder's contract under arbitrary bytes: it returns a message that re-encodes and decodes back equal (option
 * 82 moved last, as the encoder places it), or it throws {@link DhcpCodecException}. Nothing else.
 *
 * <p>Under {@code mvn verify} this runs once per seed in {@code DecoderFuzzTestInputs/decode} (regression mode). To
 * fuzz for the {@code maxDuration} below: {@code JAZZER_FUZZ=1 mvn -pl dhcp-embedded test -Dtest=DecoderFuzzTest}
 * (a {@code -Djazzer.max_duration} on the Maven command line is not honoured; raise {@code maxDuration} to fuzz
 * longer). A crashing input lands in the inputs folder and becomes a regression seed.
 */
class DecoderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) {
        DhcpMessage message;
        try {
            message = DhcpDecoder.decode(input);
        } catch (DhcpCodecException expected) {
            return;
        }
        touchTypedViews(message);
        byte[] encoded = DhcpEncoder.encode(message);
        DhcpMessage back = DhcpDecoder.decode(encoded);
        assertEquals(Messages.relayAgentLast(message), back);
        assertEquals(back, DhcpDecoder.decode(DhcpEncoder.encode(back)));
    }

    /** Options are validated on decode, so their typed views must not throw either. */
    private static void touchTypedViews(DhcpMessage m) {
        m.messageType();
        m.clientMac();
        m.sname();
        m.file();
        m.requestedIpAddress();
        m.serverIdentifier();
        m.subnetMask();
        m.routers();
        m.domainNameServers();
        m.hostname();
        m.domainName();
        m.parameterRequestList();
        m.maximumMessageSize();
        m.leaseTime();
        m.renewalTime();
        m.rebindingTime();
        m.clientFqdn();
        m.relayAgentInformation();
        m.domainSearch();
        m.classlessStaticRoutes();
        m.toString();
    }
}
