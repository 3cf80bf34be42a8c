package dev.dhcpembedded.server;

import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.engine6.Addr6;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.engine6.Subnet6Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shapes one DHCPv6 link: address pools, a prefix-delegation pool, DNS (23), domain search list (24), SNTP (31),
 * NTP (56), any other option, and the lifetimes. T1 and T2 default to 50% and 80% of the preferred lifetime
 * (RFC 8415 section 21.4).
 */
public final class Subnet6Builder {

    /** The preferred lifetime unless set. */
    public static final Duration DEFAULT_PREFERRED_LIFETIME = Duration.ofHours(1);
    /** The valid lifetime unless set. */
    public static final Duration DEFAULT_VALID_LIFETIME = Duration.ofHours(2);

    private final Prefix6 prefix;
    private final List<Subnet6Config.Range> pools = new ArrayList<>();
    private Subnet6Config.PdPool delegation;
    private final List<Dhcp6Option> options = new ArrayList<>();
    private Duration preferred = DEFAULT_PREFERRED_LIFETIME;
    private Duration valid = DEFAULT_VALID_LIFETIME;
    private Duration t1;
    private Duration t2;
    private int iaNaLimit = Subnet6Config.DEFAULT_IA_LIMIT;
    private int iaPdLimit = Subnet6Config.DEFAULT_IA_LIMIT;

    Subnet6Builder(Prefix6 prefix) {
        this.prefix = prefix;
    }

    /**
     * Addresses from {@code first} to {@code last}, both included, inside the subnet's prefix.
     *
     * @param first the first address, e.g. {@code 2001:db8:1::100}
     * @param last the last address, not before {@code first}
     * @return this builder
     * @throws IllegalArgumentException if the pool is empty, outside the prefix or overlaps another pool
     */
    public Subnet6Builder pool(String first, String last) {
        Addr6 a = Prefix6.number(Ipv6.parse(first));
        Addr6 b = Prefix6.number(Ipv6.parse(last));
        if (a.compareTo(b) > 0) {
            throw new IllegalArgumentException("pool " + first + "-" + last + " ends before it starts");
        }
        if (!prefix.contains(a) || !prefix.contains(b)) {
            throw new IllegalArgumentException("pool " + first + "-" + last + " is outside subnet6 " + prefix);
        }
        for (Subnet6Config.Range r : pools) {
            if (a.compareTo(r.last()) <= 0 && b.compareTo(r.first()) >= 0) {
                throw new IllegalArgumentException("pool " + first + "-" + last + " overlaps another pool of "
                        + prefix);
            }
        }
        pools.add(new Subnet6Config.Range(a, b));
        return this;
    }

