package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.ByteHash;
import java.util.Arrays;

/**
 * A client's IA as a message read in place names it (the DUID where it lies, the IAID, the kind), to look its
 * binding up without making a {@link Binding6.Key}: it hashes as the key of the same DUID, IAID and kind, and equals
 * it. Reused by its engine, under its lock.
 */
final class KeyProbe {

    private byte[] p;
    private int at;
    private int length;
    private int duidHash;
    private long iaid;
    private Binding6.Kind kind;

    /** Now the IA {@code iaid} of {@code kind} of the client whose DUID is {@code p[at, at + length)}. */
    KeyProbe of(byte[] p, int at, int length, long iaid, Binding6.Kind kind) {
        this.p = p;
        this.at = at;
        this.length = length;
        this.iaid = iaid;
        this.kind = kind;
        duidHash = ByteHash.of(p, at, length); // as Duid.hashCode()
        return this;
    }

    /** The key itself, for a client seen for the first time. */
    Binding6.Key toKey() {
        return new Binding6.Key(Duid.of(Arrays.copyOfRange(p, at, at + length)), iaid, kind);
    }

    @Override
    public int hashCode() {
        return Binding6.Key.hash(duidHash, iaid, kind);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Binding6.Key k && k.iaid() == iaid && k.kind() == kind
                && k.duid().matches(p, at, length);
    }
}
