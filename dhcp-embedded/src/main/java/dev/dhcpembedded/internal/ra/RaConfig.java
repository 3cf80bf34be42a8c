package dev.dhcpembedded.internal.ra;

import dev.dhcpembedded.internal.wire.RouterAdvertisement;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;

/**
 * What a server advertises on its interface, checked against RFC 4861 section 6.2.1 (intervals, router lifetime)
 * and RFC 8106 (DNS lifetimes) when made: a bad value fails here with what to change.
 *
 * @param managed        the M flag
 * @param otherConfig    the O flag
 * @param prefixes       the prefix information options
 * @param rdnss          RDNSS addresses (none: no option 25)
 * @param dnssl          DNSSL domains (none: no option 31)
 * @param dnsLifetime    lifetime of RDNSS and DNSSL
 * @param routerLifetime 0: not a default router; else MaxRtrAdvInterval to 9000 s
 * @param minInterval    MinRtrAdvInterval, 3 s to 0.75 x max
 * @param maxInterval    MaxRtrAdvInterval, 4 s to 1800 s
 * @param hopLimit       the Cur Hop Limit field, 0 = unspecified
 */
public record RaConfig(boolean managed, boolean otherConfig, List<RouterAdvertisement.PrefixInformation> prefixes,
                       List<Inet6Address> rdnss, List<String> dnssl, Duration dnsLifetime, Duration routerLifetime,
                       Duration minInterval, Duration maxInterval, int hopLimit) {

    /** RFC 4861 section 10: MAX_INITIAL_RTR_ADVERTISEMENTS. */
    static final int MAX_INITIAL_ADVERTISEMENTS = 3;
    /** RFC 4861 section 10: MAX_INITIAL_RTR_ADVERT_INTERVAL. */
    static final Duration MAX_INITIAL_INTERVAL = Duration.ofSeconds(16);
    /** RFC 4861 section 10: MAX_RA_DELAY_TIME, the longest wait before answering a solicitation. */
    static final Duration MAX_RA_DELAY = Duration.ofMillis(500);

    public RaConfig {
        prefixes = List.copyOf(prefixes);
        rdnss = List.copyOf(rdnss);
        dnssl = List.copyOf(dnssl);
        long max = maxInterval.toMillis();
        long min = minInterval.toMillis();
        if (max < 4_000 || max > 1_800_000) {
            throw new IllegalArgumentException("router advertisement interval max " + maxInterval.toMillis()
                    + " ms must be 4 s to 1800 s (RFC 4861 6.2.1 MaxRtrAdvInterval)");
        }
        if (min < 3_000 || min * 4 > max * 3) {
            throw new IllegalArgumentException("router advertisement interval min " + min + " ms must be 3 s to "
                    + "0.75 x max (" + max * 3 / 4 + " ms) (RFC 4861 6.2.1 MinRtrAdvInterval)");
        }
        long lifetime = routerLifetime.toMillis();
        if (lifetime != 0 && (lifetime < max || lifetime > 9_000_000 || lifetime % 1000 != 0)) {
            throw new IllegalArgumentException("router lifetime " + routerLifetime + " must be 0 (not a default "
                    + "router) or whole seconds from the max interval (" + maxInterval + ") to 9000 s "
                    + "(RFC 4861 6.2.1 AdvDefaultLifetime)");
        }
        if (dnsLifetime.isNegative() || dnsLifetime.toSeconds() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("DNS lifetime " + dnsLifetime + " is outside 0..2^32-1 s");
        }
        if (hopLimit < 0 || hopLimit > 255) {
            throw new IllegalArgumentException("hop limit " + hopLimit + " is outside 0..255");
        }
        if (rdnss.size() > 127) {
            throw new IllegalArgumentException("at most 127 RDNSS addresses fit in one option, not " + rdnss.size());
        }
    }

    /** The message to send, with {@code mac} as source link-layer address (null: no option 1). */
    public RouterAdvertisement message(byte[] mac) {
        return message(mac, (int) routerLifetime.toSeconds());
    }

    /** The last message before stopping (RFC 4861 6.2.5): router lifetime 0. */
    RouterAdvertisement message(byte[] mac, int lifetimeSeconds) {
        long dns = dnsLifetime.toSeconds();
        return new RouterAdvertisement(hopLimit, managed, otherConfig, lifetimeSeconds, 0, 0, mac, 0, prefixes,
                rdnss.isEmpty() ? null : new RouterAdvertisement.Rdnss(dns, rdnss),
                dnssl.isEmpty() ? null : new RouterAdvertisement.Dnssl(dns, dnssl), List.of());
    }
}
