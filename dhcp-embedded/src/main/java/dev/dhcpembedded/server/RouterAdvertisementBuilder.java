package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.ra.RaConfig;
import dev.dhcpembedded.internal.wire.RouterAdvertisement.PrefixInformation;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shapes the Router Advertisements (RFC 4861) a server sends on its interface:
 *
 * <pre>{@code
 * .routerAdvertisements(ra -> ra.managed(true).otherConfig(true)
 *         .rdnss("2001:db8:1::53").dnssl("lab.test").routerLifetime(Duration.ofMinutes(30)))
 * }</pre>
 *
 * Defaults: M and O off, the subnet6 prefixes on-link and not autonomous (no SLAAC), no RDNSS or DNSSL, router
 * lifetime 1800 s, intervals 200 to 600 s (RFC 4861's defaults), hop limit 64. Values are checked against RFC 4861
 * and RFC 8106 when the server is built, or when {@link RouterAdvertisements#update} applies them.
 */
public final class RouterAdvertisementBuilder {

    /** RFC 4861 AdvValidLifetime's default: 30 days. */
    public static final Duration DEFAULT_VALID_LIFETIME = Duration.ofDays(30);
    /** RFC 4861 AdvPreferredLifetime's default: 7 days. */
    public static final Duration DEFAULT_PREFERRED_LIFETIME = Duration.ofDays(7);

    private boolean managed;
    private boolean otherConfig;
    private List<PrefixInformation> prefixes;
    private Duration valid = DEFAULT_VALID_LIFETIME;
    private Duration preferred = DEFAULT_PREFERRED_LIFETIME;
    private List<Inet6Address> rdnss = List.of();
    private List<String> dnssl = List.of();
    private Duration dnsLifetime;
    private Duration routerLifetime = Duration.ofSeconds(1800);
    private Duration minInterval = Duration.ofSeconds(200);
    private Duration maxInterval = Duration.ofSeconds(600);
    private int hopLimit = 64;

    RouterAdvertisementBuilder() {
    }

    /** Seeded with what is advertised now, for a change at run time. */
    RouterAdvertisementBuilder(RaConfig current) {
        managed = current.managed();
        otherConfig = current.otherConfig();
        prefixes = new ArrayList<>(current.prefixes());
        rdnss = current.rdnss();
        dnssl = current.dnssl();
        dnsLifetime = current.dnsLifetime();
        routerLifetime = current.routerLifetime();
        minInterval = current.minInterval();
        maxInterval = current.maxInterval();
        hopLimit = current.hopLimit();
    }

    /**
     * The M flag: hosts get their addresses from DHCPv6 (SOLICIT).
     *
     * @param on whether to set M
     * @return this builder
     */
    public RouterAdvertisementBuilder managed(boolean on) {
        this.managed = on;
        return this;
    }

    /**
     * The O flag: hosts get other configuration (DNS, ...) from DHCPv6 (INFORMATION-REQUEST when M is off).
     *
     * @param on whether to set O
     * @return this builder
     */
    public RouterAdvertisementBuilder otherConfig(boolean on) {
        this.otherConfig = on;
        return this;
    }

    /**
     * A prefix on the link, autonomous (A: hosts make their own addresses in it by SLAAC when it is a /64).
     *
     * @param prefix e.g. {@code 2001:db8:1::/64}
     * @return this builder
     */
    public RouterAdvertisementBuilder prefix(String prefix) {
        return prefix(prefix, true);
    }

    /**
     * A prefix on the link (L flag set), with the A flag as given. The first call replaces the default (the subnet6
     * prefixes, not autonomous); later calls add to it.
     *
     * @param prefix     e.g. {@code 2001:db8:1::/64}
     * @param autonomous the A flag
     * @return this builder
     */
    public RouterAdvertisementBuilder prefix(String prefix, boolean autonomous) {
        Prefix6 parsed = Prefix6.parse(prefix);
        if (prefixes == null) {
            prefixes = new ArrayList<>();
        }
        prefixes.removeIf(p -> p.prefix().equals(parsed.networkAddress()) && p.length() == parsed.length());
        prefixes.add(information(parsed, autonomous));
        return this;
    }

    /**
     * Valid and preferred lifetimes of the prefixes added after this call (defaults 30 and 7 days).
     *
     * @param valid the valid lifetime; capped at 2^32-1 seconds
     * @param preferred the preferred lifetime, not over {@code valid}
     * @return this builder
     * @throws IllegalArgumentException if {@code preferred} is over {@code valid}
     */
    public RouterAdvertisementBuilder prefixLifetimes(Duration valid, Duration preferred) {
        if (preferred.compareTo(valid) > 0) {
            throw new IllegalArgumentException("preferred lifetime " + preferred + " is over the valid lifetime "
                    + valid + "; hosts would ignore the prefix (RFC 4862 5.5.3)");
        }
        this.valid = valid;
        this.preferred = preferred;
        return this;
    }

    /**
     * RDNSS (RFC 8106 option 25): the DNS servers; none removes the option.
     *
     * @param addresses IPv6 addresses as text
     * @return this builder
     * @throws IllegalArgumentException if an address is not an IPv6 address
     */
    public RouterAdvertisementBuilder rdnss(String... addresses) {
        List<Inet6Address> parsed = new ArrayList<>();
        for (String a : addresses) {
            parsed.add(Ipv6.parse(a));
        }
        this.rdnss = List.copyOf(parsed);
        return this;
    }

    /**
     * DNSSL (RFC 8106 option 31): the search domains; none removes the option.
     *
     * @param domains domain names, e.g. {@code lab.test}
     * @return this builder
     */
    public RouterAdvertisementBuilder dnssl(String... domains) {
        for (String d : domains) {
            dev.dhcpembedded.internal.wire.DnsNames.writeName(new java.io.ByteArrayOutputStream(), d, true);
        }
        this.dnssl = List.of(domains);
        return this;
    }

    /**
     * Lifetime of RDNSS and DNSSL; default 3 x the max interval (RFC 8106 section 5.1 recommends at least that).
     *
     * @param lifetime the lifetime, not null
     * @return this builder
     */
    public RouterAdvertisementBuilder dnsLifetime(Duration lifetime) {
        this.dnsLifetime = Objects.requireNonNull(lifetime);
        return this;
    }

    /**
     * How long hosts keep this router as a default router; 0: not a default router. Default 1800 s.
     *
     * @param lifetime 0, or whole seconds from the max interval to 9000 s (RFC 4861 section 6.2.1)
     * @return this builder
     */
    public RouterAdvertisementBuilder routerLifetime(Duration lifetime) {
        this.routerLifetime = Objects.requireNonNull(lifetime);
        return this;
    }

    /**
     * Unsolicited advertisements go at random intervals from {@code min} (3 s or more) to {@code max} (4 to 1800 s).
     *
     * @param min the least time between unsolicited advertisements
     * @param max the most time between unsolicited advertisements
     * @return this builder
     */
    public RouterAdvertisementBuilder interval(Duration min, Duration max) {
        this.minInterval = Objects.requireNonNull(min);
        this.maxInterval = Objects.requireNonNull(max);
        return this;
    }

    /**
     * The Cur Hop Limit field hosts should use (default 64; 0 = unspecified).
     *
     * @param hopLimit 0 to 255
     * @return this builder
     */
    public RouterAdvertisementBuilder hopLimit(int hopLimit) {
        this.hopLimit = hopLimit;
        return this;
    }

    private PrefixInformation information(Prefix6 p, boolean autonomous) {
        return new PrefixInformation(p.networkAddress(), p.length(), true, autonomous, seconds(valid),
                seconds(preferred));
    }

    private static long seconds(Duration d) {
        return Math.min(0xFFFFFFFFL, Math.max(0, d.toSeconds()));
    }

    /** The checked configuration; {@code linkPrefixes} are advertised when no {@link #prefix} was given. */
    RaConfig build(List<Prefix6> linkPrefixes) {
        List<PrefixInformation> advertised = prefixes;
        if (advertised == null) {
            advertised = linkPrefixes.stream().map(p -> information(p, false)).toList();
        }
        return new RaConfig(managed, otherConfig, advertised, rdnss, dnssl,
                dnsLifetime != null ? dnsLifetime : maxInterval.multipliedBy(3), routerLifetime, minInterval,
                maxInterval, hopLimit);
    }
}
