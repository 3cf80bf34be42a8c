package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;

/**
 * A 128-bit IPv6 address (or prefix network) as two longs, high and low, compared unsigned: the one number the v6
 * engine does its arithmetic on (pools, prefixes, scans), without a big integer per step.
 */
public record Addr6(long hi, long lo) implements Comparable<Addr6> {

    public static final Addr6 ZERO = new Addr6(0, 0);

    /** The address of {@code bytes[at, at + 16)}. */
    public static Addr6 read(byte[] bytes, int at) {
        return new Addr6(u64(bytes, at), u64(bytes, at + 8));
    }

    public static Addr6 of(Inet6Address address) {
        return read(address.getAddress(), 0);
    }

    private static long u64(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    /** Writes the 16 bytes at {@code out[at]}. */
    public void write(byte[] out, int at) {
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) (hi >>> (56 - 8 * i));
            out[at + 8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
    }

    public Inet6Address toInet6Address() {
        byte[] bytes = new byte[16];
        write(bytes, 0);
        return Ipv6.read(bytes, 0);
    }

    /** The ones in the last {@code 128 - length} bits: the host part of a prefix of {@code length}. */
    public static Addr6 hostMask(int length) {
        int bits = 128 - length;
        if (bits >= 128) {
            return new Addr6(-1L, -1L);
        }
        if (bits >= 64) {
            return new Addr6(bits == 64 ? 0 : -1L >>> (128 - bits), -1L);
        }
        return new Addr6(0, bits == 0 ? 0 : -1L >>> (64 - bits));
    }

    public Addr6 and(Addr6 mask) {
        return new Addr6(hi & mask.hi, lo & mask.lo);
    }

    public Addr6 andNot(Addr6 mask) {
        return new Addr6(hi & ~mask.hi, lo & ~mask.lo);
    }

    /** Whether no bit after the first {@code length} is set: a network of a prefix of {@code length} (nothing made). */
    public boolean hasNoHostBits(int length) {
        long hiHost = length >= 64 ? 0 : length == 0 ? -1L : -1L >>> length;
        long loHost = length >= 128 ? 0 : length <= 64 ? -1L : -1L >>> (length - 64);
        return (hi & hiHost) == 0 && (lo & loHost) == 0;
    }

    public boolean isZero() {
        return hi == 0 && lo == 0;
    }

    /** This plus {@code n} (unsigned), wrapping at 2^128. */
    public Addr6 plus(long n) {
        long low = lo + n;
        return new Addr6(Long.compareUnsigned(low, lo) < 0 ? hi + 1 : hi, low);
    }

    /** This plus {@code index * 2^shift} ({@code index} unsigned, {@code shift} 0..127), wrapping at 2^128. */
    public Addr6 plusShifted(long index, int shift) {
        long addHi;
        long addLo;
        if (shift == 0) {
            addHi = 0;
            addLo = index;
        } else if (shift < 64) {
            addHi = index >>> (64 - shift);
            addLo = index << shift;
        } else {
            addHi = index << (shift - 64);
            addLo = 0;
        }
        long low = lo + addLo;
        return new Addr6(hi + addHi + (Long.compareUnsigned(low, lo) < 0 ? 1 : 0), low);
    }

    /** {@code this - from} when {@code this >= from}, capped at {@link Long#MAX_VALUE}. */
    public long distanceFrom(Addr6 from) {
        long low = lo - from.lo;
        long high = hi - from.hi - (Long.compareUnsigned(lo, from.lo) < 0 ? 1 : 0);
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    @Override
    public int compareTo(Addr6 other) {
        int c = Long.compareUnsigned(hi, other.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, other.lo);
    }

    @Override
    public String toString() {
        return Ipv6.format(toInet6Address());
    }
}
