package dev.dhcpembedded.lab;

/** An IPv4 /24, e.g. {@code 10.231.7.0/24}: small enough for a test lab, simple to reason about. */
public record Subnet24(int a, int b, int c) {

    public Subnet24 {
        if (a < 0 || a > 255 || b < 0 || b > 255 || c < 0 || c > 255) {
            throw new IllegalArgumentException("not an IPv4 /24: " + a + "." + b + "." + c + ".0");
        }
    }

    /** Parses {@code a.b.c.0/24} (or {@code a.b.c.0}). */
    public static Subnet24 parse(String cidr) {
        String[] parts = cidr.strip().split("/");
        if (parts.length == 2 && !parts[1].equals("24")) {
            throw new IllegalArgumentException("not a /24: " + cidr);
        }
        String[] o = parts[0].split("\\.");
        if (o.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + cidr);
        }
        return new Subnet24(Integer.parseInt(o[0]), Integer.parseInt(o[1]), Integer.parseInt(o[2]));
    }

    /** Host {@code n} of this subnet, e.g. {@code host(100)} is {@code 10.231.7.100}. */
    public String host(int n) {
        if (n < 0 || n > 255) {
            throw new IllegalArgumentException("host number out of range: " + n);
        }
        return a + "." + b + "." + c + "." + n;
    }

    public String network() {
        return host(0);
    }

    public String broadcast() {
        return host(255);
    }

    public String cidr() {
        return network() + "/24";
    }

    /** True when {@code address} (dotted quad) lies in this subnet. */
    public boolean contains(String address) {
        return address.startsWith(a + "." + b + "." + c + ".") && address.split("\\.").length == 4;
    }

    @Override
    public String toString() {
        return cidr();
    }
}
