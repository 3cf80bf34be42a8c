package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.internal.engine.AddressRange;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.wire.Ipv4;

/**
 * The one parser of the text forms that the builder, the annotation, the command line and {@code DhcpNetwork}
 * accept: a pool written {@code FIRST-LAST}, a static lease written {@code MAC=IP} and a second server written
 * {@code IP=FIRST-LAST}. Messages quote the bad value and say how to write it.
 */
public final class AddressText {

    private AddressText() {
    }

    /** A MAC address and an IPv4 address, both checked, as written in {@code MAC=IP}. */
    public record MacAndAddress(String mac, String address) {
    }

    /** A second server's address (its server identifier) and its pool, both checked, as written in {@code IP=FIRST-LAST}. */
    public record AddressAndPool(String address, String pool) {
    }

    /**
     * {@code 10.20.0.100-10.20.0.199}: both ends included, the lower first.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static AddressRange range(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash < 0 || text.indexOf('-', dash + 1) >= 0) {
            throw new IllegalArgumentException("pool '" + text + "' is not written FIRST-LAST, e.g. "
                    + "10.20.0.100-10.20.0.199");
        }
        return range(text.substring(0, dash).trim(), text.substring(dash + 1).trim());
    }

    /**
     * The range from {@code first} to {@code last}, both included.
     *
     * @throws IllegalArgumentException when either is not an IPv4 address or {@code last} comes before
     *                                  {@code first}
     */
    public static AddressRange range(String first, String last) {
        int from = Ipv4.parseInt(first);
        int to = Ipv4.parseInt(last);
        if (Integer.compareUnsigned(from, to) > 0) {
            throw new IllegalArgumentException("pool " + first + "-" + last + " ends before it starts; write the"
                    + " lower address first");
        }
        return new AddressRange(from, to);
    }

    /**
     * {@code 02:00:00:00:00:42=10.20.0.42}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static MacAndAddress staticLease(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals < 0 || text.indexOf('=', equals + 1) >= 0) {
            throw new IllegalArgumentException("static lease '" + text + "' is not written MAC=IP, e.g. "
                    + "02:00:00:00:00:42=10.20.0.42");
        }
        String mac = text.substring(0, equals).trim();
        String address = text.substring(equals + 1).trim();
        try {
            MacAddress.parse(mac);
            Ipv4.parseInt(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("static lease '" + text + "': " + e.getMessage(), e);
        }
        return new MacAndAddress(mac, address);
    }

    /**
     * {@code 10.20.0.2=10.20.0.200-10.20.0.249}: a second server on the link, its address and its pool.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static AddressAndPool secondServer(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals < 0 || text.indexOf('=', equals + 1) >= 0) {
            throw new IllegalArgumentException("second server '" + text + "' is not written IP=FIRST-LAST, e.g. "
                    + "10.20.0.2=10.20.0.200-10.20.0.249");
        }
        String address = text.substring(0, equals).trim();
        String pool = text.substring(equals + 1).trim();
        try {
            Ipv4.parseInt(address);
            range(pool);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("second server '" + text + "': " + e.getMessage(), e);
        }
        return new AddressAndPool(address, pool);
    }
}
