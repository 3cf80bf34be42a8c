package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.ClasslessRoute;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.engine.AddressRange;
import dev.dhcpembedded.internal.engine.AddressText;
import dev.dhcpembedded.internal.engine.Cidr;
import dev.dhcpembedded.internal.engine.DefaultAddresses;
import dev.dhcpembedded.lease.LeaseTimes;
import dev.dhcpembedded.internal.engine.SubnetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shapes one subnet: pools, exclusions, lease times and options. T1 and T2 default to 50% and 87.5%. A subnet given
 * no pool serves every host address but its router and the server identifier (a /30 or wider).
 */
public final class SubnetBuilder {

    /** The lease time unless set: one hour. */
    public static final Duration DEFAULT_LEASE_TIME = Duration.ofHours(1);

    private final Cidr cidr;
    private final List<AddressRange> pools = new ArrayList<>();
    private final Set<Integer> exclusions = new HashSet<>();
    private final List<DhcpOption> options = new ArrayList<>();
    private final List<DhcpOption> forced = new ArrayList<>();
    private Duration leaseTime = DEFAULT_LEASE_TIME;
    private Duration renewalTime;
    private Duration rebindingTime;
    private Duration v6OnlyWait;
    private boolean v6OnlyZeroAddress;

    SubnetBuilder(Cidr cidr) {
        this.cidr = cidr;
    }

    /**
     * A pool from {@code first} to {@code last}, both included; a subnet may have several. Without any, the subnet
     * serves every host address but its router and the server identifier.
     *
     * @param first the lowest address handed out, e.g. {@code 10.20.0.100}
     * @param last the highest address handed out, e.g. {@code 10.20.0.199}
     * @return this builder
     */
    public SubnetBuilder pool(String first, String last) {
        pools.add(AddressText.range(first, last));
        return this;
    }

    /**
     * A pool written {@code FIRST-LAST}, e.g. {@code 10.20.0.100-10.20.0.199}.
     *
     * @param range the first and the last address handed out, joined by a dash
     * @return this builder
     */
    public SubnetBuilder pool(String range) {
        pools.add(AddressText.range(range));
        return this;
    }

    /**
     * Addresses inside a pool that are never handed out.
     *
     * @param addresses dotted IPv4 addresses
     * @return this builder
     * @throws IllegalArgumentException if an address is not a dotted IPv4 address
     */
    public SubnetBuilder exclude(String... addresses) {
        for (String address : addresses) {
            exclusions.add(Ipv4.parseInt(address));
        }
        return this;
    }

    /**
     * Routers (option 3), in order of preference.
     *
     * @param routers dotted IPv4 addresses
     * @return this builder
     */
    public SubnetBuilder router(String... routers) {
        return option(DhcpOptions.router(routers));
    }

    /**
     * Domain name servers (option 6), in order of preference.
     *
     * @param servers dotted IPv4 addresses
     * @return this builder
     */
    public SubnetBuilder dns(String... servers) {
        return option(DhcpOptions.domainNameServers(servers));
    }

    /**
     * Domain name (option 15).
     *
     * @param name the domain, e.g. {@code lab.test}
     * @return this builder
     */
    public SubnetBuilder domainName(String name) {
        return option(DhcpOptions.domainName(name));
    }

    /**
     * Domain search list (option 119, RFC 3397).
     *
     * @param names the domains, in search order
     * @return this builder
     */
    public SubnetBuilder domainSearch(String... names) {
        return option(DhcpOptions.domainSearch(names));
    }

    /**
     * NTP servers (option 42), in order of preference.
     *
     * @param servers dotted IPv4 addresses
     * @return this builder
     */
    public SubnetBuilder ntpServers(String... servers) {
        return option(DhcpOptions.ntpServers(servers));
    }

    /**
     * Classless static routes (option 121, RFC 3442).
     *
     * @param routes the routes, in order
     * @return this builder
     */
    public SubnetBuilder classlessStaticRoutes(ClasslessRoute... routes) {
        return option(DhcpOptions.classlessStaticRoutes(routes));
    }

    /**
     * The lease time (option 51); default {@link #DEFAULT_LEASE_TIME}. T1 and T2 follow it unless set.
     *
     * @param time the lease time
     * @return this builder
     */
    public SubnetBuilder leaseTime(Duration time) {
        this.leaseTime = time;
        return this;
    }

    /**
     * T1; by default half the lease time.
     *
     * @param time the renewal time (option 58)
     * @return this builder
     */
    public SubnetBuilder renewalTime(Duration time) {
        this.renewalTime = time;
        return this;
    }

    /**
     * T2; by default 87.5% of the lease time.
     *
     * @param time the rebinding time (option 59)
     * @return this builder
     */
    public SubnetBuilder rebindingTime(Duration time) {
        this.rebindingTime = time;
        return this;
    }

