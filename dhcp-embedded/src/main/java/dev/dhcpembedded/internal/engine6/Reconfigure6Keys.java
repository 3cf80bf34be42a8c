package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.ReconfigureKeyAuth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DHCPv6 reconfigure keys (RFC 8415 §18.3.11, §20.4): a client that sends Reconfigure Accept (20) gets, in each
 * REPLY, Reconfigure Accept and an authentication option (11) with its key; a RECONFIGURE to it carries a
 * Reconfigure Message option (19) and the HMAC-MD5 of the whole message under that key.
 */
public final class Reconfigure6Keys {

    private final ReconfigureKeyAuth auth = new ReconfigureKeyAuth();
    private final Map<Duid, byte[]> keys = new ConcurrentHashMap<>();

    /**
     * {@return the reply, with the client's key when it asked for reconfiguration} Only a REPLY to a request that
     * carries Reconfigure Accept and a client identifier gets one; anything else is returned as it is.
     *
     * @param request what the client sent (not relayed)
     * @param reply the engine's answer
     */
    public Dhcp6Message grant(Dhcp6Message request, Dhcp6Message reply) {
        Optional<Duid> client = request.clientId();
        if (!reply.is(Dhcp6MessageType.REPLY) || !request.hasOption(Dhcp6OptionCode.RECONF_ACCEPT)
                || client.isEmpty()) {
            return reply;
        }
        byte[] key = keys.computeIfAbsent(client.get(), d -> auth.newKey());
        return reply.toBuilder().option(Dhcp6Option.of(Dhcp6OptionCode.RECONF_ACCEPT, new byte[0]))
                .option(Dhcp6Option.of(Dhcp6OptionCode.AUTH, auth.keyValue(key))).build();
    }

    /**
     * A RECONFIGURE (transaction id 0) telling the client to send {@code type}.
     *
     * @param client the client
     * @param server the server's DUID
     * @param type RENEW, REBIND or INFORMATION_REQUEST
     * @return the encoded message, signed with the client's key when it holds one
     */
    public byte[] reconfigure(Duid client, Duid server, Dhcp6MessageType type) {
        if (type != Dhcp6MessageType.RENEW && type != Dhcp6MessageType.REBIND
                && type != Dhcp6MessageType.INFORMATION_REQUEST) {
            throw new IllegalArgumentException("a RECONFIGURE asks for RENEW, REBIND or INFORMATION_REQUEST, not "
                    + type + " (RFC 8415 §21.19)");
        }
        byte[] key = keys.get(client);
        Dhcp6Message.Builder message = Dhcp6Message.builder(Dhcp6MessageType.RECONFIGURE).transactionId(0)
                .option(Dhcp6Option.serverId(server)).option(Dhcp6Option.clientId(client))
                .option(Dhcp6Option.of(Dhcp6OptionCode.RECONF_MSG, new byte[] {(byte) type.code()}));
        if (key != null) {
            message.option(Dhcp6Option.of(Dhcp6OptionCode.AUTH, auth.digestValue()));
        }
        byte[] bytes = Dhcp6Codec.encode(message.build());
        if (key != null) {
            ReconfigureKeyAuth.sign(bytes, authValueAt(bytes), key);
        }
        return bytes;
    }

    /**
     * {@return whether the client was given a key}
     *
     * @param client the client
     */
    public boolean holdsKey(Duid client) {
        return keys.containsKey(client);
    }

    /** Forgets every key (the server's reset). */
    public void clear() {
        keys.clear();
    }

    private static int authValueAt(byte[] message) {
        int at = 4;
        while (at + 4 <= message.length) {
            int code = (message[at] & 0xFF) << 8 | (message[at + 1] & 0xFF);
            int length = (message[at + 2] & 0xFF) << 8 | (message[at + 3] & 0xFF);
            if (code == Dhcp6OptionCode.AUTH.code()) {
                return at + 4;
            }
            at += 4 + length;
        }
        throw new IllegalStateException("no authentication option in the encoded RECONFIGURE");
    }
}
