package dev.dhcpembedded.internal.wire;

/**
 * The hash of a run of bytes, for the identifiers that key lease tables (DUIDs, hardware addresses): FNV-1a over
 * the bytes, then MurmurHash3's final mix. {@code Arrays.hashCode}'s base-31 polynomial maps identifiers that differ
 * only in their last two bytes (a test bed's sequential MACs, inside a DUID or not) onto about one value in seven, so
 * a table of ten thousand clients degrades into long collision chains; this one keeps them apart. One rule for the
 * value objects ({@code Duid}, {@code MacAddress}) and the in-place keys ({@code KeyProbe}, {@code ClientKey}).
 */
public final class ByteHash {

    private ByteHash() {
    }

    /** {@return the hash of {@code bytes[at, at + length)}} */
    public static int of(byte[] bytes, int at, int length) {
        int h = 0x811c9dc5;
        for (int i = at; i < at + length; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** {@return the hash of all of {@code bytes}} */
    public static int of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }
}
