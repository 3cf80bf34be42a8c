package dev.dhcpembedded.internal.pcap;

/** The link types the reader understands, and where the IP (v4 or v6) header starts in a frame of each. */
final class LinkLayer {

    static final int ETHERNET = 1;
    static final int RAW = 101;
    static final int LINUX_SLL = 113;
    static final int IPV4 = 228;
    static final int IPV6 = 229;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;

    private LinkLayer() {
    }

    static boolean isSupported(int linkType) {
        return linkType == ETHERNET || linkType == RAW || linkType == LINUX_SLL || linkType == IPV4
                || linkType == IPV6;
    }

    /** The offset of the IPv4 or IPv6 header in {@code frame}, or -1 when the frame carries neither. */
    static int ipOffset(int linkType, byte[] frame, int length) {
        switch (linkType) {
            case ETHERNET:
                return afterEthertype(frame, length, 12);
            case LINUX_SLL:
                return afterEthertype(frame, length, 14);
            case RAW:
                return length > 0 && ((frame[0] & 0xF0) == 0x40 || (frame[0] & 0xF0) == 0x60) ? 0 : -1;
            case IPV4:
                return length > 0 && (frame[0] & 0xF0) == 0x40 ? 0 : -1;
            case IPV6:
                return length > 0 && (frame[0] & 0xF0) == 0x60 ? 0 : -1;
            default:
                return -1;
        }
    }

    /** Reads the EtherType at {@code at}, stepping over 802.1Q / 802.1ad tags. */
    private static int afterEthertype(byte[] frame, int length, int at) {
        while (at + 2 <= length) {
            int type = ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
            if (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) {
                at += 4;
                continue;
            }
            return type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6 ? at + 2 : -1;
        }
        return -1;
    }
}
