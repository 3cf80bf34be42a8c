package dev.dhcpembedded.codec;

/** The DHCP message type carried in option 53, as a value class: {@code DISCOVER(1)}. */
public final class MessageType {

    private static final MessageType[] BY_CODE = new MessageType[256];

    /** DHCPDISCOVER (1): a client looks for servers (RFC 2131). */
    public static final MessageType DISCOVER = define(1, "DISCOVER", "Discover");
    /** DHCPOFFER (2): a server offers an address (RFC 2131). */
    public static final MessageType OFFER = define(2, "OFFER", "Offer");
    /** DHCPREQUEST (3): a client asks for, confirms, renews or rebinds an address (RFC 2131). */
    public static final MessageType REQUEST = define(3, "REQUEST", "Request");
    /** DHCPDECLINE (4): a client found the offered address in use (RFC 2131). */
    public static final MessageType DECLINE = define(4, "DECLINE", "Decline");
    /** DHCPACK (5): a server grants the lease or answers an INFORM (RFC 2131). */
    public static final MessageType ACK = define(5, "ACK", "ACK");
    /** DHCPNAK (6): a server refuses the request (RFC 2131). */
    public static final MessageType NAK = define(6, "NAK", "NAK");
    /** DHCPRELEASE (7): a client gives its address back (RFC 2131). */
    public static final MessageType RELEASE = define(7, "RELEASE", "Release");
    /** DHCPINFORM (8): a client with an address asks for configuration only (RFC 2131). */
    public static final MessageType INFORM = define(8, "INFORM", "Inform");
    /** DHCPFORCERENEW (9): a server tells a client to renew (RFC 3203). */
    public static final MessageType FORCERENEW = define(9, "FORCERENEW", "Force Renew");
    /** DHCPLEASEQUERY (10): a relay asks about a lease (RFC 4388). */
    public static final MessageType LEASEQUERY = define(10, "LEASEQUERY", "Lease query");
    /** DHCPLEASEUNASSIGNED (11): leasequery answer, the address is not leased (RFC 4388). */
    public static final MessageType LEASEUNASSIGNED = define(11, "LEASEUNASSIGNED", "Lease Unassigned");
    /** DHCPLEASEUNKNOWN (12): leasequery answer, the server knows nothing of it (RFC 4388). */
    public static final MessageType LEASEUNKNOWN = define(12, "LEASEUNKNOWN", "Lease Unknown");
    /** DHCPLEASEACTIVE (13): leasequery answer, the lease is active (RFC 4388). */
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

    /**
     * The type of a code; codes without a name get one such as {@code TYPE_42}.
     *
     * @param code the value of option 53, 0 to 255
     * @return the type
     * @throws IllegalArgumentException if {@code code} is outside 0..255
     */
    public static MessageType of(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("message type " + code + " is outside 0..255");
        }
        return BY_CODE[code];
    }

    /** {@return the value of option 53, 0 to 255} */
    public int code() {
        return code;
    }

    /** {@return the name: {@code DISCOVER}, {@code ACK}, ..., or {@code TYPE_42} for an undefined code} */
    public String name() {
        return name;
    }

    /** {@return the name Wireshark prints in its Info column: {@code Discover}, {@code ACK}, ...} */
    public String wiresharkName() {
        return wiresharkName;
    }

    /** {@return whether RFC 2131 or its successors define this type} */
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
