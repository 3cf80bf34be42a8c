package dev.dhcpembedded.codec6;

/**
 * A DHCPv6 option code as a value class, the twin of {@link dev.dhcpembedded.codec.OptionCode}: {@code NAME(code)}.
 * The codes of RFC 8415 section 21 and the RFCs named beside each are constants; any other code from 0 to 65535 is
 * a valid, nameless code ({@code OPTION_300(300)}). Two codes are equal when their numbers are; a code below 256
 * is always the one instance, so the constants may also be compared with {@code ==}.
 */
public final class Dhcp6OptionCode implements Comparable<Dhcp6OptionCode> {

    private static final Dhcp6OptionCode[] SMALL = new Dhcp6OptionCode[256];

    /** Client identifier (1, RFC 8415 section 21.2): the client's DUID. */
    public static final Dhcp6OptionCode CLIENTID = define(1, "CLIENTID");
    /** Server identifier (2, RFC 8415 section 21.3): the server's DUID. */
    public static final Dhcp6OptionCode SERVERID = define(2, "SERVERID");
    /** Identity association for non-temporary addresses (3, RFC 8415 section 21.4). */
    public static final Dhcp6OptionCode IA_NA = define(3, "IA_NA");
    /** Identity association for temporary addresses (4, RFC 8415 section 21.5). */
    public static final Dhcp6OptionCode IA_TA = define(4, "IA_TA");
    /** IA address (5, RFC 8415 section 21.6), inside an IA_NA or IA_TA. */
    public static final Dhcp6OptionCode IAADDR = define(5, "IAADDR");
    /** Option request (6, RFC 8415 section 21.7): the option codes a client asks for. */
    public static final Dhcp6OptionCode ORO = define(6, "ORO");
    /** Server preference (7, RFC 8415 section 21.8), 0 to 255. */
    public static final Dhcp6OptionCode PREFERENCE = define(7, "PREFERENCE");
    /** Elapsed time (8, RFC 8415 section 21.9), in hundredths of a second. */
    public static final Dhcp6OptionCode ELAPSED_TIME = define(8, "ELAPSED_TIME");
    /** Relay message (9, RFC 8415 section 21.10): the message a relay agent forwards or delivers. */
    public static final Dhcp6OptionCode RELAY_MSG = define(9, "RELAY_MSG");
    /** Authentication (11, RFC 8415 section 21.11). */
    public static final Dhcp6OptionCode AUTH = define(11, "AUTH");
    /** Server unicast (12, RFC 8415 section 21.12). */
    public static final Dhcp6OptionCode UNICAST = define(12, "UNICAST");
    /** Status code (13, RFC 8415 section 21.13). */
    public static final Dhcp6OptionCode STATUS_CODE = define(13, "STATUS_CODE");
    /** Rapid commit (14, RFC 8415 section 21.14). */
    public static final Dhcp6OptionCode RAPID_COMMIT = define(14, "RAPID_COMMIT");
    /** User class (15, RFC 8415 section 21.15). */
    public static final Dhcp6OptionCode USER_CLASS = define(15, "USER_CLASS");
    /** Vendor class (16, RFC 8415 section 21.16). */
    public static final Dhcp6OptionCode VENDOR_CLASS = define(16, "VENDOR_CLASS");
    /** Vendor-specific information (17, RFC 8415 section 21.17). */
    public static final Dhcp6OptionCode VENDOR_OPTS = define(17, "VENDOR_OPTS");
    /** Interface-id (18, RFC 8415 section 21.18), set by a relay agent. */
    public static final Dhcp6OptionCode INTERFACE_ID = define(18, "INTERFACE_ID");
    /** Reconfigure message (19, RFC 8415 section 21.19). */
    public static final Dhcp6OptionCode RECONF_MSG = define(19, "RECONF_MSG");
    /** Reconfigure accept (20, RFC 8415 section 21.20). */
    public static final Dhcp6OptionCode RECONF_ACCEPT = define(20, "RECONF_ACCEPT");
    /** DNS recursive name servers (RFC 3646). */
    public static final Dhcp6OptionCode DNS_SERVERS = define(23, "DNS_SERVERS");
    /** Domain search list (RFC 3646). */
    public static final Dhcp6OptionCode DOMAIN_LIST = define(24, "DOMAIN_LIST");
    /** Identity association for prefix delegation (25, RFC 8415 section 21.21). */
    public static final Dhcp6OptionCode IA_PD = define(25, "IA_PD");
    /** IA prefix (26, RFC 8415 section 21.22), inside an IA_PD. */
    public static final Dhcp6OptionCode IAPREFIX = define(26, "IAPREFIX");
    /** SNTP servers (RFC 4075). */
    public static final Dhcp6OptionCode SNTP_SERVERS = define(31, "SNTP_SERVERS");
    /** Information refresh time (32, RFC 8415 section 21.23), in seconds. */
    public static final Dhcp6OptionCode INFORMATION_REFRESH_TIME = define(32, "INFORMATION_REFRESH_TIME");
    /** Relay agent remote-id (RFC 4649). */
    public static final Dhcp6OptionCode REMOTE_ID = define(37, "REMOTE_ID");
    /** Client FQDN (RFC 4704). */
    public static final Dhcp6OptionCode CLIENT_FQDN = define(39, "CLIENT_FQDN");
    /** NTP server (RFC 5908). */
    public static final Dhcp6OptionCode NTP_SERVER = define(56, "NTP_SERVER");
    /** Boot file URL (59, RFC 5970 section 3.1): where a netboot client fetches its boot file. */
    public static final Dhcp6OptionCode BOOTFILE_URL = define(59, "BOOTFILE_URL");
    /** Boot file parameters (60, RFC 5970 section 3.2). */
    public static final Dhcp6OptionCode BOOTFILE_PARAM = define(60, "BOOTFILE_PARAM");
    /** Client system architecture type (61, RFC 5970 section 3.3): the client's architecture types, 16 bits each. */
    public static final Dhcp6OptionCode CLIENT_ARCH_TYPE = define(61, "CLIENT_ARCH_TYPE");
    /** Client network interface identifier (62, RFC 5970 section 3.4). */
    public static final Dhcp6OptionCode NII = define(62, "NII");
    /** SOL_MAX_RT (82, RFC 8415 section 21.24): the most seconds between a client's SOLICITs. */
    public static final Dhcp6OptionCode SOL_MAX_RT = define(82, "SOL_MAX_RT");
    /** INF_MAX_RT (83, RFC 8415 section 21.25): the most seconds between a client's INFORMATION-REQUESTs. */
    public static final Dhcp6OptionCode INF_MAX_RT = define(83, "INF_MAX_RT");
    /** Captive portal URI (RFC 8910). */
    public static final Dhcp6OptionCode CAPTIVE_PORTAL = define(103, "CAPTIVE_PORTAL");

