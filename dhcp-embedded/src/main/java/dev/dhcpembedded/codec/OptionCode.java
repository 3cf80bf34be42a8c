package dev.dhcpembedded.codec;

/**
 * A DHCP option code as a value class: {@code NAME(code)}. Known codes are constants; any other code from 1 to 254
 * is a valid, nameless code ({@code OPTION_200(200)}).
 */
public final class OptionCode implements Comparable<OptionCode> {

    private static final OptionCode[] BY_CODE = new OptionCode[256];

    /** Pad (0): framing, one byte of filler; never an option value. */
    public static final OptionCode PAD = define(0, "PAD");
    /** Subnet mask (1, RFC 2132 §3.3). */
    public static final OptionCode SUBNET_MASK = define(1, "SUBNET_MASK");
    /** Time offset (2, RFC 2132 §3.4): seconds from UTC. */
    public static final OptionCode TIME_OFFSET = define(2, "TIME_OFFSET");
    /** Routers (3, RFC 2132 §3.5). */
    public static final OptionCode ROUTER = define(3, "ROUTER");
    /** Domain name servers (6, RFC 2132 §3.8). */
    public static final OptionCode DOMAIN_NAME_SERVER = define(6, "DOMAIN_NAME_SERVER");
    /** Host name (12, RFC 2132 §3.14). */
    public static final OptionCode HOST_NAME = define(12, "HOST_NAME");
    /** Domain name (15, RFC 2132 §3.17). */
    public static final OptionCode DOMAIN_NAME = define(15, "DOMAIN_NAME");
    /** Interface MTU (26, RFC 2132 §5.1). */
    public static final OptionCode INTERFACE_MTU = define(26, "INTERFACE_MTU");
    /** Broadcast address (28, RFC 2132 §5.3). */
    public static final OptionCode BROADCAST_ADDRESS = define(28, "BROADCAST_ADDRESS");
    /** NTP servers (42, RFC 2132 §8.3). */
    public static final OptionCode NTP_SERVERS = define(42, "NTP_SERVERS");
    /** Vendor-specific information (43, RFC 2132 §8.4). */
    public static final OptionCode VENDOR_SPECIFIC = define(43, "VENDOR_SPECIFIC");
    /** Requested IP address (50, RFC 2132 §9.1). */
    public static final OptionCode REQUESTED_IP_ADDRESS = define(50, "REQUESTED_IP_ADDRESS");
    /** IP address lease time in seconds (51, RFC 2132 §9.2). */
    public static final OptionCode IP_ADDRESS_LEASE_TIME = define(51, "IP_ADDRESS_LEASE_TIME");
    /** Option overload (52, RFC 2132 §9.3): framing; the codec handles it and never lists it. */
    public static final OptionCode OPTION_OVERLOAD = define(52, "OPTION_OVERLOAD");
    /** DHCP message type (53, RFC 2132 §9.6). */
    public static final OptionCode MESSAGE_TYPE = define(53, "MESSAGE_TYPE");
    /** Server identifier (54, RFC 2132 §9.7). */
    public static final OptionCode SERVER_IDENTIFIER = define(54, "SERVER_IDENTIFIER");
    /** Parameter request list (55, RFC 2132 §9.8). */
    public static final OptionCode PARAMETER_REQUEST_LIST = define(55, "PARAMETER_REQUEST_LIST");
    /** Message (56, RFC 2132 §9.9): error text. */
    public static final OptionCode MESSAGE = define(56, "MESSAGE");
    /** Maximum DHCP message size (57, RFC 2132 §9.10). */
    public static final OptionCode MAXIMUM_MESSAGE_SIZE = define(57, "MAXIMUM_MESSAGE_SIZE");
    /** Renewal (T1) time in seconds (58, RFC 2132 §9.11). */
    public static final OptionCode RENEWAL_TIME = define(58, "RENEWAL_TIME");
    /** Rebinding (T2) time in seconds (59, RFC 2132 §9.12). */
    public static final OptionCode REBINDING_TIME = define(59, "REBINDING_TIME");
    /** Vendor class identifier (60, RFC 2132 §9.13). */
    public static final OptionCode VENDOR_CLASS_IDENTIFIER = define(60, "VENDOR_CLASS_IDENTIFIER");
    /** Client identifier (61, RFC 2132 §9.14). */
    public static final OptionCode CLIENT_IDENTIFIER = define(61, "CLIENT_IDENTIFIER");
    /** TFTP server name (66, RFC 2132 §9.4). */
    public static final OptionCode TFTP_SERVER_NAME = define(66, "TFTP_SERVER_NAME");
    /** Bootfile name (67, RFC 2132 §9.5). */
    public static final OptionCode BOOTFILE_NAME = define(67, "BOOTFILE_NAME");
    /** Rapid commit (80, RFC 4039). */
    public static final OptionCode RAPID_COMMIT = define(80, "RAPID_COMMIT");
    /** Client FQDN (81, RFC 4702). */
    public static final OptionCode CLIENT_FQDN = define(81, "CLIENT_FQDN");
    /** Relay agent information (82, RFC 3046). */
    public static final OptionCode RELAY_AGENT_INFORMATION = define(82, "RELAY_AGENT_INFORMATION");
    /** Authentication (90, RFC 3118): in this server, the reconfigure key and FORCERENEW digest of RFC 6704. */
    public static final OptionCode AUTHENTICATION = define(90, "AUTHENTICATION");
    /** IPv6-only preferred (RFC 8925): V6ONLY_WAIT in seconds. */
    public static final OptionCode IPV6_ONLY_PREFERRED = define(108, "IPV6_ONLY_PREFERRED");
    /** Captive portal URI (RFC 8910). */
    public static final OptionCode CAPTIVE_PORTAL = define(114, "CAPTIVE_PORTAL");
    /** Domain search list (119, RFC 3397). */
    public static final OptionCode DOMAIN_SEARCH = define(119, "DOMAIN_SEARCH");
    /** Classless static routes (121, RFC 3442). */
    public static final OptionCode CLASSLESS_STATIC_ROUTE = define(121, "CLASSLESS_STATIC_ROUTE");
    /** FORCERENEW nonce capable (145, RFC 6704): the authentication algorithms the client supports. */
    public static final OptionCode FORCERENEW_NONCE_CAPABLE = define(145, "FORCERENEW_NONCE_CAPABLE");
    /** Manufacturer Usage Description URL (RFC 8520). */
    public static final OptionCode MUD_URL = define(161, "MUD_URL");
    /** End (255): framing, the end of the options; never an option value. */
    public static final OptionCode END = define(255, "END");

    static {
        for (int code = 0; code < 256; code++) {
            if (BY_CODE[code] == null) {
                BY_CODE[code] = new OptionCode(code, "OPTION_" + code);
            }
        }
    }

    private final int code;
    private final String name;

    private OptionCode(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static OptionCode define(int code, String name) {
        OptionCode value = new OptionCode(code, name);
        BY_CODE[code] = value;
        return value;
    }

    /**
     * The code for {@code code}, 0 to 255.
     *
     * @param code the option code
     * @return the named constant, or a nameless code such as {@code OPTION_200}
     * @throws IllegalArgumentException if {@code code} is outside 0..255
     */
    public static OptionCode of(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("option code " + code + " is outside 0..255");
        }
        return BY_CODE[code];
    }

    /** {@return the numeric code, 0 to 255} */
    public int code() {
        return code;
    }

    /** {@return the name, e.g. {@code ROUTER}, or {@code OPTION_200} for a code without one} */
    public String name() {
        return name;
    }

    @Override
    public int compareTo(OptionCode other) {
        return Integer.compare(code, other.code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OptionCode && ((OptionCode) other).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
