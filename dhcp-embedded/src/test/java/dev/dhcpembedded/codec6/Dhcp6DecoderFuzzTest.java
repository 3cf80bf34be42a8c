package dev.dhcpembedded.codec6;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dhcpembedded.codec.DhcpCodecException;

/**
 * The v6 decoder's contract under arbitrary bytes: it returns a message that re-encodes to exactly the input bytes
 * and whose typed views do not throw, or it throws {@link DhcpCodecException}. Nothing else (no other exception, no
 * stack overflow on nested relays).
 *
 * <p>Under {@code mvn verify} this runs once per seed in {@code Dhcp6DecoderFuzzTestInputs/decode} (regression
 * mode). To fuzz: {@code JAZZER_FUZZ=1 mvn -pl dhcp-embedded test -Dtest=Dhcp6DecoderFuzzTest}; a crashing input
 * lands in the inputs folder and becomes a regression seed.
 */
class Dhcp6DecoderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) {
        Dhcp6Message message;
        try {
            message = Dhcp6Codec.decode(input);
        } catch (DhcpCodecException expected) {
            return;
        }
        touchTypedViews(message);
        assertArrayEquals(input, Dhcp6Codec.encode(message));
        assertEquals(message, Dhcp6Codec.decode(Dhcp6Codec.encode(message)));
    }

    /** Options are validated on decode, so their typed views must not throw either. */
    private static void touchTypedViews(Dhcp6Message m) {
        m.type();
        m.clientId().ifPresent(d -> {
            d.mac();
            d.time();
            d.uuid();
            d.enterpriseNumber();
        });
        m.serverId();
        m.iaNa().forEach(ia -> {
            ia.addresses().forEach(IaAddress::status);
            ia.status();
        });
        m.iaPd().forEach(ia -> {
            ia.prefixes().forEach(p -> {
                p.status();
                p.cidr();
            });
            ia.status();
        });
        m.oro();
        m.preference();
        m.elapsedTime();
        m.statusCode();
        m.dnsServers();
        m.domainList();
        m.sntpServers();
        m.ntpServers();
        m.fqdn();
        m.captivePortal();
        m.solMaxRt();
        m.interfaceId();
        m.remoteId();
        if (m.isRelay()) {
            touchTypedViews(m.relayMessage().orElseThrow());
        }
        m.innermost();
        m.toString();
    }
}
