package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.wire.ByteHash;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.WireRequest;
import dev.dhcpembedded.codec.MacAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * How the server knows a client (RFC 2131 §4.2): by its client identifier (61) when it sends one, otherwise by
 * its hardware type and chaddr.
 */
public final class ClientKey {

    // final but in the probe: the engine's one reusable key for look-ups (see probe()), never stored
    private boolean byClientId;
    private byte[] bytes;
    private int length;
    private int hash;
    private final boolean probe;

    private ClientKey(boolean byClientId, byte[] bytes) {
        this.byClientId = byClientId;
        this.bytes = bytes;
        this.length = bytes.length;
        this.hash = ByteHash.of(bytes, 0, length) * 31 + (byClientId ? 1 : 0);
        this.probe = false;
    }

    private ClientKey() {
        this.bytes = new byte[16];
        this.probe = true;
    }

    /**
     * A key to look clients up by without making one per request: {@link #set(WireRequest)} points it at a
     * request's client; the table stores {@link #stored()} copies only. One thread at a time (the engine's lock).
     */
    static ClientKey probe() {
        return new ClientKey();
    }

    /** This probe, now naming the client that sent {@code request} (61 when present, else htype's chaddr). */
    ClientKey set(WireRequest request) {
        int i = request.find(61);
        byte[] from;
        int offset;
        int count;
        if (i >= 0) {
            from = request.optionBufferAt(i);
            offset = request.optionOffsetAt(i);
            count = request.optionLengthAt(i);
        } else {
            from = request.bytes();
            offset = WireRequest.CHADDR_OFFSET;
            count = request.macLength();
        }
        if (bytes.length < count) {
            bytes = new byte[Math.max(count, bytes.length * 2)];
        }
        System.arraycopy(from, offset, bytes, 0, count);
        byClientId = i >= 0;
        length = count;
        hash = ByteHash.of(bytes, 0, count) * 31 + (byClientId ? 1 : 0);
        return this;
    }

    /** A key that may be stored: this one, or a copy of the probe. */
    ClientKey stored() {
        return probe ? new ClientKey(byClientId, Arrays.copyOf(bytes, length)) : this;
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
        return byClientId ? Optional.of(Hex.of(Arrays.copyOf(bytes, length))) : Optional.empty();
    }

    public boolean byClientId() {
        return byClientId;
    }

    /** Whether this key (a MAC or a client id) names the client that sent {@code request}. */
    public boolean matches(WireRequest request) {
        if (byClientId) {
            int i = request.find(61);
            return i >= 0 && Arrays.equals(request.optionBufferAt(i), request.optionOffsetAt(i),
                    request.optionOffsetAt(i) + request.optionLengthAt(i), bytes, 0, length);
        }
        return Arrays.equals(request.bytes(), WireRequest.CHADDR_OFFSET,
                WireRequest.CHADDR_OFFSET + request.macLength(), bytes, 0, length);
    }

    /** Whether this key (a MAC or a client id) names the client that sent {@code message}. */
    public boolean matches(DhcpMessage message) {
        if (byClientId) {
            return message.clientIdentifier().map(id -> Arrays.equals(id, 0, id.length, bytes, 0, length))
                    .orElse(false);
        }
        byte[] mac = message.clientMac().bytes();
        return Arrays.equals(mac, 0, mac.length, bytes, 0, length);
    }

    /** Whether this is a MAC key for {@code mac}. */
    boolean isMac(MacAddress mac) {
        byte[] other = mac.bytes();
        return !byClientId && Arrays.equals(other, 0, other.length, bytes, 0, length);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ClientKey)) {
            return false;
        }
        ClientKey key = (ClientKey) other;
        return key.byClientId == byClientId && key.hash == hash
                && Arrays.equals(key.bytes, 0, key.length, bytes, 0, length);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        byte[] exact = Arrays.copyOf(bytes, length);
        return byClientId ? "client-id " + Hex.of(exact) : MacAddress.of(exact).toString();
    }
}
