package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Duid;
import java.time.Instant;

/**
 * One address (IA_NA) or delegated prefix (IA_PD) bound to a client's IA, keyed by DUID and IAID as RFC 8415 says.
 * Immutable; the table replaces a binding to change it.
 */
public record Binding6(Key key, Addr6 resource, int prefixLength, State state, Instant expires,
        Instant preferredUntil, Subnet6Config subnet) {

    /** The kind of IA. */
    public enum Kind { NA, PD }

    /** A binding's state. */
    public enum State { ADVERTISED, BOUND, RELEASED, DECLINED, EXPIRED }

    /** A client's IA: DUID, IAID and kind. */
    public record Key(Duid duid, long iaid, Kind kind) {
    }

    /** Whether the resource is still taken at {@code now} (by this binding's client). */
    boolean holds(Instant now) {
        return switch (state) {
            case ADVERTISED, BOUND, DECLINED -> now.isBefore(expires);
            case RELEASED, EXPIRED -> false;
        };
    }

    /** The state as seen at {@code now}: a bound or advertised binding past its time reads as EXPIRED. */
    public State stateAt(Instant now) {
        return (state == State.BOUND || state == State.ADVERTISED) && !now.isBefore(expires) ? State.EXPIRED : state;
    }

    Binding6 with(State newState, Instant newExpires, Instant newPreferred) {
        return new Binding6(key, resource, prefixLength, newState, newExpires, newPreferred, subnet);
    }
}
