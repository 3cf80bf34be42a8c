package dev.dhcpembedded.codec6;

import java.util.Optional;

/** The message types of RFC 8415 section 7.3, with their names as RFC 8415 spells them. */
public enum Dhcp6MessageType {
    /** SOLICIT (1): a client looks for servers. */
    SOLICIT(1, "SOLICIT", "Solicit"),
    /** ADVERTISE (2): a server offers its service. */
    ADVERTISE(2, "ADVERTISE", "Advertise"),
    /** REQUEST (3): a client asks a chosen server for leases. */
    REQUEST(3, "REQUEST", "Request"),
    /** CONFIRM (4): a client asks whether its addresses are still on-link. */
    CONFIRM(4, "CONFIRM", "Confirm"),
    /** RENEW (5): a client extends its leases with the server that gave them. */
    RENEW(5, "RENEW", "Renew"),
    /** REBIND (6): a client extends its leases with any server. */
    REBIND(6, "REBIND", "Rebind"),
    /** REPLY (7): a server's answer. */
    REPLY(7, "REPLY", "Reply"),
    /** RELEASE (8): a client gives leases back. */
    RELEASE(8, "RELEASE", "Release"),
    /** DECLINE (9): a client reports addresses already in use. */
    DECLINE(9, "DECLINE", "Decline"),
    /** RECONFIGURE (10): a server tells a client to renew or to ask again. */
    RECONFIGURE(10, "RECONFIGURE", "Reconfigure"),
    /** INFORMATION-REQUEST (11): a client asks for configuration without leases. */
    INFORMATION_REQUEST(11, "INFORMATION-REQUEST", "Information-request"),
    /** RELAY-FORW (12): a relay agent forwards a message to a server. */
    RELAY_FORW(12, "RELAY-FORW", "Relay-forw"),
    /** RELAY-REPL (13): a server's answer through a relay agent. */
    RELAY_REPL(13, "RELAY-REPL", "Relay-reply");

    private static final Dhcp6MessageType[] BY_CODE = new Dhcp6MessageType[14];

    static {
        for (Dhcp6MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final String rfcName;
    private final String wiresharkName;

    Dhcp6MessageType(int code, String rfcName, String wiresharkName) {
        this.code = code;
        this.rfcName = rfcName;
        this.wiresharkName = wiresharkName;
    }

    /** {@return the msg-type byte, 1 to 13} */
    public int code() {
        return code;
    }

    /** {@return the name RFC 8415 gives, such as {@code INFORMATION-REQUEST} or {@code RELAY-FORW}} */
    public String rfcName() {
        return rfcName;
    }

    /** {@return the name Wireshark shows in its Info column, such as {@code Solicit}} */
    public String wiresharkName() {
        return wiresharkName;
    }

    /** {@return whether messages of this type have the relay format (hop count, link and peer address)} */
    public boolean isRelay() {
        return this == RELAY_FORW || this == RELAY_REPL;
    }

    /**
     * The type of a msg-type byte, empty for codes RFC 8415 does not define.
     *
     * @param code the msg-type byte
     * @return the type, or empty for codes RFC 8415 does not define
     */
    public static Optional<Dhcp6MessageType> of(int code) {
        return code > 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
