package dev.dhcpembedded.lab;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One {@code DHCP-EVENT key=value ...} line printed by a {@link ClientScript}. Event names are as the client passes
 * them (udhcpc: lower case, dhclient and dhcpcd: upper case); {@link #is(String)} compares ignoring case.
 *
 * <p>Besides the fields every script reports, {@link #options()} holds what else the client passed its script, by
 * the script's key: the common ones under one name for every client ({@code mtu}, {@code hostname}, {@code search},
 * {@code wpad}, {@code vendor}), read typed with {@link #mtu()}, {@link #hostname()}, {@link #domainSearch()},
 * {@link #wpadUrl()} and {@link #vendorSpecific()}; and, for dhcpcd, every {@code new_*} variable of its script
 * environment under dhcpcd's own name (e.g. {@code new_ntp_servers}). A list value is written with commas.
 *
 * @param event the event name, as the client passes it
 * @param iface the interface
 * @param ip the address configured (or released)
 * @param mask the prefix length
 * @param routers the routers (3)
 * @param dns the DNS servers (6)
 * @param domain the domain name (15)
 * @param lease the lease time (51), in seconds
 * @param serverId the server identifier (54)
 * @param staticRoutes the classless static routes (121), as the client prints them
 * @param options every other key the script printed, in order
 */
public record DhcpEvent(String event, String iface, String ip, String mask, List<String> routers, List<String> dns,
        String domain, String lease, String serverId, List<String> staticRoutes, Map<String, String> options) {

    /** What starts an event line. */
    public static final String PREFIX = "DHCP-EVENT ";

    private static final Set<String> FIELDS = Set.of("event", "iface", "ip", "mask", "router", "dns", "domain",
            "lease", "serverid", "staticroutes");

    /**
     * An event; the lists and the map are copied.
     *
     * @param event the event name
     * @param iface the interface
     * @param ip the address
     * @param mask the prefix length
     * @param routers the routers
     * @param dns the DNS servers
     * @param domain the domain name
     * @param lease the lease time in seconds
     * @param serverId the server identifier
     * @param staticRoutes the classless static routes
     * @param options the other keys
     */
    public DhcpEvent {
        routers = List.copyOf(routers);
        dns = List.copyOf(dns);
        staticRoutes = List.copyOf(staticRoutes);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Parses a line.
     *
     * @param line a line of a client's output
     * @return the event, or empty when it is not an event line
     */
    public static Optional<DhcpEvent> parse(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        Map<String, String> kv = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        for (String token : line.substring(at + PREFIX.length()).strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                String key = token.substring(0, eq);
                String value = token.substring(eq + 1);
                kv.put(key, value);
                if (!FIELDS.contains(key) && !value.isEmpty()) {
                    others.put(key, value);
                }
            }
        }
        return Optional.of(new DhcpEvent(kv.getOrDefault("event", ""), kv.getOrDefault("iface", ""),
                kv.getOrDefault("ip", ""), kv.getOrDefault("mask", ""), list(kv.get("router")), list(kv.get("dns")),
                kv.getOrDefault("domain", ""), kv.getOrDefault("lease", ""), kv.getOrDefault("serverid", ""),
                list(kv.get("staticroutes")), others));
    }

    /**
     * Every event line of a client's output.
     *
     * @param output the output
     * @return the events, in order
     */
    public static List<DhcpEvent> all(String output) {
        return output.lines().map(DhcpEvent::parse).flatMap(Optional::stream).toList();
    }

    /**
     * Whether this is an event, ignoring case.
     *
     * @param name e.g. {@code bound}, which matches {@code BOUND}
     * @return true when it is that event
     */
    public boolean is(String name) {
        return event.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    /** {@return true for the events that mean "an address is configured now": bound, renew, rebind, reboot, inform} */
    public boolean isConfigured() {
        return is("bound") || is("renew") || is("rebind") || is("reboot") || is("inform");
    }

    /**
     * A value the script printed beside the common fields.
     *
     * @param key its key, e.g. {@code mtu} or, for dhcpcd, {@code new_ntp_servers}
     * @return the value, when the script printed a non-empty one
     */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** {@return the interface MTU the client received (option 26)} */
    public OptionalInt mtu() {
        return option("mtu").filter(v -> v.matches("\\d{1,5}")).map(v -> OptionalInt.of(Integer.parseInt(v)))
                .orElse(OptionalInt.empty());
    }

    /** {@return the host name the client received (option 12)} */
    public Optional<String> hostname() {
        return option("hostname");
    }

    /** {@return the domain search list the client received (option 119), in order} */
    public List<String> domainSearch() {
        return list(options.get("search"));
    }

    /** {@return the WPAD URL the client received (option 252)} */
    public Optional<String> wpadUrl() {
        return option("wpad");
    }

    /** {@return the vendor-specific information the client received (option 43), as hex digits} */
    public Optional<String> vendorSpecific() {
        return option("vendor");
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
