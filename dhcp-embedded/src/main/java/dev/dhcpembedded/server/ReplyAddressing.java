package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.codec.Fields;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.codec.MessageType;
import java.net.InetSocketAddress;

/** Where RFC 2131 §4.1 sends a reply, and where a request would have come from on a real link. */
final class ReplyAddressing {

    public static final int SERVER_PORT = 67;
    public static final int CLIENT_PORT = 68;

    private ReplyAddressing() {
    }

    /**
     * To the relay (giaddr) on port 67; a NAK without relay is broadcast; to ciaddr when set; broadcast when the
     * client set the broadcast flag; otherwise to yiaddr (unicast to chaddr).
     */
    public static InetSocketAddress destination(DhcpMessage request, DhcpMessage reply) {
        if (Fields.giaddr(request) != 0) {
            return socket(Fields.giaddr(request), SERVER_PORT);
        }
        if (reply.is(MessageType.NAK)) {
            return socket(0xFFFFFFFF, CLIENT_PORT);
        }
        if (Fields.ciaddr(request) != 0) {
            return socket(Fields.ciaddr(request), CLIENT_PORT);
        }
        if (request.isBroadcast() || Fields.yiaddr(reply) == 0) {
            return socket(0xFFFFFFFF, CLIENT_PORT);
        }
        return socket(Fields.yiaddr(reply), CLIENT_PORT);
    }

    /** The source a request shows on a link: the relay, the client's address, or 0.0.0.0:68. */
    static InetSocketAddress linkSource(DhcpMessage request) {
        if (Fields.giaddr(request) != 0) {
            return socket(Fields.giaddr(request), SERVER_PORT);
        }
        return socket(Fields.ciaddr(request), CLIENT_PORT);
    }

    /** The destination a request shows on a link: the server when it has an address to unicast from, else broadcast. */
    static InetSocketAddress linkDestination(DhcpMessage request, int serverId) {
        if (Fields.giaddr(request) != 0 || Fields.ciaddr(request) != 0) {
            return socket(serverId, SERVER_PORT);
        }
        return socket(0xFFFFFFFF, SERVER_PORT);
    }

    static InetSocketAddress socket(int address, int port) {
        return new InetSocketAddress(Ipv4.fromInt(address), port);
    }
}
