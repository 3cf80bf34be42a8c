package dev.dhcpembedded.internal.wire;

import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Router Advertisement (RFC 4861 section 4.2) as the ICMPv6 message a raw socket sends and receives: no IPv6
 * header, and the checksum left at zero by {@link #encode()} (the kernel computes it for ICMPv6 raw sockets, RFC
 * 3542 section 3.1). Options: source link-layer address (1), prefix information (3), MTU (5), RDNSS (25) and DNSSL
 * (31) of RFC 8106; any other option is kept raw and round-trips byte for byte. {@link #decode(byte[])} is strict:
 * every error carries a reason and a byte offset.
 *
 * @param curHopLimit     the hop limit hosts should use, 0 = unspecified
 * @param managed         M: addresses come from DHCPv6
 * @param otherConfig     O: other configuration (DNS, ...) comes from DHCPv6
 * @param routerLifetime  seconds this router is a default router, 0 = not a default router
 * @param reachableTimeMs milliseconds, 0 = unspecified
 * @param retransTimerMs  milliseconds, 0 = unspecified
 * @param sourceLinkLayer the sender's link-layer address (option 1), or null
 * @param mtu             the link MTU (option 5), 0 = none
 * @param prefixes        prefix information options, in order
 * @param rdnss           recursive DNS servers (option 25), or null
 * @param dnssl           DNS search list (option 31), or null
 * @param otherOptions    any other option, type and length bytes included
 */
public record RouterAdvertisement(int curHopLimit, boolean managed, boolean otherConfig, int routerLifetime,
                                  long reachableTimeMs, long retransTimerMs, byte[] sourceLinkLayer, long mtu,
                                  List<PrefixInformation> prefixes, Rdnss rdnss, Dnssl dnssl,
                                  List<byte[]> otherOptions) {

    /** ICMPv6 type of a Router Solicitation. */
    public static final int TYPE_RS = 133;
    /** ICMPv6 type of a Router Advertisement. */
    public static final int TYPE_RA = 134;
    static final int OPTION_SOURCE_LINK_LAYER = 1;
    static final int OPTION_PREFIX = 3;
    static final int OPTION_MTU = 5;
    static final int OPTION_RDNSS = 25;
    static final int OPTION_DNSSL = 31;

    public RouterAdvertisement {
        check(curHopLimit, 0, 255, "cur hop limit");
        check(routerLifetime, 0, 65535, "router lifetime");
        check(reachableTimeMs, 0, 0xFFFFFFFFL, "reachable time");
        check(retransTimerMs, 0, 0xFFFFFFFFL, "retrans timer");
        check(mtu, 0, 0xFFFFFFFFL, "MTU");
        sourceLinkLayer = sourceLinkLayer == null ? null : sourceLinkLayer.clone();
        prefixes = List.copyOf(prefixes);
        otherOptions = otherOptions.stream().map(byte[]::clone).toList();
    }

    /** A prefix information option (RFC 4861 section 4.6.2); lifetimes in seconds, 0xffffffff = infinity. */
    public record PrefixInformation(Inet6Address prefix, int length, boolean onLink, boolean autonomous,
                                    long validLifetime, long preferredLifetime) {
        public PrefixInformation {
            Objects.requireNonNull(prefix, "prefix");
            check(length, 0, 128, "prefix length");
            check(validLifetime, 0, 0xFFFFFFFFL, "valid lifetime");
            check(preferredLifetime, 0, 0xFFFFFFFFL, "preferred lifetime");
            if (preferredLifetime > validLifetime) {
                throw new IllegalArgumentException("preferred lifetime " + preferredLifetime
                        + " s is over the valid lifetime " + validLifetime + " s (RFC 4862 5.5.3 c: ignored)");
            }
        }

        @Override
        public String toString() {
            return Ipv6.format(prefix) + "/" + length + (onLink ? " L" : "") + (autonomous ? " A" : "")
                    + " valid " + validLifetime + " preferred " + preferredLifetime;
        }
    }

    /** Recursive DNS servers (RFC 8106 section 5.1); lifetime in seconds. */
    public record Rdnss(long lifetime, List<Inet6Address> servers) {
        public Rdnss {
            check(lifetime, 0, 0xFFFFFFFFL, "RDNSS lifetime");
            servers = List.copyOf(servers);
            if (servers.isEmpty() || servers.size() > 127) {
                throw new IllegalArgumentException("RDNSS carries 1 to 127 addresses, not " + servers.size());
            }
        }
    }

    /** DNS search list (RFC 8106 section 5.2); lifetime in seconds. */
    public record Dnssl(long lifetime, List<String> domains) {
        public Dnssl {
            check(lifetime, 0, 0xFFFFFFFFL, "DNSSL lifetime");
            domains = List.copyOf(domains);
            if (domains.isEmpty()) {
                throw new IllegalArgumentException("DNSSL carries at least one domain");
            }
        }
    }

    private static void check(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + ".." + max);
        }
    }

    @Override
    public byte[] sourceLinkLayer() {
        return sourceLinkLayer == null ? null : sourceLinkLayer.clone();
    }

    /** The ICMPv6 message, checksum zero (the kernel fills it in). */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(TYPE_RA);
        out.write(0); // code
        write16(out, 0); // checksum: the kernel's
        out.write(curHopLimit);
        out.write((managed ? 0x80 : 0) | (otherConfig ? 0x40 : 0));
        write16(out, routerLifetime);
        write32(out, reachableTimeMs);
        write32(out, retransTimerMs);
        if (sourceLinkLayer != null) {
            int units = (2 + sourceLinkLayer.length + 7) / 8;
            out.write(OPTION_SOURCE_LINK_LAYER);
            out.write(units);
            out.writeBytes(sourceLinkLayer);
            out.writeBytes(new byte[units * 8 - 2 - sourceLinkLayer.length]);
        }
        if (mtu != 0) {
            out.write(OPTION_MTU);
            out.write(1);
            write16(out, 0);
            write32(out, mtu);
        }
        for (PrefixInformation p : prefixes) {
            out.write(OPTION_PREFIX);
            out.write(4);
            out.write(p.length());
            out.write((p.onLink() ? 0x80 : 0) | (p.autonomous() ? 0x40 : 0));
            write32(out, p.validLifetime());
            write32(out, p.preferredLifetime());
            write32(out, 0); // reserved2
            out.writeBytes(Prefix.network(p.prefix(), p.length()));
        }
        if (rdnss != null) {
            out.write(OPTION_RDNSS);
            out.write(1 + 2 * rdnss.servers().size());
            write16(out, 0);
            write32(out, rdnss.lifetime());
            rdnss.servers().forEach(a -> out.writeBytes(a.getAddress()));
        }
        if (dnssl != null) {
            ByteArrayOutputStream names = new ByteArrayOutputStream();
            dnssl.domains().forEach(d -> DnsNames.writeName(names, d, true));
            int units = (8 + names.size() + 7) / 8;
            if (units > 255) {
                throw new IllegalArgumentException("DNSSL of " + dnssl.domains() + " is over 255 units of 8 bytes");
            }
            out.write(OPTION_DNSSL);
            out.write(units);
            write16(out, 0);
            write32(out, dnssl.lifetime());
            out.writeBytes(names.toByteArray());
            out.writeBytes(new byte[units * 8 - 8 - names.size()]);
        }
        otherOptions.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Decodes an RA (ICMPv6 message, no IPv6 header), checking every length and reserved rule it relies on. */
    public static RouterAdvertisement decode(byte[] p) {
        if (p.length < 16) {
            throw new WireFormatException("router advertisement of " + p.length + " bytes is shorter than 16", 0);
        }
        if ((p[0] & 0xFF) != TYPE_RA) {
            throw new WireFormatException("ICMPv6 type " + (p[0] & 0xFF) + " is not a router advertisement (134)", 0);
        }
        if (p[1] != 0) {
            throw new WireFormatException("router advertisement code " + (p[1] & 0xFF) + " is not 0", 1);
        }
        int curHopLimit = p[4] & 0xFF;
        boolean managed = (p[5] & 0x80) != 0;
        boolean other = (p[5] & 0x40) != 0;
        int lifetime = read16(p, 6);
        long reachable = read32(p, 8);
        long retrans = read32(p, 12);
        byte[] sll = null;
        long mtu = 0;
        List<PrefixInformation> prefixes = new ArrayList<>();
        Rdnss rdnss = null;
        Dnssl dnssl = null;
        List<byte[]> others = new ArrayList<>();
        int at = 16;
        while (at < p.length) {
            if (at + 2 > p.length) {
                throw new WireFormatException("option header runs past the end", at);
            }
            int type = p[at] & 0xFF;
            int units = p[at + 1] & 0xFF;
            if (units == 0) {
                throw new WireFormatException("option " + type + " has length 0 (RFC 4861 4.6: invalid)", at + 1);
            }
            int end = at + units * 8;
            if (end > p.length) {
                throw new WireFormatException("option " + type + " of " + units * 8 + " bytes runs past the end",
                        at + 1);
            }
            try {
                switch (type) {
                    case OPTION_SOURCE_LINK_LAYER -> sll = Arrays.copyOfRange(p, at + 2, end);
                    case OPTION_MTU -> {
                        expectUnits(type, units, 1, at);
                        mtu = read32(p, at + 4);
                    }
                    case OPTION_PREFIX -> {
                        expectUnits(type, units, 4, at);
                        int length = p[at + 2] & 0xFF;
                        if (length > 128) {
                            throw new WireFormatException("prefix length " + length + " is over 128", at + 2);
                        }
                        long valid = read32(p, at + 4);
                        long preferred = read32(p, at + 8);
                        if (preferred > valid) {
                            throw new WireFormatException("preferred lifetime " + preferred
                                    + " is over the valid lifetime " + valid, at + 8);
                        }
                        // the bits after the prefix length are reserved, ignored by the receiver (RFC 4861 4.6.2)
                        Inet6Address prefix = Ipv6.read(Prefix.network(Ipv6.read(p, at + 16), length), 0);
                        prefixes.add(new PrefixInformation(prefix, length, (p[at + 3] & 0x80) != 0,
                                (p[at + 3] & 0x40) != 0, valid, preferred));
                    }
                    case OPTION_RDNSS -> {
                        if (units < 3 || units % 2 == 0) {
                            throw new WireFormatException("RDNSS length " + units
                                    + " is not 1 + 2 x addresses (RFC 8106 5.1)", at + 1);
                        }
                        List<Inet6Address> servers = new ArrayList<>();
                        for (int i = at + 8; i < end; i += 16) {
                            servers.add(Ipv6.read(p, i));
                        }
                        rdnss = new Rdnss(read32(p, at + 4), servers);
                    }
                    case OPTION_DNSSL -> {
                        if (units < 2) {
                            throw new WireFormatException("DNSSL length " + units + " is under 2 (RFC 8106 5.2)",
                                    at + 1);
                        }
                        dnssl = new Dnssl(read32(p, at + 4), readDomains(p, at + 8, end));
                    }
                    default -> others.add(Arrays.copyOfRange(p, at, end));
                }
            } catch (IllegalArgumentException e) {
                throw new WireFormatException("option " + type + ": " + e.getMessage(), at);
            }
            at = end;
        }
        return new RouterAdvertisement(curHopLimit, managed, other, lifetime, reachable, retrans, sll, mtu, prefixes,
                rdnss, dnssl, others);
    }

    /** Names, then zero padding to the option's end (RFC 8106 5.2): a zero where a name would start ends them. */
    private static List<String> readDomains(byte[] p, int start, int end) {
        List<String> names = new ArrayList<>();
        int i = start;
        while (i < end && p[i] != 0) {
            StringBuilder name = new StringBuilder();
            i = DnsNames.readTextName(p, i, end, "DNSSL", name);
            names.add(name.toString());
        }
        for (int pad = i; pad < end; pad++) {
            if (p[pad] != 0) {
                throw new WireFormatException("DNSSL padding byte is not zero", pad);
            }
        }
        if (names.isEmpty()) {
            throw new WireFormatException("DNSSL carries no domain", start);
        }
        return names;
    }

    /**
     * Checks a Router Solicitation (RFC 4861 section 6.1.1: code 0, length at least 8, options of non-zero length
     * that fit, no source link-layer option from the unspecified address) and returns its source link-layer
     * address, or null.
     */
    public static byte[] checkSolicitation(byte[] p, boolean fromUnspecified) {
        if (p.length < 8) {
            throw new WireFormatException("router solicitation of " + p.length + " bytes is shorter than 8", 0);
        }
        if ((p[0] & 0xFF) != TYPE_RS) {
            throw new WireFormatException("ICMPv6 type " + (p[0] & 0xFF) + " is not a router solicitation (133)", 0);
        }
        if (p[1] != 0) {
            throw new WireFormatException("router solicitation code " + (p[1] & 0xFF) + " is not 0", 1);
        }
        byte[] sll = null;
        int at = 8;
        while (at < p.length) {
            if (at + 2 > p.length) {
                throw new WireFormatException("option header runs past the end", at);
            }
            int units = p[at + 1] & 0xFF;
            if (units == 0) {
                throw new WireFormatException("option " + (p[at] & 0xFF) + " has length 0", at + 1);
            }
            if (at + units * 8 > p.length) {
                throw new WireFormatException("option " + (p[at] & 0xFF) + " runs past the end", at + 1);
            }
            if ((p[at] & 0xFF) == OPTION_SOURCE_LINK_LAYER) {
                if (fromUnspecified) {
                    throw new WireFormatException("source link-layer option from the unspecified address", at);
                }
                sll = Arrays.copyOfRange(p, at + 2, at + units * 8);
            }
            at += units * 8;
        }
        return sll;
    }

    private static void expectUnits(int type, int units, int expected, int at) {
        if (units != expected) {
            throw new WireFormatException("option " + type + " length " + units + " is not " + expected, at + 1);
        }
    }

    private static int read16(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }

    private static long read32(byte[] p, int at) {
        return ((long) (p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8)
                | (p[at + 3] & 0xFF);
    }

    private static void write16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void write32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    /**
     * Wireshark's Info column for a Router Solicitation or Advertisement: {@code Router Advertisement from
     * 02:00:00:00:00:01} (the source link-layer option, when there is one), or what is wrong with the bytes.
     */
    public static String info(byte[] p) {
        int type = p.length > 0 ? p[0] & 0xFF : -1;
        String name = type == TYPE_RA ? "Router Advertisement" : type == TYPE_RS ? "Router Solicitation"
                : "type " + type;
        byte[] sll;
        try {
            sll = type == TYPE_RA ? decode(p).sourceLinkLayer() : checkSolicitation(p, false);
        } catch (WireFormatException e) {
            return name + " [Malformed: " + e.getMessage() + " at offset " + e.offset() + "]";
        }
        if (sll == null || sll.length != 6) {
            return name;
        }
        StringBuilder out = new StringBuilder(name).append(" from ");
        for (int i = 0; i < sll.length; i++) {
            out.append(i == 0 ? "" : ":").append(String.format("%02x", sll[i] & 0xFF));
        }
        return out.toString();
    }

    /** Short text for logs: flags, lifetime and options. */
    @Override
    public String toString() {
        return "RA " + (managed ? "M" : "-") + (otherConfig ? "O" : "-") + " router lifetime " + routerLifetime
                + " prefixes " + prefixes + (rdnss != null ? " rdnss " + rdnss.servers().stream().map(Ipv6::format)
                .toList() : "") + (dnssl != null ? " dnssl " + dnssl.domains() : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouterAdvertisement r && Arrays.equals(encode(), r.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    /** Prefix bytes with the host bits cleared. */
    static final class Prefix {
        private Prefix() {
        }

        static byte[] network(Inet6Address address, int length) {
            byte[] b = address.getAddress();
            for (int i = 0; i < 16; i++) {
                int keep = Math.max(0, Math.min(8, length - 8 * i));
                b[i] &= (byte) (0xFF << (8 - keep));
            }
            return b;
        }
    }
}
