package dev.dhcpembedded.lease;

/** Where an address stands in the lease table. */
public enum LeaseState {
    /** Offered and held for the client until the offer hold time passes. */
    OFFERED,
    /** Bound to the client until it expires. */
    BOUND,
    /** Released by the client; remembered so the client gets it back. */
    RELEASED,
    /** Expired; remembered so the client gets it back if still free. */
    EXPIRED,
    /** Declined by a client (in use elsewhere); set aside until the probation ends. */
    DECLINED
}
