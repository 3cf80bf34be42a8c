package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.wire.ReconfigureKeyAuth;
import dev.dhcpembedded.internal.wire.ReplyWriter;
import dev.dhcpembedded.internal.wire.WireRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * RFC 6704's reconfigure keys: the key each client was given in its ACK, and the FORCERENEW (RFC 3203) a key
 * authenticates. A key goes, in an authentication option (90: protocol 3, HMAC-MD5, replay detection 0 with a
 * strictly increasing counter, type 1 and 16 random bytes), only to a client whose option 145 names HMAC-MD5. The
 * FORCERENEW carries type 2 and the HMAC-MD5 of the whole message under that key, computed with the digest, hops
 * and giaddr zeroed (RFC 3118 §5). Used under the lease engine's lock.
 */
public final class ReconfigureKeys {

    private final ReconfigureKeyAuth auth = new ReconfigureKeyAuth();
    private final Map<MacAddress, byte[]> keys = new HashMap<>();

    /** Writes the client's key into the ACK being written, when the client can use one. */
    void grant(WireRequest request, ReplyWriter reply) {
        if (!capable(request) || request.hlen() != 6) {
            return;
        }
        byte[] chaddr = java.util.Arrays.copyOfRange(request.bytes(), WireRequest.CHADDR_OFFSET,
                WireRequest.CHADDR_OFFSET + 6);
        byte[] key = keys.computeIfAbsent(MacAddress.of(chaddr), m -> auth.newKey());
        byte[] value = auth.keyValue(key);
        reply.option(OptionCode.AUTHENTICATION.code(), value, 0, value.length);
    }

    /**
     * A FORCERENEW to the client bound on {@code row} (null: none), with the transaction id of its last ACK (clients
     * such as dhcpcd drop one with another), authenticated when it holds a key.
     */
    ForceRenew forceRenew(MacAddress mac, LeaseTable.Row row, int serverId) {
        if (row == null) {
            throw new IllegalStateException("client " + mac + " holds no bound lease, so there is nothing to renew;"
                    + " let it get one first (a FORCERENEW goes to a bound client's address)");
        }
        if (!row.acked) {
            throw new IllegalStateException("client " + mac + " is bound to " + Ipv4.toString(row.address)
                    + " without a DHCPACK from this server (a BOOTP client): a FORCERENEW carries the transaction id"
                    + " of the client's last ACK, so let it get one (a DHCP REQUEST) first");
        }
        return new ForceRenew(message(mac, row.ackXid, serverId), row.address, row.ackPeer, keys.containsKey(mac));
    }

    /**
     * A FORCERENEW ready to send.
     *
     * @param message the datagram's payload
     * @param clientAddress the client's leased address, where it goes
     * @param peer the socket the client's last ACK went back to (its REQUEST's source), or null when not known
     * @param authenticated whether it carries the digest under the client's reconfigure key (RFC 6704)
     */
    public record ForceRenew(byte[] message, int clientAddress, java.net.InetSocketAddress peer,
                             boolean authenticated) {
    }

    private byte[] message(MacAddress mac, int xid, int serverId) {
        byte[] key = keys.get(mac);
        var message = DhcpMessage.builder().op(DhcpMessage.BOOTREPLY).chaddr(mac).xid(xid)
                .messageType(MessageType.FORCERENEW).option(DhcpOptions.serverIdentifier(Ipv4.toString(serverId)));
        if (key != null) {
            message.option(DhcpOption.of(OptionCode.AUTHENTICATION, auth.digestValue()));
        }
        byte[] bytes = DhcpCodec.encode(message.build());
        if (key != null) { // over the message with the digest (still zero), hops and giaddr 0 (RFC 3118 §5)
            ReconfigureKeyAuth.sign(bytes, valueOffset(bytes, OptionCode.AUTHENTICATION.code()), key);
        }
        return bytes;
    }

    /** Forgets every key (the server's reset). */
    void clear() {
        keys.clear();
    }

    private static boolean capable(WireRequest request) {
        int i = request.find(OptionCode.FORCERENEW_NONCE_CAPABLE.code());
        if (i < 0) {
            return false;
        }
        return ReconfigureKeyAuth.namesHmacMd5(request.optionBufferAt(i), request.optionOffsetAt(i),
                request.optionLengthAt(i));
    }

    /** Where option {@code code}'s value starts in an encoded message (the encoder writes it in the options field). */
    private static int valueOffset(byte[] message, int code) {
        int at = 240;
        while (at + 1 < message.length && (message[at] & 0xFF) != 255) {
            int c = message[at] & 0xFF;
            if (c == 0) {
                at++;
                continue;
            }
            if (c == code) {
                return at + 2;
            }
            at += 2 + (message[at + 1] & 0xFF);
        }
        throw new IllegalStateException("option " + code + " missing from the encoded FORCERENEW");
    }
}
