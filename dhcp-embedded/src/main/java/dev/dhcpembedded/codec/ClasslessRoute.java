package dev.dhcpembedded.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import dev.dhcpembedded.internal.wire.Ipv4;

/**
 * One route of option 121 (RFC 3442): a destination prefix and the router that reaches it.
 *
 * <p><b>Host bits.</b> RFC 3442 §1 encodes only the significant octets of a destination (those the prefix length
 * covers), so host bits beyond the prefix cannot be carried on the wire. A destination written with host bits, e.g.
 * {@code 10.30.1.7/16}, is therefore accepted and masked to its prefix ({@code 10.30.0.0/16}), as other encoders and
 * the clients that install the route do; {@link #destination()} shows the masked form, and equal routes are equal
 * however they were written. Received bytes are read strictly: a route whose significant octets set bits beyond its
 * prefix length (e.g. {@code /17} with {@code 10.30.129}) is malformed and rejected with its offset.
 */
public final class ClasslessRoute {

    private final int destination;
    private final int prefixLength;
    private final int router;

    private ClasslessRoute(int destination, int prefixLength, int router) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..32");
        }
        this.destination = destination & mask(prefixLength); // host bits are not representable on the wire
        this.prefixLength = prefixLength;
        this.router = router;
    }

    /**
     * {@code route("10.30.0.0/16", "10.20.0.254")}; {@code 0.0.0.0/0} is the default route.
     *
     * @param destinationCidr the destination prefix in CIDR notation; host bits beyond the prefix length are
     *        masked off ({@code 10.30.1.7/16} is {@code 10.30.0.0/16}), since RFC 3442 cannot carry them
     * @param router the router's dotted IPv4 address
     * @return the route
     * @throws IllegalArgumentException if either is malformed or the prefix length is outside 0..32
     */
    public static ClasslessRoute route(String destinationCidr, String router) {
        int slash = destinationCidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + destinationCidr + "' needs a prefix length, e.g. 10.30.0.0/16");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(destinationCidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + destinationCidr + "' has no valid prefix length");
        }
        return new ClasslessRoute(Ipv4.parseInt(destinationCidr.substring(0, slash)), prefix, Ipv4.parseInt(router));
    }

    /** {@return the destination prefix in CIDR notation, e.g. {@code 10.30.0.0/16}} */
    public String destination() {
        return Ipv4.toString(destination) + "/" + prefixLength;
    }

    /** {@return the destination's prefix length, 0 to 32} */
    public int prefixLength() {
        return prefixLength;
    }

    /** {@return the router's address, dotted} */
    public String router() {
        return Ipv4.toString(router);
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    static List<ClasslessRoute> parse(byte[] value, int baseOffset) {
        List<ClasslessRoute> routes = new ArrayList<>();
        int i = 0;
        while (i < value.length) {
            int width = value[i] & 0xFF;
            if (width > 32) {
                throw new DhcpCodecException("option 121 route prefix length " + width + " is over 32", baseOffset + i);
            }
            int significant = (width + 7) / 8;
            if (i + 1 + significant + 4 > value.length) {
                throw new DhcpCodecException("option 121 route /" + width + " runs past the end of the option",
                        baseOffset + i);
            }
            int destination = 0;
            for (int k = 0; k < 4; k++) {
                destination = (destination << 8) | (k < significant ? value[i + 1 + k] & 0xFF : 0);
            }
            if ((destination & ~mask(width)) != 0) {
                throw new DhcpCodecException("option 121 route destination has bits set beyond its /" + width,
                        baseOffset + i + 1);
            }
            int router = Ipv4.readInt(value, i + 1 + significant);
            routes.add(new ClasslessRoute(destination, width, router));
            i += 1 + significant + 4;
        }
        return routes;
    }

    static byte[] encode(List<ClasslessRoute> routes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ClasslessRoute r : routes) {
            out.write(r.prefixLength);
            int significant = (r.prefixLength + 7) / 8;
            for (int k = 0; k < significant; k++) {
                out.write(r.destination >>> (24 - 8 * k));
            }
            for (int k = 0; k < 4; k++) {
                out.write(r.router >>> (24 - 8 * k));
            }
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ClasslessRoute)) {
            return false;
        }
        ClasslessRoute r = (ClasslessRoute) other;
        return r.destination == destination && r.prefixLength == prefixLength && r.router == router;
    }

    @Override
    public int hashCode() {
        return (destination * 31 + prefixLength) * 31 + router;
    }

    @Override
    public String toString() {
        return destination() + " via " + router();
    }
}
