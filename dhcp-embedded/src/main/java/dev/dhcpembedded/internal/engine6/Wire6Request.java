package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6OptionCode;

/**
 * A DHCPv6 client message read where it lies, after {@code Dhcp6Codec.check}: its header and where its options are,
 * the first of each kind the engine asks for, and how many IA_NA, IA_PD and IA_TA it holds. Reused from one message
 * to the next; it keeps the array, so it is read before the array is reused.
 */
public final class Wire6Request {

    static final int CLIENTID = Dhcp6OptionCode.CLIENTID.code();
    static final int SERVERID = Dhcp6OptionCode.SERVERID.code();
    static final int IA_NA = Dhcp6OptionCode.IA_NA.code();
    static final int IA_TA = Dhcp6OptionCode.IA_TA.code();
    static final int IA_PD = Dhcp6OptionCode.IA_PD.code();
    static final int IAADDR = Dhcp6OptionCode.IAADDR.code();
    static final int IAPREFIX = Dhcp6OptionCode.IAPREFIX.code();
    static final int ORO = Dhcp6OptionCode.ORO.code();
    static final int RAPID_COMMIT = Dhcp6OptionCode.RAPID_COMMIT.code();

    private byte[] p;
    private int start;
    private int end;
    private int type;
    private int xid;
    /** Where the first option of a kind starts (its header), or -1. */
    private int clientId;
    private int serverId;
    private int oro;
    private boolean rapidCommit;
    private int iaNa;
    private int iaPd;
    private int iaTa;
    private java.net.InetSocketAddress source;

    /** Reads the client message at {@code bytes[offset, offset + length)}, which the codec has checked. */
    public Wire6Request read(byte[] bytes, int offset, int length) {
        p = bytes;
        source = null;
        start = offset;
        end = offset + length;
        type = bytes[offset] & 0xFF;
        xid = ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
        clientId = -1;
        serverId = -1;
        oro = -1;
        rapidCommit = false;
        iaNa = 0;
        iaPd = 0;
        iaTa = 0;
        for (int at = firstOption(); at < end; at = next(at)) {
            int code = code(at);
            if (code == CLIENTID && clientId < 0) {
                clientId = at;
            } else if (code == SERVERID && serverId < 0) {
                serverId = at;
            } else if (code == ORO && oro < 0) {
                oro = at;
            } else if (code == RAPID_COMMIT) {
                rapidCommit = true;
            } else if (code == IA_NA) {
                iaNa++;
            } else if (code == IA_PD) {
                iaPd++;
            } else if (code == IA_TA) {
                iaTa++;
            }
        }
        return this;
    }

    public byte[] bytes() {
        return p;
    }

    public int start() {
        return start;
    }

    public int length() {
        return end - start;
    }

    /**
     * Notes the socket the message came from (where a reply to it goes back to); {@link #read} forgets it.
     *
     * @return this
     */
    public Wire6Request from(java.net.InetSocketAddress sender) {
        this.source = sender;
        return this;
    }

    /** {@return the socket the message came from, or null when not known (see {@link #from})} */
    public java.net.InetSocketAddress source() {
        return source;
    }

    public int type() {
        return type;
    }

    public int transactionId() {
        return xid;
    }

    /** The first client identifier option's position (its header), or -1. */
    public int clientId() {
        return clientId;
    }

    /** The first server identifier option's position, or -1. */
    public int serverId() {
        return serverId;
    }

    /** The first ORO's position, or -1. */
    public int oro() {
        return oro;
    }

    public boolean rapidCommit() {
        return rapidCommit;
    }

    public int iaNaCount() {
        return iaNa;
    }

    public int iaPdCount() {
        return iaPd;
    }

    public int iaTaCount() {
        return iaTa;
    }

    /** The position of the first option. */
    public int firstOption() {
        return start + 4;
    }

    /** The end of the message's options: iterate while a position is before it. */
    public int end() {
        return end;
    }

    /** The position of the option after the one at {@code at}. */
    public int next(int at) {
        return at + 4 + length(at);
    }

    /** The code of the option at {@code at}. */
    public int code(int at) {
        return u16(p, at);
    }

    /** The value length of the option at {@code at}. */
    public int length(int at) {
        return u16(p, at + 2);
    }

    /** Where the value of the option at {@code at} starts. */
    public static int value(int at) {
        return at + 4;
    }

    /** The first option of {@code code} (an IAADDR, an IAPREFIX) inside the IA option at {@code ia}, or -1. */
    public int entry(int ia, int code) {
        int end = next(ia);
        for (int at = value(ia) + 12; at < end; at = next(at)) {
            if (code(at) == code) {
                return at;
            }
        }
        return -1;
    }

    /** Whether an IAADDR inside the IA option at {@code ia} lies in {@code prefix}. */
    public boolean anyAddressIn(int ia, Prefix6 prefix) {
        int end = next(ia);
        for (int at = value(ia) + 12; at < end; at = next(at)) {
            if (code(at) == IAADDR && prefix.contains(u64(value(at)), u64(value(at) + 8))) {
                return true;
            }
        }
        return false;
    }

    public int u16(int at) {
        return u16(p, at);
    }

    public long u32(int at) {
        return ((long) (p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8)
                | (p[at + 3] & 0xFF);
    }

    public long u64(int at) {
        return u32(at) << 32 | u32(at + 4);
    }

    /** The address (or prefix) at {@code p[at, at + 16)}. */
    public Addr6 address(int at) {
        return Addr6.read(p, at);
    }

    static int u16(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }
}
