package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Duid;
import java.time.Instant;

/**
 * One address (IA_NA) or delegated prefix (IA_PD) bound to a client's IA, keyed by DUID and IAID as RFC 8415 says.
 * Immutable; the table replaces a binding to change it. Times are milliseconds on the engine's clock, so that a
 * binding renewed on the packet path is one object.
 */
public record Binding6(Key key, Addr6 resource, int prefixLength, State state, long expiresMillis,
        long preferredMillis, Subnet6Config subnet) {

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

        /** The hash of the key of a DUID hashing to {@code duidHash} (as {@code Arrays.hashCode} of its bytes). */
        static int hash(int duidHash, long iaid, Kind kind) {
            return (31 * duidHash + Long.hashCode(iaid)) * 31 + kind.ordinal();
        }
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

    Binding6 with(State newState, long newExpires, long newPreferred, int newLength, Subnet6Config newSubnet) {
        return new Binding6(key, resource, newLength, newState, newExpires, newPreferred, newSubnet);
    }

    Binding6 with(State newState, long newExpires, long newPreferred) {
        return new Binding6(key, resource, prefixLength, newState, newExpires, newPreferred, subnet);
    }
}
