package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Duid;
import java.time.Instant;
import java.util.Objects;

/**
 * One address (IA_NA) or delegated prefix (IA_PD) bound to a client's IA, keyed by DUID and IAID as RFC 8415 says.
 * Its engine renews it where it stands when the client keeps its resource (the packet path's steady state makes no
 * object) and replaces it otherwise; what leaves the engine is a copy ({@link Lease6Engine#bindings()}), which no one
 * changes. Times are milliseconds on the engine's clock.
 */
public final class Binding6 {

    /** The kind of IA. */
    public enum Kind { NA, PD }

    /** A binding's state. */
    public enum State { ADVERTISED, BOUND, RELEASED, DECLINED, EXPIRED }

    /** A client's IA: DUID, IAID and kind. Its hash is {@link #hash}, which a key read in place computes too. */
    public record Key(Duid duid, long iaid, Kind kind) {
        @Override
        public int hashCode() {
            return hash(duid.hashCode(), iaid, kind);
        }

        /** The hash of the key of a DUID hashing to {@code duidHash} (its {@code hashCode}, the bytes' {@link dev.dhcpembedded.internal.wire.ByteHash}). */
        static int hash(int duidHash, long iaid, Kind kind) {
            return (31 * duidHash + Long.hashCode(iaid)) * 31 + kind.ordinal();
        }
    }

    private final Key key;
    private final Addr6 resource;
    private int prefixLength;
    private State state;
    private long expiresMillis;
    private long preferredMillis;
    private Subnet6Config subnet;
    /** Where the REPLY that last bound or renewed it went (its request's source), or null: not known. */
    private java.net.InetSocketAddress peer;

    public Binding6(Key key, Addr6 resource, int prefixLength, State state, long expiresMillis, long preferredMillis,
            Subnet6Config subnet) {
        this.key = key;
        this.resource = resource;
        this.prefixLength = prefixLength;
        this.state = state;
        this.expiresMillis = expiresMillis;
        this.preferredMillis = preferredMillis;
        this.subnet = subnet;
    }

    public Key key() {
        return key;
    }

    public Addr6 resource() {
        return resource;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public State state() {
        return state;
    }

    public long expiresMillis() {
        return expiresMillis;
    }

    public long preferredMillis() {
        return preferredMillis;
    }

    public Subnet6Config subnet() {
        return subnet;
    }

    /** {@return the socket the REPLY that last bound or renewed it went to, or null when not known} */
    public java.net.InetSocketAddress peer() {
        return peer;
    }

    /** Notes where the REPLY binding or renewing it went; the binding's own object while the client's is the same. */
    void peer(java.net.InetSocketAddress to) {
        if (to == null || !to.equals(peer)) {
            peer = to;
        }
    }

    /** Whether it is on link {@code link}: the same link object, or an equal one. */
    boolean isOn(Subnet6Config link) {
        return subnet == link || subnet.equals(link);
    }

    /** Until when the resource is held (valid lifetime, offer hold or probation). */
    public Instant expires() {
        return Instant.ofEpochMilli(expiresMillis);
    }

    /** Until when the resource is preferred. */
    public Instant preferredUntil() {
        return Instant.ofEpochMilli(preferredMillis);
    }

    /** Whether the resource is still taken at {@code now} (by this binding's client). */
    boolean holds(long now) {
        return switch (state) {
            case ADVERTISED, BOUND, DECLINED -> now < expiresMillis;
            case RELEASED, EXPIRED -> false;
        };
    }

    /** The state as seen at {@code now}: a bound or advertised binding past its time reads as EXPIRED. */
    public State stateAt(Instant now) {
        return (state == State.BOUND || state == State.ADVERTISED) && now.toEpochMilli() >= expiresMillis
                ? State.EXPIRED : state;
    }

    /** Renewed where it stands (its engine's tables hold it): the same key and resource, the rest new. */
    void renew(State newState, long newExpires, long newPreferred, int newLength, Subnet6Config newSubnet) {
        state = newState;
        expiresMillis = newExpires;
        preferredMillis = newPreferred;
        prefixLength = newLength;
        subnet = newSubnet;
    }

    Binding6 with(State newState, long newExpires, long newPreferred) {
        Binding6 b = new Binding6(key, resource, prefixLength, newState, newExpires, newPreferred, subnet);
        b.peer = peer;
        return b;
    }

    /** A copy for a snapshot: what the engine changes later does not show in it. */
    Binding6 copy() {
        return with(state, expiresMillis, preferredMillis);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Binding6 b && b.key.equals(key) && b.resource.equals(resource)
                && b.prefixLength == prefixLength && b.state == state && b.expiresMillis == expiresMillis
                && b.preferredMillis == preferredMillis && b.subnet.equals(subnet);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, resource, prefixLength, state, expiresMillis, preferredMillis, subnet);
    }

    @Override
    public String toString() {
        return "Binding6[" + key + " " + resource + "/" + prefixLength + " " + state + " until " + expires() + "]";
    }
}
