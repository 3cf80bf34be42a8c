package dev.dhcpembedded.internal.engine;


import dev.dhcpembedded.internal.wire.Ipv4;

/** An inclusive range of IPv4 addresses, as unsigned ints. */
public record AddressRange(int first, int last) {

    public AddressRange {
        if (Integer.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("pool " + Ipv4.toString(first) + "-" + Ipv4.toString(last)
                    + " ends before it starts; write the lower address first");
        }
    }

    /** The range from {@code first} to {@code last}, as {@link AddressText#range(String, String)} reads it. */
    public static AddressRange parse(String first, String last) {
        return AddressText.range(first, last);
    }

    public boolean contains(int address) {
        return Integer.compareUnsigned(address, first) >= 0 && Integer.compareUnsigned(address, last) <= 0;
    }

    public boolean overlaps(AddressRange other) {
        return Integer.compareUnsigned(first, other.last) <= 0 && Integer.compareUnsigned(other.first, last) <= 0;
    }

    public long size() {
        return (last & 0xFFFFFFFFL) - (first & 0xFFFFFFFFL) + 1;
    }

    @Override
    public String toString() {
        return Ipv4.toString(first) + "-" + Ipv4.toString(last);
    }
}
