package dev.dhcpembedded.codec;

/**
 * A DHCP option code as a value class: {@code NAME(code)}. Known codes are constants; any other code from 1 to 254
 * is a valid, nameless code ({@code OPTION_200(200)}).
 */
public final class OptionCode implements Comparable<OptionCode> {

    private static final OptionCode[] BY_CODE = new OptionCode[256];

    public static final OptionCode PAD = define(0, "PAD");
    public static final OptionCode SUBNET_MASK = define(1, "SUBNET_MASK");
    public static final OptionCode TIME_OFFSET = define(2, "TIME_OFFSET");
    public static final OptionCode ROUTER = define(3, "ROUTER");
    public static final OptionCode DOMAIN_NAME_SERVER = define(6, "DOMAIN_NAME_SERVER");
    public static final OptionCode HOST_NAME = define(12, "HOST_NAME");
    public static final OptionCode DOMAIN_NAME = define(15, "DOMAIN_NAME");
    public static final OptionCode INTERFACE_MTU = define(26, "INTERFACE_MTU");
    public static final OptionCode BROADCAST_ADDRESS = define(28, "BROADCAST_ADDRESS");
    public static final OptionCode NTP_SERVERS = define(42, "NTP_SERVERS");
    public static final OptionCode VENDOR_SPECIFIC = define(43, "VENDOR_SPECIFIC");
    public static final OptionCode REQUESTED_IP_ADDRESS = define(50, "REQUESTED_IP_ADDRESS");
    public static final OptionCode IP_ADDRESS_LEASE_TIME = define(51, "IP_ADDRESS_LEASE_TIME");
    public static final OptionCode OPTION_OVERLOAD = define(52, "OPTION_OVERLOAD");
    public static final OptionCode MESSAGE_TYPE = define(53, "MESSAGE_TYPE");
    public static final OptionCode SERVER_IDENTIFIER = define(54, "SERVER_IDENTIFIER");
    public static final OptionCode PARAMETER_REQUEST_LIST = define(55, "PARAMETER_REQUEST_LIST");
    public static final OptionCode MESSAGE = define(56, "MESSAGE");
    public static final OptionCode MAXIMUM_MESSAGE_SIZE = define(57, "MAXIMUM_MESSAGE_SIZE");
    public static final OptionCode RENEWAL_TIME = define(58, "RENEWAL_TIME");
    public static final OptionCode REBINDING_TIME = define(59, "REBINDING_TIME");
    public static final OptionCode VENDOR_CLASS_IDENTIFIER = define(60, "VENDOR_CLASS_IDENTIFIER");
    public static final OptionCode CLIENT_IDENTIFIER = define(61, "CLIENT_IDENTIFIER");
    public static final OptionCode TFTP_SERVER_NAME = define(66, "TFTP_SERVER_NAME");
    public static final OptionCode BOOTFILE_NAME = define(67, "BOOTFILE_NAME");
    public static final OptionCode RAPID_COMMIT = define(80, "RAPID_COMMIT");
    public static final OptionCode CLIENT_FQDN = define(81, "CLIENT_FQDN");
    public static final OptionCode RELAY_AGENT_INFORMATION = define(82, "RELAY_AGENT_INFORMATION");
    /** IPv6-only preferred (RFC 8925): V6ONLY_WAIT in seconds. */
    public static final OptionCode IPV6_ONLY_PREFERRED = define(108, "IPV6_ONLY_PREFERRED");
    /** Captive portal URI (RFC 8910). */
    public static final OptionCode CAPTIVE_PORTAL = define(114, "CAPTIVE_PORTAL");
    public static final OptionCode DOMAIN_SEARCH = define(119, "DOMAIN_SEARCH");
    public static final OptionCode CLASSLESS_STATIC_ROUTE = define(121, "CLASSLESS_STATIC_ROUTE");
    /** Manufacturer Usage Description URL (RFC 8520). */
    public static final OptionCode MUD_URL = define(161, "MUD_URL");
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

    /** The code for {@code code}, 0 to 255. */
    public static OptionCode of(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("option code " + code + " is outside 0..255");
        }
        return BY_CODE[code];
    }

    public int code() {
        return code;
    }

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
