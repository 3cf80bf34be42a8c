package dev.dhcpembedded.lab;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code DHCP6-EVENT key=value ...} line printed by a DHCPv6 {@link ClientScript} ({@link ClientScript#DHCLIENT6},
 * {@link ClientScript#DHCPCD6}), e.g.
 * {@code DHCP6-EVENT event=BOUND6 iface=eth0 ip6=2001:db8:1::100 prefix=2001:db8:100::/56 dns=2001:db8:1::53}.
 * dhclient reports each IA_NA address and each delegated prefix in an event of its own; dhcpcd reports both in one.
 *
 * @param event the reason the client passed, e.g. {@code BOUND6}
 * @param iface the interface
 * @param address the IA_NA address, or empty
 * @param prefix the delegated prefix with its length, e.g. {@code 2001:db8:100::/56}, or empty
 * @param dns the DNS servers (option 23)
 * @param search the domain search list (option 24)
 */
public record Dhcp6Event(String event, String iface, String address, String prefix, List<String> dns,
        List<String> search) {

    /** What every event line starts with. */
    public static final String PREFIX = "DHCP6-EVENT ";

    /**
     * Parses a line.
     *
     * @param line a line of the client's output
     * @return the event, or empty when the line is not an event line
     */
    public static Optional<Dhcp6Event> parse(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String token : line.substring(at + PREFIX.length()).strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                kv.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return Optional.of(new Dhcp6Event(kv.getOrDefault("event", ""), kv.getOrDefault("iface", ""),
                kv.getOrDefault("ip6", ""), kv.getOrDefault("prefix", ""), list(kv.get("dns")),
                list(kv.get("search"))));
    }

    /**
     * Every event line of {@code output}, in order.
     *
     * @param output the client's output (a container's log)
     * @return the events
     */
    public static List<Dhcp6Event> all(String output) {
        return output.lines().map(Dhcp6Event::parse).flatMap(Optional::stream).toList();
    }

    /**
     * Whether this is event {@code name}, ignoring case.
     *
     * @param name e.g. {@code BOUND6}
     * @return whether it is
     */
    public boolean is(String name) {
        return event.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether this event means "configured now": BOUND6, RENEW6, REBIND6, REBOOT6 or INFORM6.
     *
     * @return whether it does
     */
    public boolean isConfigured() {
        return is("BOUND6") || is("RENEW6") || is("REBIND6") || is("REBOOT6") || is("INFORM6");
    }

    /**
     * Whether this event carries an IA_NA address.
     *
     * @return whether {@link #address()} is set
     */
    public boolean hasAddress() {
        return !address.isEmpty();
    }

    /**
     * Whether this event carries a delegated prefix.
     *
     * @return whether {@link #prefix()} is set
     */
    public boolean hasPrefix() {
        return !prefix.isEmpty();
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
