package dev.dhcpembedded.internal.lease;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.codec.Hex;
import dev.dhcpembedded.codec.MacAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * How the server knows a client (RFC 2131 §4.2): by its client identifier (61) when it sends one, otherwise by
 * its hardware type and chaddr.
 */
public final class ClientKey {

    private final boolean byClientId;
    private final byte[] bytes;
    private final int hash;

    private ClientKey(boolean byClientId, byte[] bytes) {
        this.byClientId = byClientId;
        this.bytes = bytes;
        this.hash = mix(bytes) * 31 + (byClientId ? 1 : 0);
    }

    /** FNV-1a then a murmur3 finaliser: MACs that differ in their last bytes spread over the whole table. */
    private static int mix(byte[] bytes) {
        int h = 0x811c9dc5;
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    public static ClientKey ofMac(MacAddress mac) {
        return new ClientKey(false, mac.bytes());
    }

    public static ClientKey ofClientId(byte[] clientId) {
        return new ClientKey(true, clientId.clone());
    }

    public static ClientKey of(DhcpMessage message) {
        return message.clientIdentifier().map(ClientKey::ofClientId).orElseGet(() -> ofMac(message.clientMac()));
    }

    /** The client identifier in lowercase hex, or empty for a MAC key. */
    public Optional<String> clientIdentifierHex() {
        return byClientId ? Optional.of(Hex.of(bytes)) : Optional.empty();
    }

    public boolean byClientId() {
        return byClientId;
    }

    /** Whether this key (a MAC or a client id) names the client that sent {@code message}. */
    public boolean matches(DhcpMessage message) {
        if (byClientId) {
            return message.clientIdentifier().map(id -> Arrays.equals(id, bytes)).orElse(false);
        }
        return Arrays.equals(message.clientMac().bytes(), bytes);
    }

    /** Whether this is a MAC key for {@code mac}. */
    boolean isMac(MacAddress mac) {
        return !byClientId && Arrays.equals(mac.bytes(), bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientKey && ((ClientKey) other).byClientId == byClientId
                && Arrays.equals(((ClientKey) other).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return byClientId ? "client-id " + Hex.of(bytes) : MacAddress.of(bytes).toString();
    }
}
