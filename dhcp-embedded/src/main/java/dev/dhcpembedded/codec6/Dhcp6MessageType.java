package dev.dhcpembedded.codec6;

import java.util.Optional;

/** The message types of RFC 8415 section 7.3, with their names as RFC 8415 spells them. */
public enum Dhcp6MessageType {
    SOLICIT(1, "SOLICIT", "Solicit"),
    ADVERTISE(2, "ADVERTISE", "Advertise"),
    REQUEST(3, "REQUEST", "Request"),
    CONFIRM(4, "CONFIRM", "Confirm"),
    RENEW(5, "RENEW", "Renew"),
    REBIND(6, "REBIND", "Rebind"),
    REPLY(7, "REPLY", "Reply"),
    RELEASE(8, "RELEASE", "Release"),
    DECLINE(9, "DECLINE", "Decline"),
    RECONFIGURE(10, "RECONFIGURE", "Reconfigure"),
    INFORMATION_REQUEST(11, "INFORMATION-REQUEST", "Information-request"),
    RELAY_FORW(12, "RELAY-FORW", "Relay-forw"),
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

    /** The msg-type byte. */
    public int code() {
        return code;
    }

    /** The name RFC 8415 gives, such as {@code INFORMATION-REQUEST} or {@code RELAY-FORW}. */
    public String rfcName() {
        return rfcName;
    }

    /** The name Wireshark shows in its Info column, such as {@code Solicit}. */
    public String wiresharkName() {
        return wiresharkName;
    }

    /** Whether messages of this type have the relay format (hop count, link and peer address). */
    public boolean isRelay() {
        return this == RELAY_FORW || this == RELAY_REPL;
    }

    /** The type of a msg-type byte, empty for codes RFC 8415 does not define. */
    public static Optional<Dhcp6MessageType> of(int code) {
        return code > 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
