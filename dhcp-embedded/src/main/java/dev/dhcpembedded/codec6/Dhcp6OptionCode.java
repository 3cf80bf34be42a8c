package dev.dhcpembedded.codec6;

/** Option codes of DHCPv6 (RFC 8415 section 21 and the RFCs named beside each). */
public final class Dhcp6OptionCode {

    public static final int CLIENTID = 1;
    public static final int SERVERID = 2;
    public static final int IA_NA = 3;
    public static final int IA_TA = 4;
    public static final int IAADDR = 5;
    public static final int ORO = 6;
    public static final int PREFERENCE = 7;
    public static final int ELAPSED_TIME = 8;
    public static final int RELAY_MSG = 9;
    public static final int AUTH = 11;
    public static final int UNICAST = 12;
    public static final int STATUS_CODE = 13;
    public static final int RAPID_COMMIT = 14;
    public static final int USER_CLASS = 15;
    public static final int VENDOR_CLASS = 16;
    public static final int VENDOR_OPTS = 17;
    public static final int INTERFACE_ID = 18;
    public static final int RECONF_MSG = 19;
    public static final int RECONF_ACCEPT = 20;
    /** DNS recursive name servers (RFC 3646). */
    public static final int DNS_SERVERS = 23;
    /** Domain search list (RFC 3646). */
    public static final int DOMAIN_LIST = 24;
    public static final int IA_PD = 25;
    public static final int IAPREFIX = 26;
    /** SNTP servers (RFC 4075). */
    public static final int SNTP_SERVERS = 31;
    public static final int INFORMATION_REFRESH_TIME = 32;
    /** Relay agent remote-id (RFC 4649). */
    public static final int REMOTE_ID = 37;
    /** Client FQDN (RFC 4704). */
    public static final int CLIENT_FQDN = 39;
    /** NTP server (RFC 5908). */
    public static final int NTP_SERVER = 56;
    public static final int SOL_MAX_RT = 82;
    public static final int INF_MAX_RT = 83;
    /** Captive portal URI (RFC 8910). */
    public static final int CAPTIVE_PORTAL = 103;

    private Dhcp6OptionCode() {
    }

    /** A short name for a code, such as {@code IA_NA}, or {@code OPTION_n} for codes without one here. */
    public static String name(int code) {
        switch (code) {
            case CLIENTID: return "CLIENTID";
            case SERVERID: return "SERVERID";
            case IA_NA: return "IA_NA";
            case IA_TA: return "IA_TA";
            case IAADDR: return "IAADDR";
            case ORO: return "ORO";
            case PREFERENCE: return "PREFERENCE";
            case ELAPSED_TIME: return "ELAPSED_TIME";
            case RELAY_MSG: return "RELAY_MSG";
            case AUTH: return "AUTH";
            case UNICAST: return "UNICAST";
            case STATUS_CODE: return "STATUS_CODE";
            case RAPID_COMMIT: return "RAPID_COMMIT";
            case USER_CLASS: return "USER_CLASS";
            case VENDOR_CLASS: return "VENDOR_CLASS";
            case VENDOR_OPTS: return "VENDOR_OPTS";
            case INTERFACE_ID: return "INTERFACE_ID";
            case RECONF_MSG: return "RECONF_MSG";
            case RECONF_ACCEPT: return "RECONF_ACCEPT";
            case DNS_SERVERS: return "DNS_SERVERS";
            case DOMAIN_LIST: return "DOMAIN_LIST";
            case IA_PD: return "IA_PD";
            case IAPREFIX: return "IAPREFIX";
            case SNTP_SERVERS: return "SNTP_SERVERS";
            case INFORMATION_REFRESH_TIME: return "INFORMATION_REFRESH_TIME";
            case REMOTE_ID: return "REMOTE_ID";
            case CLIENT_FQDN: return "CLIENT_FQDN";
            case NTP_SERVER: return "NTP_SERVER";
            case SOL_MAX_RT: return "SOL_MAX_RT";
            case INF_MAX_RT: return "INF_MAX_RT";
            case CAPTIVE_PORTAL: return "CAPTIVE_PORTAL";
            default: return "OPTION_" + code;
        }
    }
}