    static {
        for (int code = 0; code < SMALL.length; code++) {
            if (SMALL[code] == null) {
                SMALL[code] = new Dhcp6OptionCode(code, "OPTION_" + code);
            }
        }
    }

    private final int code;
    private final String name;

    private Dhcp6OptionCode(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static Dhcp6OptionCode define(int code, String name) {
        Dhcp6OptionCode value = new Dhcp6OptionCode(code, name);
        SMALL[code] = value;
        return value;
    }

    /**
     * The code for {@code code}, 0 to 65535: the constant when there is one.
     *
     * @param code the option code, 0 to 65535
     * @return the code
     * @throws IllegalArgumentException when {@code code} is outside 0..65535
     */
    public static Dhcp6OptionCode of(int code) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("DHCPv6 option code " + code + " is outside 0..65535");
        }
        return code < SMALL.length ? SMALL[code] : new Dhcp6OptionCode(code, "OPTION_" + code);
    }

    /** {@return its number, as on the wire} */
    public int code() {
        return code;
    }

    /** {@return its short name, such as {@code IA_NA}, or {@code OPTION_n} for a code without one} */
    public String name() {
        return name;
    }

    @Override
    public int compareTo(Dhcp6OptionCode other) {
        return Integer.compare(code, other.code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dhcp6OptionCode && ((Dhcp6OptionCode) other).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    /** For example {@code IA_NA(3)}. */
    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
