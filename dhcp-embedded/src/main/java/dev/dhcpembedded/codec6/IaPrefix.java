package dev.dhcpembedded.codec6;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IA prefix option (26) inside an IA_PD: lifetimes in seconds, the prefix length and the prefix, and its own
 * options.
 *
 * @param preferredLifetime seconds, 0 to 2^32-1
 * @param validLifetime seconds, 0 to 2^32-1
 * @param prefixLength 0 to 128
 * @param prefix the prefix
 * @param options the options inside, in wire order
 */
public record IaPrefix(long preferredLifetime, long validLifetime, int prefixLength, Inet6Address prefix,
        List<Dhcp6Option> options) {

    /**
     * Checks the numbers and copies the options.
     *
     * @param preferredLifetime seconds, 0 to 2^32-1
     * @param validLifetime seconds, 0 to 2^32-1
     * @param prefixLength 0 to 128
     * @param prefix the prefix
     * @param options the options inside, in wire order
     * @throws IllegalArgumentException if a lifetime is outside 0 to 2^32-1 or the length outside 0 to 128
     */
    public IaPrefix {
        Ia.checkU32("preferred lifetime", preferredLifetime);
        Ia.checkU32("valid lifetime", validLifetime);
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..128");
        }
        Objects.requireNonNull(prefix, "prefix");
        options = List.copyOf(options);
    }

    /**
     * An IA prefix without options.
     *
     * @param prefix the prefix
     * @param prefixLength 0 to 128
     * @param preferredLifetime seconds, 0 to 2^32-1 ({@code 0xffffffff}: infinity)
     * @param validLifetime seconds, 0 to 2^32-1 ({@code 0xffffffff}: infinity)
     * @return the IA prefix
     */
    public static IaPrefix of(Inet6Address prefix, int prefixLength, long preferredLifetime, long validLifetime) {
        return new IaPrefix(preferredLifetime, validLifetime, prefixLength, prefix, List.of());
    }

    /** {@return the status code inside, if any} */
    public Optional<StatusCode> status() {
        return Ia.status(options);
    }

    /** {@return the prefix as text, such as {@code 2001:db8:100::/56}} */
    public String cidr() {
        return dev.dhcpembedded.internal.wire.Ipv6.format(prefix) + "/" + prefixLength;
    }

    /** As its option reads: {@code IAPREFIX(26) 2001:db8:100::/56 preferred=3600s valid=7200s}. */
    @Override
    public String toString() {
        return Dhcp6Text.iaPrefix(this);
    }
}
