package dev.dhcpembedded.lab;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code DHCP-EVENT key=value ...} line printed by a {@link ClientScript}. Event names are as
 * the client passes them (udhcpc: lower case, dhclient and dhcpcd: upper case); {@link #is(String)}
 * compares ignoring case.
 */
public record DhcpEvent(String event, String iface, String ip, String mask, List<String> routers, List<String> dns,
        String domain, String lease, String serverId, List<String> staticRoutes) {

    public static final String PREFIX = "DHCP-EVENT ";

    /** Parses a line, or empty when it is not an event line. */
    public static Optional<DhcpEvent> parse(String line) {
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
        return Optional.of(new DhcpEvent(kv.getOrDefault("event", ""), kv.getOrDefault("iface", ""),
                kv.getOrDefault("ip", ""), kv.getOrDefault("mask", ""), list(kv.get("router")), list(kv.get("dns")),
                kv.getOrDefault("domain", ""), kv.getOrDefault("lease", ""), kv.getOrDefault("serverid", ""),
                list(kv.get("staticroutes"))));
    }

    /** Every event line of {@code output}, in order. */
    public static List<DhcpEvent> all(String output) {
        return output.lines().map(DhcpEvent::parse).flatMap(Optional::stream).toList();
    }

    /** True when this is event {@code name}, ignoring case ({@code bound} matches {@code BOUND}). */
    public boolean is(String name) {
        return event.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    /** True for the events that mean "an address is configured now": bound, renew, rebind, reboot, inform. */
    public boolean isConfigured() {
        return is("bound") || is("renew") || is("rebind") || is("reboot") || is("inform");
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
