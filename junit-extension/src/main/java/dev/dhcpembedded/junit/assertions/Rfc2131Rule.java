package dev.dhcpembedded.junit.assertions;

/** The RFC 2131 rules {@link DhcpClientAssert#conformsToRfc2131()} checks a client's messages against. */
public enum Rfc2131Rule {

    MESSAGE_TYPE("a client message is a BOOTREQUEST (op 1) with a DHCP message type (53)", "RFC 2131 §2, §3"),
    DISCOVER_CIADDR_ZERO("a DISCOVER has ciaddr 0", "RFC 2131 table 5"),
    DISCOVER_NO_SERVER_ID("a DISCOVER carries no server identifier (54)", "RFC 2131 table 5"),
    NEW_DISCOVER_NEW_XID("a new DISCOVER uses a new xid, not one of an earlier transaction", "RFC 2131 §4.4.1"),
    SELECTING_REQUEST("a REQUEST in SELECTING carries the server identifier (54) and the requested IP address (50),"
            + " and ciaddr 0", "RFC 2131 §4.3.2, table 5"),
    INIT_REBOOT_REQUEST("a REQUEST in INIT-REBOOT carries the requested IP address (50) and no server identifier"
            + " (54)", "RFC 2131 §4.3.2, table 5"),
    EXTENDING_REQUEST("a REQUEST in RENEWING or REBINDING sets ciaddr and carries neither the requested IP address"
            + " (50) nor the server identifier (54)", "RFC 2131 §4.3.2, table 5"),
    SECS_MONOTONIC("'secs' never goes backwards within one transaction (same xid)", "RFC 2131 §4.4.1, table 5"),
    DECLINE_FIELDS("a DECLINE has ciaddr 0 and carries the requested IP address (50) and the server identifier (54)",
            "RFC 2131 table 5"),
    RELEASE_FIELDS("a RELEASE sets ciaddr, carries the server identifier (54) and no requested IP address (50)",
            "RFC 2131 §4.4.6, table 5"),
    INFORM_FIELDS("an INFORM sets ciaddr and carries no requested IP address (50), lease time (51) or server"
            + " identifier (54)", "RFC 2131 §4.4.3, table 5"),
    CLIENT_ID_STABLE("a client that sent a client identifier (61) sends the same one in every later message",
            "RFC 2131 §4.2"),
    MAX_MESSAGE_SIZE("a maximum message size (57) is at least 576", "RFC 2132 §9.10"),
    RAPID_COMMIT_PLACEMENT("rapid commit (80) appears only in a DISCOVER or a REQUEST", "RFC 4039 §3, §4"),
    IPV6_ONLY_NO_REQUEST("a client that asked for IPv6-only preferred (108) and got it in an OFFER does not REQUEST"
            + " that offer; it stops DHCPv4 for V6ONLY_WAIT", "RFC 8925 §3.2"),
    IPV6_ONLY_WHEN_ASKED("an OFFER or ACK carries IPv6-only preferred (108) only when the client's message it"
            + " answers asked for 108 in its parameter request list (55); a server's fault, seen by this client",
            "RFC 8925 §3.3");

    private final String text;
    private final String reference;

    Rfc2131Rule(String text, String reference) {
        this.text = text;
        this.reference = reference;
    }

    /** The rule as a sentence. */
    public String text() {
        return text;
    }

    /** Where it is written, e.g. {@code RFC 2131 table 5}. */
    public String reference() {
        return reference;
    }
}