    /**
     * Captive portal (114, RFC 8910): the URI of the portal's API, sent when asked for.
     *
     * @param uri the URI, e.g. {@code https://portal.lab.test/api}
     * @return this builder
     */
    public SubnetBuilder captivePortal(String uri) {
        return option(DhcpOptions.captivePortal(uri));
    }

    /**
     * IPv6-only preferred (108, RFC 8925): a client that asks for option 108 (in 55) gets it, with
     * {@code v6OnlyWait}, in its OFFER and ACK, and never a rapid-commit ACK. Clients that do not ask get nothing
     * of it. Off by default.
     *
     * @param v6OnlyWait V6ONLY_WAIT: how long the client stays IPv6-only before it asks again (clients wait at least
     *     300 s, RFC 8925 section 3.2)
     * @return this builder
     * @throws IllegalArgumentException if {@code v6OnlyWait} is negative or too long
     */
    public SubnetBuilder ipv6OnlyPreferred(Duration v6OnlyWait) {
        DhcpOptions.ipv6OnlyPreferred(v6OnlyWait);
        this.v6OnlyWait = v6OnlyWait;
        return this;
    }

    /**
     * With {@link #ipv6OnlyPreferred(Duration)}: the OFFER to a client that asked for 108 carries yiaddr 0.0.0.0
     * and takes nothing from the pool (RFC 8925 §3.3.1 allows it; a client that honours 108 never asks for it).
     *
     * @return this builder
     */
    public SubnetBuilder ipv6OnlyOfferingNoAddress() {
        this.v6OnlyZeroAddress = true;
        return this;
    }

    /**
     * An option sent when the client asks for it in option 55 (or sends no list); replaces one of its code.
     *
     * @param option the option
     * @return this builder
     */
    public SubnetBuilder option(DhcpOption option) {
        replace(options, option);
        return this;
    }

    /**
     * An option sent in every OFFER and ACK, asked for or not.
     *
     * @param option the option
     * @return this builder
     */
    public SubnetBuilder alwaysSend(DhcpOption option) {
        replace(forced, option);
        return this;
    }

    /** Puts {@code option} in {@code options} in place of any of its code (a loop: no lambda class at start-up). */
    private static void replace(List<DhcpOption> options, DhcpOption option) {
        for (int i = options.size() - 1; i >= 0; i--) {
            if (options.get(i).code().equals(option.code())) {
                options.remove(i);
            }
        }
        options.add(option);
    }

    /**
     * The subnet as served. Without a pool it gets the default one: every host address but the routers (its own
     * router option, else the server-wide one in {@code globalOptions}); the engine never hands out the server
     * identifier.
     */
    SubnetConfig build(List<DhcpOption> globalOptions) {
        List<AddressRange> served = pools;
        Set<Integer> excluded = exclusions;
        if (pools.isEmpty()) {
            served = List.of(DefaultAddresses.pool(cidr));
            excluded = new HashSet<>(exclusions);
            excluded.addAll(DefaultAddresses.routersIn(cidr, forced, options, globalOptions));
        }
        Duration t1 = renewalTime != null ? renewalTime : LeaseTimes.renewal(leaseTime);
        Duration t2 = rebindingTime != null ? rebindingTime : LeaseTimes.rebinding(leaseTime);
        if (v6OnlyZeroAddress && v6OnlyWait == null) {
            throw new IllegalArgumentException("subnet " + cidr + ": ipv6OnlyOfferingNoAddress() needs"
                    + " ipv6OnlyPreferred(wait) too");
        }
        if (hasCode(options, OptionCode.IPV6_ONLY_PREFERRED) || hasCode(forced, OptionCode.IPV6_ONLY_PREFERRED)) {
            throw new IllegalArgumentException("subnet " + cidr + ": option 108 is configured with"
                    + " ipv6OnlyPreferred(wait), which sends it only to clients that ask (RFC 8925), not as an option");
        }
        requireRoutersInside(options);
        requireRoutersInside(forced);
        return new SubnetConfig(cidr, served, excluded, leaseTime, t1, t2, options, forced,
                v6OnlyWait == null ? null : new SubnetConfig.Ipv6OnlyPreferred(v6OnlyWait, v6OnlyZeroAddress));
    }

    /** A router (option 3) of this subnet lies in it: a client reaches only a router on its own link. */
    private void requireRoutersInside(List<DhcpOption> list) {
        for (DhcpOption option : list) {
            if (option.code().equals(OptionCode.ROUTER) && option.length() % 4 == 0) {
                for (java.net.Inet4Address router : option.asAddresses()) {
                    if (!cidr.contains(dev.dhcpembedded.internal.wire.Ipv4.toInt(router))) {
                        throw new IllegalArgumentException("subnet " + cidr + ": router " + router.getHostAddress()
                                + " is outside the subnet, where its clients cannot reach it; give a router inside "
                                + cidr);
                    }
                }
            }
        }
    }

    /** Whether {@code options} hold one of {@code code} (a loop, not a stream: build() runs once per test). */
    private static boolean hasCode(List<DhcpOption> options, OptionCode code) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
