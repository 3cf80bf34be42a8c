package dev.dhcpembedded.codec6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Identifiers that key the lease tables hash apart when they differ only in their last bytes, as a test bed's clients
 * do (perfdhcp's 10,000 DUID-LLTs, sequential MACs). With {@code Arrays.hashCode} ten thousand of them fell onto
 * about 1,500 values, so the engine's tables turned into long collision chains (tree bins) under load.
 */
class IdentifierHashTest {

    private static final int CLIENTS = 10_000;

    private static byte[] mac(int i) {
        return new byte[] {0x02, 0x00, 0x0c, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    @Test
    void sequentialDuidLltsHashApart() {
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < CLIENTS; i++) {
            hashes.add(Duid.llt(1, 0x2d1e6a40L, mac(i)).hashCode());
        }
        assertThat(hashes).as("distinct hashes of %d sequential DUID-LLTs", CLIENTS).hasSizeGreaterThan(CLIENTS - 5);
    }

    @Test
    void sequentialMacsHashApart() {
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < CLIENTS; i++) {
            hashes.add(MacAddress.of(mac(i)).hashCode());
        }
        assertThat(hashes).as("distinct hashes of %d sequential MACs", CLIENTS).hasSizeGreaterThan(CLIENTS - 5);
    }

    @Test
    void equalIdentifiersHashAlike() {
        assertThat(Duid.llt(1, 7, mac(42))).hasSameHashCodeAs(Duid.of(Duid.llt(1, 7, mac(42)).bytes()));
        assertThat(MacAddress.of(mac(42))).hasSameHashCodeAs(MacAddress.parse("02:00:0c:00:00:2a"));
    }
}
