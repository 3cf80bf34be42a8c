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
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;
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

    /** A FORCERENEW to a bound client ({@code leases}: the table now), authenticated when it holds a key. */
    ForceRenew forceRenew(MacAddress mac, int xid, int serverId, java.util.List<Lease> leases) {
        Lease bound = null;
        for (Lease lease : leases) {
            if (lease.mac().equals(mac) && lease.state() == LeaseState.BOUND) {
                bound = lease;
            }
        }
        if (bound == null) {
            throw new IllegalStateException("client " + mac + " holds no bound lease, so there is nothing to renew;"
                    + " let it get one first (a FORCERENEW goes to a bound client's address)");
        }
        return new ForceRenew(message(mac, xid, serverId), Ipv4.toInt(bound.address()), keys.containsKey(mac));
    }

    /**
     * A FORCERENEW ready to send.
     *
     * @param message the datagram's payload
     * @param clientAddress the client's leased address, where it goes
     * @param authenticated whether it carries the digest under the client's reconfigure key (RFC 6704)
     */
    public record ForceRenew(byte[] message, int clientAddress, boolean authenticated) {
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
