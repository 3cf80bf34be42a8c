package dev.dhcpembedded.internal.config;

import dev.dhcpembedded.internal.engine6.Prefix6;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.DhcpServerBuilder;
import java.util.Optional;

/**
 * A DHCPv6 static lease written as text, the value of the configuration key {@code static6} (the CLI's
 * {@code --static6}, the annotation's {@code staticLeases6}), read by {@link dev.dhcpembedded.config.TextConfiguration}: {@code DUID=ADDR}, {@code DUID=PREFIX/LEN} or {@code DUID=ADDR,PREFIX/LEN}, the
 * DUID in hex (colons allowed).
 */
public record StaticLease6Text(Duid duid, Optional<String> address, Optional<String> prefix) {

    static final String EXAMPLE = "00:03:00:01:02:00:00:00:00:42=2001:db8:1::42";

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static StaticLease6Text parse(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals < 0 || text.indexOf('=', equals + 1) >= 0) {
            throw new IllegalArgumentException("static lease6 '" + text + "' is not written DUID=ADDR (or "
                    + "DUID=PREFIX/LEN, or DUID=ADDR,PREFIX/LEN), e.g. " + EXAMPLE);
        }
        Duid duid;
        try {
            duid = Duid.parse(text.substring(0, equals).trim());
        } catch (IllegalArgumentException | DhcpCodecException e) {
            throw new IllegalArgumentException("static lease6 '" + text + "': the DUID is not valid hex of a DUID ("
                    + e.getMessage() + ")", e);
        }
        Optional<String> address = Optional.empty();
        Optional<String> prefix = Optional.empty();
        for (String part : text.substring(equals + 1).split(",", -1)) {
            String value = part.trim();
            try {
                if (value.contains("/")) {
                    if (prefix.isPresent()) {
                        throw new IllegalArgumentException("a second prefix");
                    }
                    Prefix6.parse(value);
                    prefix = Optional.of(value);
                } else {
                    if (address.isPresent()) {
                        throw new IllegalArgumentException("a second address");
                    }
                    Ipv6.parse(value);
                    address = Optional.of(value);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("static lease6 '" + text + "': " + e.getMessage(), e);
            }
        }
        return new StaticLease6Text(duid, address, prefix);
    }

    /** Adds this lease to {@code builder}. */
    public DhcpServerBuilder addTo(DhcpServerBuilder builder) {
        return builder.staticLease6(duid, l -> {
            address.ifPresent(l::address);
            prefix.ifPresent(l::prefix);
        });
    }
}