    /**
     * A pool written {@code FIRST-LAST}.
     *
     * @param range the first and the last address, joined by a dash
     * @return this builder
     * @throws IllegalArgumentException as {@link #pool(String, String)}, or when there is no dash
     */
    public Subnet6Builder pool(String range) {
        int dash = range.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("pool '" + range + "' is not FIRST-LAST");
        }
        return pool(range.substring(0, dash).strip(), range.substring(dash + 1).strip());
    }

    /**
     * The default pool: the prefix's addresses from {@code ::100} to {@code ::ffff} (within the prefix; from
     * {@code ::1} when the prefix holds 512 addresses or fewer).
     *
     * @return this builder
     * @throws IllegalArgumentException if the prefix is a /127 or /128, or the pool overlaps another
     */
    public Subnet6Builder defaultPool() {
        int hostBits = 128 - prefix.length();
        if (hostBits <= 1) {
            throw new IllegalArgumentException("subnet6 " + prefix + " has no room for a pool");
        }
        long first = hostBits > 9 ? 0x100 : 1; // over 0x200 addresses: from ::100
        long last = hostBits >= 16 ? 0xffff : (1L << hostBits) - 1;
        return pool(Ipv6.format(Prefix6.address(prefix.network().plus(first))),
                Ipv6.format(Prefix6.address(prefix.network().plus(last))));
    }

    /**
     * Delegates prefixes of length {@code delegatedLength} cut from {@code pool}, e.g. /56s from a /48.
     *
     * @param pool the prefix the delegated prefixes are cut from, e.g. {@code 2001:db8:100::/48}
     * @param delegatedLength the length of each delegated prefix, e.g. 56
     * @return this builder
     */
    public Subnet6Builder prefixDelegation(String pool, int delegatedLength) {
        delegation = new Subnet6Config.PdPool(Prefix6.parse(pool), delegatedLength);
        return this;
    }

    /**
     * DNS recursive name servers (option 23).
     *
     * @param servers IPv6 addresses as text, in order of preference
     * @return this builder
     */
    public Subnet6Builder dns(String... servers) {
        return option(Dhcp6Option.dnsServers(servers));
    }

    /**
     * Domain search list (option 24).
     *
     * @param names the domains, in search order
     * @return this builder
     */
    public Subnet6Builder domainSearch(String... names) {
        return option(Dhcp6Option.domainList(names));
    }

    /**
     * SNTP servers (option 31).
     *
     * @param servers IPv6 addresses as text, in order of preference
     * @return this builder
     */
    public Subnet6Builder sntp(String... servers) {
        return option(Dhcp6Option.sntpServers(servers));
    }

    /**
     * NTP servers (option 56, address sub-options).
     *
     * @param servers IPv6 addresses as text, in order of preference
     * @return this builder
     */
    public Subnet6Builder ntp(String... servers) {
        return option(Dhcp6Option.ntpServers(servers));
    }

    /**
     * Any option, sent when the client's ORO asks for it (or always, when it sends no ORO); replaces its code.
     *
     * @param option the option
     * @return this builder
     */
    public Subnet6Builder option(Dhcp6Option option) {
        options.removeIf(o -> o.code().equals(option.code()));
        options.add(option);
        return this;
    }

    /**
     * The preferred lifetime of the addresses and prefixes handed out; default {@link #DEFAULT_PREFERRED_LIFETIME}.
     *
     * @param lifetime zero or positive, not over the valid lifetime (checked when the server is built)
     * @return this builder
     */
    public Subnet6Builder preferredLifetime(Duration lifetime) {
        this.preferred = lifetime;
        return this;
    }

    /**
     * The valid lifetime of the addresses and prefixes handed out; default {@link #DEFAULT_VALID_LIFETIME}.
     *
     * @param lifetime not under the preferred lifetime (checked when the server is built)
     * @return this builder
     */
    public Subnet6Builder validLifetime(Duration lifetime) {
        this.valid = lifetime;
        return this;
    }

    /**
     * T1, when the client renews. Default: 50% of the preferred lifetime.
     *
     * @param t1 the renewal time, zero or positive, not after T2
     * @return this builder
     */
    public Subnet6Builder renewalTime(Duration t1) {
        this.t1 = t1;
        return this;
    }

    /**
     * T2, when the client rebinds. Default: 80% of the preferred lifetime.
     *
     * @param t2 the rebinding time, not before T1
     * @return this builder
     */
    public Subnet6Builder rebindingTime(Duration t2) {
        this.t2 = t2;
        return this;
    }

    /**
     * How many IA_NA and how many IA_PD of one client message the server serves; default 8 of each, room for any
     * real client (most send one of each). The IAs after the limit get NoAddrsAvail or NoPrefixAvail (RFC 8415
     * section 21.13), bind nothing, and the journal says so: a message cannot drain the pools, and its reply stays
     * bounded.
     *
     * @param iaNa the IA_NA served per message, 1 to 256
     * @param iaPd the IA_PD served per message, 1 to 256
     * @return this builder
     * @throws IllegalArgumentException if a limit is under 1 or over 256
     */
    public Subnet6Builder iaLimits(int iaNa, int iaPd) {
        if (iaNa < 1 || iaNa > Subnet6Config.MAX_IA_LIMIT || iaPd < 1 || iaPd > Subnet6Config.MAX_IA_LIMIT) {
            throw new IllegalArgumentException("subnet6 " + prefix + ": IA limits " + iaNa + " (IA_NA) and " + iaPd
                    + " (IA_PD) must be between 1 and " + Subnet6Config.MAX_IA_LIMIT);
        }
        this.iaNaLimit = iaNa;
        this.iaPdLimit = iaPd;
        return this;
    }

    Subnet6Config build() {
        if (preferred.isNegative() || valid.isNegative() || preferred.compareTo(valid) > 0) {
            throw new IllegalArgumentException("subnet6 " + prefix + ": preferred lifetime " + preferred
                    + " must not be negative nor longer than the valid lifetime " + valid);
        }
        Duration renew = t1 != null ? t1 : preferred.dividedBy(2);
        Duration rebind = t2 != null ? t2 : preferred.multipliedBy(4).dividedBy(5);
        if (renew.isNegative() || renew.compareTo(rebind) > 0) {
            throw new IllegalArgumentException("subnet6 " + prefix + ": T1 " + renew + " is after T2 " + rebind);
        }
        return new Subnet6Config(prefix, pools, Optional.ofNullable(delegation), preferred, valid, renew, rebind,
                options, iaNaLimit, iaPdLimit);
    }
}
