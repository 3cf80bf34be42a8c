package dev.dhcpembedded.internal.config;

import dev.dhcpembedded.server.RouterAdvertisementBuilder;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Router Advertisement modes of the configuration key {@code ra} (the command line's {@code --ra}, the
 * annotation's {@code ra}):
 * managed sets M and O (addresses by DHCPv6, the prefix on-link only), other sets O (SLAAC addresses, the rest by
 * INFORMATION-REQUEST), slaac sets neither (SLAAC alone), none sends nothing. Each carries the subnet6 prefix, and
 * the DNS servers and domain as RDNSS and DNSSL.
 */
public enum RaMode {
    MANAGED, OTHER, SLAAC, NONE;

    /** What a value must be, for messages. */
    public static final String MODES = "managed, other, slaac or none";

    /** The mode named {@code text} (managed, other, slaac, none), or empty. */
    public static java.util.Optional<RaMode> parse(String text) {
        for (RaMode m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(text)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    /** What to advertise for {@code prefix}, {@code dns} (may be empty) and {@code domain} (null: none). */
    public Consumer<RouterAdvertisementBuilder> shape(String prefix, List<String> dns, String domain) {
        if (this == NONE) {
            throw new IllegalStateException("none sends no router advertisement");
        }
        return ra -> {
            ra.managed(this == MANAGED).otherConfig(this != SLAAC).prefix(prefix, this != MANAGED);
            if (!dns.isEmpty()) {
                ra.rdnss(dns.toArray(String[]::new));
            }
            if (domain != null && !domain.isEmpty()) {
                ra.dnssl(domain);
            }
        };
    }
}
