package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.internal.wire.Ipv4;
import java.net.InetSocketAddress;

/** Where RFC 2131 §4.1 sends a reply, and where a request would have come from on a real link. */
public final class ReplyAddressing {

    public static final int SERVER_PORT = 67;
    public static final int CLIENT_PORT = 68;

    private ReplyAddressing() {
    }

    /**
     * Where RFC 2131 §4.1 sends a reply, as {@code ip << 32 | port} (read with {@link #ip(long)} and
     * {@link #port(long)}): the packet path makes no address for it. To the relay (giaddr) on port 67; a NAK without
     * relay is broadcast; to ciaddr when set; broadcast when the client set the broadcast flag; otherwise to yiaddr
     * (unicast to chaddr). Never by unicast to {@code ownAddress}, the server's own: such a datagram would loop back
     * inside the server's host and never reach the client (a stub may hand out any address), so it is broadcast.
     */
    public static long destination(int giaddr, int ciaddr, boolean broadcastFlag, boolean nak, int yiaddr,
                                   int ownAddress) {
        if (giaddr != 0) {
            return pack(giaddr, SERVER_PORT);
        }
        int unicast = nak ? 0 : ciaddr != 0 ? ciaddr : broadcastFlag ? 0 : yiaddr;
        if (unicast == 0 || unicast == ownAddress) {
            return pack(0xFFFFFFFF, CLIENT_PORT);
        }
        return pack(unicast, CLIENT_PORT);
    }

    /** {@code ip}, port 68, packed: where a stub sends a reply it addressed itself ({@code broadcast()}, ...). */
    public static long toClient(int ip) {
        return pack(ip, CLIENT_PORT);
    }

    /** The source a request shows on a link, as {@code ip << 32 | port}. */
    public static long linkSource(int giaddr, int ciaddr) {
        return giaddr != 0 ? pack(giaddr, SERVER_PORT) : pack(ciaddr, CLIENT_PORT);
    }

    /** Where a request goes on a link: unicast to the server when relayed or renewing, else broadcast; packed. */
    public static long linkDestination(int giaddr, int ciaddr, int serverId) {
        return giaddr != 0 || ciaddr != 0 ? pack(serverId, SERVER_PORT) : pack(0xFFFFFFFF, SERVER_PORT);
    }

    private static long pack(int ip, int port) {
        return (long) ip << 32 | port;
    }

    public static int ip(long packed) {
        return (int) (packed >>> 32);
    }

    public static int port(long packed) {
        return (int) packed & 0xFFFF;
    }

    public static InetSocketAddress socket(int address, int port) {
        return new InetSocketAddress(Ipv4.fromInt(address), port);
    }
}
