package dev.dhcpembedded.codec6;

import java.util.Objects;

/**
 * The client FQDN option (39, RFC 4704): flags S (1), O (2) and N (4), and a domain name, fully qualified or
 * partial.
 *
 * @param flags the flags byte
 * @param name the name, without a trailing dot; empty when the client sends none
 * @param fullyQualified whether the name ends with the root label
 */
public record Dhcp6Fqdn(int flags, String name, boolean fullyQualified) {

    /** The S flag (1): the server should perform the AAAA update. */
    public static final int S = 1;
    /** The O flag (2): set by a server that overrode the client's S flag. */
    public static final int O = 2;
    /** The N flag (4): the server should perform no DNS update. */
    public static final int N = 4;

    /**
     * Checks the flags byte.
     *
     * @param flags the flags byte, 0 to 255
     * @param name the name, without a trailing dot; empty when the client sends none
     * @param fullyQualified whether the name ends with the root label
     * @throws IllegalArgumentException if {@code flags} is outside 0 to 255
     */
    public Dhcp6Fqdn {
        if (flags < 0 || flags > 255) {
            throw new IllegalArgumentException("flags " + flags + " are outside 0..255");
        }
        Objects.requireNonNull(name, "name");
    }

    /** {@code flags=S host.example.com.}: flags by letter (N, O, S), the name with a root dot when fully qualified. */
    @Override
    public String toString() {
        return Dhcp6Text.fqdn(this);
    }
}
