package dev.dhcpembedded.codec6;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IA address option (5) inside an IA_NA: an address, its preferred and valid lifetimes in seconds
 * ({@code 0xffffffff} is infinity), and its own options (a status code, usually).
 *
 * @param address the address
 * @param preferredLifetime seconds, 0 to 2^32-1
 * @param validLifetime seconds, 0 to 2^32-1
 * @param options the options inside, in wire order
 */
public record IaAddress(Inet6Address address, long preferredLifetime, long validLifetime,
        List<Dhcp6Option> options) {

    /**
     * Checks the lifetimes and copies the options.
     *
     * @param address the address
     * @param preferredLifetime seconds, 0 to 2^32-1
     * @param validLifetime seconds, 0 to 2^32-1
     * @param options the options inside, in wire order
     * @throws IllegalArgumentException if a lifetime is outside 0 to 2^32-1
     */
    public IaAddress {
        Objects.requireNonNull(address, "address");
        Ia.checkU32("preferred lifetime", preferredLifetime);
        Ia.checkU32("valid lifetime", validLifetime);
        options = List.copyOf(options);
    }

    /**
     * An IA address without options.
     *
     * @param address the address
     * @param preferredLifetime seconds, 0 to 2^32-1 ({@code 0xffffffff}: infinity)
     * @param validLifetime seconds, 0 to 2^32-1 ({@code 0xffffffff}: infinity)
     * @return the IA address
     */
    public static IaAddress of(Inet6Address address, long preferredLifetime, long validLifetime) {
        return new IaAddress(address, preferredLifetime, validLifetime, List.of());
    }

    /** {@return the status code inside, if any} */
    public Optional<StatusCode> status() {
        return Ia.status(options);
    }

    /** As its option reads: {@code IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s}. */
    @Override
    public String toString() {
        return Dhcp6Text.iaAddress(this);
    }
}
