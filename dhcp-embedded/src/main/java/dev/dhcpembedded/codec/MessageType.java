package dev.dhcpembedded.codec;

/** The DHCP message type carried in option 53, as a value class: {@code DISCOVER(1)}. */
public final class MessageType {

    private static final MessageType[] BY_CODE = new MessageType[256];

    public static final MessageType DISCOVER = define(1, "DISCOVER", "Discover");
    public static final MessageType OFFER = define(2, "OFFER", "Offer");
    public static final MessageType REQUEST = define(3, "REQUEST", "Request");
    public static final MessageType DECLINE = define(4, "DECLINE", "Decline");
    public static final MessageType ACK = define(5, "ACK", "ACK");
    public static final MessageType NAK = define(6, "NAK", "NAK");
    public static final MessageType RELEASE = define(7, "RELEASE", "Release");
    public static final MessageType INFORM = define(8, "INFORM", "Inform");
    public static final MessageType FORCERENEW = define(9, "FORCERENEW", "Force Renew");
    public static final MessageType LEASEQUERY = define(10, "LEASEQUERY", "Lease query");
    public static final MessageType LEASEUNASSIGNED = define(11, "LEASEUNASSIGNED", "Lease Unassigned");
    public static final MessageType LEASEUNKNOWN = define(12, "LEASEUNKNOWN", "Lease Unknown");
    public static final MessageType LEASEACTIVE = define(13, "LEASEACTIVE", "Lease Active");

    static {
        for (int code = 0; code < 256; code++) {
            if (BY_CODE[code] == null) {
                BY_CODE[code] = new MessageType(code, "TYPE_" + code, "Unknown Message Type (" + code + ")");
            }
        }
    }

    private final int code;
    private final String name;
    private final String wiresharkName;

    private MessageType(int code, String name, String wiresharkName) {
        this.code = code;
        this.name = name;
        this.wiresharkName = wiresharkName;
    }

    private static MessageType define(int code, String name, String wiresharkName) {
        MessageType type = new MessageType(code, name, wiresharkName);
        BY_CODE[code] = type;
        return type;
    }

    public static MessageType of(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("message type " + code + " is outside 0..255");
        }
        return BY_CODE[code];
    }

    public int code() {
        return code;
    }

    /** {@code DISCOVER}, {@code ACK}, ... */
    public String name() {
        return name;
    }

    /** The name Wireshark prints in its Info column: {@code Discover}, {@code ACK}, ... */
    public String wiresharkName() {
        return wiresharkName;
    }

    /** Whether RFC 2131 or its successors define this type. */
    public boolean isKnown() {
        return !name.startsWith("TYPE_");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageType && ((MessageType) other).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
