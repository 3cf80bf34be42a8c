package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.internal.wire.Ipv4;

/** An IPv4 network such as {@code 10.20.0.0/24}. */
public record Cidr(int network, int prefixLength) {

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..32");
        }
        if ((network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(Ipv4.toString(network) + "/" + prefixLength
                    + " has host bits set; write " + Ipv4.toString(network & mask(prefixLength)) + "/" + prefixLength);
        }
    }

    public static Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("subnet '" + text + "' needs a prefix length, e.g. 10.20.0.0/24");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("subnet '" + text + "' has no valid prefix length, e.g. /24");
        }
        return new Cidr(Ipv4.parseInt(text.substring(0, slash)), prefix);
    }

    static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public int mask() {
        return mask(prefixLength);
    }

    public int broadcast() {
        return network | ~mask();
    }

    public boolean contains(int address) {
        return (address & mask()) == network;
    }

    @Override
    public String toString() {
        return Ipv4.toString(network) + "/" + prefixLength;
    }
}
