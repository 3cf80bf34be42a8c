package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.journal.JournalEntry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * DHCPv6 RECONFIGURE (RFC 8415 §18.3.11) with reconfigure-key authentication (§20.4), over loopback: a client that
 * sends Reconfigure Accept gets its key in the REPLY, and the RECONFIGURE carries the HMAC-MD5 under it.
 */
class Reconfigure6Test {

    static final Duid CLIENT = Duid.ll(MacAddress.parse("02:00:00:00:00:42"));

    @Test
    void theKeyInTheReplySignsTheReconfigure() throws Exception {
        try (DhcpServer server = server(true); DatagramSocket socket = socket()) {
            Dhcp6Message reply = bind(server, socket, true);
            assertThat(reply.hasOption(Dhcp6OptionCode.RECONF_ACCEPT)).isTrue();
            byte[] auth = reply.option(Dhcp6OptionCode.AUTH).orElseThrow().value();
            assertThat(Arrays.copyOfRange(auth, 0, 3)).containsExactly(3, 1, 0);
            assertThat(auth[11]).isEqualTo((byte) 1);
            byte[] key = Arrays.copyOfRange(auth, 12, 28);

            server.v6().reconfigure(CLIENT, Dhcp6MessageType.RENEW);
            byte[] wire = receive(socket);
            Dhcp6Message reconfigure = Dhcp6Codec.decode(wire);

            assertThat(reconfigure.type()).contains(Dhcp6MessageType.RECONFIGURE);
            assertThat(reconfigure.transactionId()).isZero();
            assertThat(reconfigure.clientId()).contains(CLIENT);
            assertThat(reconfigure.option(Dhcp6OptionCode.RECONF_MSG).orElseThrow().value()).containsExactly(5);
            byte[] digest = reconfigure.option(Dhcp6OptionCode.AUTH).orElseThrow().value();
            assertThat(digest[11]).isEqualTo((byte) 2);
            int at = indexOf(wire, Arrays.copyOfRange(digest, 0, 12)) + 12;
            byte[] zeroed = wire.clone();
            Arrays.fill(zeroed, at, at + 16, (byte) 0);
            Mac md5 = Mac.getInstance("HmacMD5");
            md5.init(new SecretKeySpec(key, "HmacMD5"));
            assertThat(Arrays.copyOfRange(wire, at, at + 16)).isEqualTo(md5.doFinal(zeroed));
            JournalEntry sent = server.journal().sent(Dhcp6MessageType.RECONFIGURE).get(0);
            assertThat(sent.note()).contains("authenticated with the client's reconfigure key");
        }
    }

    @Test
    void withoutReconfigureAcceptNoKeyAndAnUnsignedReconfigure() throws Exception {
        try (DhcpServer server = server(true); DatagramSocket socket = socket()) {
            Dhcp6Message reply = bind(server, socket, false);
            assertThat(reply.hasOption(Dhcp6OptionCode.AUTH)).isFalse();
            server.v6().reconfigure(CLIENT, Dhcp6MessageType.INFORMATION_REQUEST);
            Dhcp6Message reconfigure = Dhcp6Codec.decode(receive(socket));
            assertThat(reconfigure.hasOption(Dhcp6OptionCode.AUTH)).isFalse();
            assertThat(server.journal().sent(Dhcp6MessageType.RECONFIGURE).get(0).note())
                    .contains("not authenticated");
        }
    }

    @Test
    void keysAreOffByDefault() throws Exception {
        try (DhcpServer server = server(false); DatagramSocket socket = socket()) {
            assertThat(bind(server, socket, true).hasOption(Dhcp6OptionCode.AUTH)).isFalse();
        }
    }

    @Test
    void onlyRenewRebindOrInformationRequestAndOnlyToABoundClient() throws Exception {
        try (DhcpServer server = server(true); DatagramSocket socket = socket()) {
            assertThatThrownBy(() -> server.v6().reconfigure(CLIENT, Dhcp6MessageType.RENEW))
                    .hasMessageContaining("has no bound lease");
            bind(server, socket, true);
            assertThatThrownBy(() -> server.v6().reconfigure(CLIENT, Dhcp6MessageType.SOLICIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RENEW, REBIND or");
        }
    }

    @Test
    void theReconfigureFindsTheClientAfterTheJournalEvictedItsExchange() throws Exception {
        Duid other = Duid.ll(MacAddress.parse("02:00:00:00:00:43"));
        try (DhcpServer server = DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100",
                "2001:db8:1::1ff")).journal(4, 1L << 20).start();
             DatagramSocket socket = socket(); DatagramSocket otherSocket = socket()) {
            bind(server, socket, CLIENT, false); // keys off: the REQUEST is answered in place
            for (int i = 0; i < 2; i++) { // another client's exchanges push the first one's out of the journal
                bind(server, otherSocket, other, false);
            }
            assertThat(server.journal().forDuid(CLIENT)).as("the client's exchange left the journal").isEmpty();

            server.v6().reconfigure(CLIENT, Dhcp6MessageType.RENEW);

            Dhcp6Message reconfigure = Dhcp6Codec.decode(receive(socket));
            assertThat(reconfigure.type()).contains(Dhcp6MessageType.RECONFIGURE);
            assertThat(reconfigure.clientId()).contains(CLIENT);
        }
    }

    @Test
    void afterTheJournalIsClearedTheReconfigureGoesWhereTheLastRenewalsReplyWent() throws Exception {
        try (DhcpServer server = server(true); DatagramSocket first = socket(); DatagramSocket renewing = socket()) {
            Dhcp6Message reply = bind(server, first, CLIENT, true); // keys on: the decoded path
            Dhcp6Message renewed = exchange(renewing, server.v6().address(), message(Dhcp6MessageType.RENEW, 3, CLIENT,
                    true).option(Dhcp6Option.serverId(reply.serverId().orElseThrow()))
                    .option(Dhcp6Option.iaNa(reply.iaNa().get(0))).build());
            assertThat(renewed.type()).contains(Dhcp6MessageType.REPLY);
            server.journal().clear();

            server.v6().reconfigure(CLIENT, Dhcp6MessageType.RENEW);

            assertThat(Dhcp6Codec.decode(receive(renewing)).type()).contains(Dhcp6MessageType.RECONFIGURE);
        }
    }

    private static DhcpServer server(boolean keys) {
        var builder = DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100",
                "2001:db8:1::1ff"));
        return (keys ? builder.reconfigureKeys() : builder).start();
    }

    private static DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0));
        socket.setSoTimeout(3000);
        return socket;
    }

    /** SOLICIT, ADVERTISE, REQUEST (with Reconfigure Accept if asked), REPLY. */
    private static Dhcp6Message bind(DhcpServer server, DatagramSocket socket, boolean accept) throws Exception {
        return bind(server, socket, CLIENT, accept);
    }

    private static Dhcp6Message bind(DhcpServer server, DatagramSocket socket, Duid client, boolean accept)
            throws Exception {
        InetSocketAddress to = server.v6().address();
        Dhcp6Message advertise = exchange(socket, to, message(Dhcp6MessageType.SOLICIT, 1, client, accept).build());
        return exchange(socket, to, message(Dhcp6MessageType.REQUEST, 2, client, accept)
                .option(Dhcp6Option.serverId(advertise.serverId().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0, Dhcp6Option.iaAddress(advertise.iaNa().get(0)
                        .addresses().get(0))))).build());
    }

    private static Dhcp6Message.Builder message(Dhcp6MessageType type, int xid, Duid client, boolean accept) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(type).transactionId(xid).option(Dhcp6Option.clientId(client))
                .option(Dhcp6Option.elapsedTime(0));
        if (type == Dhcp6MessageType.SOLICIT) {
            b.option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)));
        }
        return accept ? b.option(Dhcp6Option.of(Dhcp6OptionCode.RECONF_ACCEPT, new byte[0])) : b;
    }

    private static Dhcp6Message exchange(DatagramSocket socket, InetSocketAddress server, Dhcp6Message request)
            throws Exception {
        byte[] bytes = Dhcp6Codec.encode(request);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
        return Dhcp6Codec.decode(receive(socket));
    }

    private static byte[] receive(DatagramSocket socket) throws Exception {
        DatagramPacket in = new DatagramPacket(new byte[65535], 65535);
        socket.receive(in);
        return Arrays.copyOf(in.getData(), in.getLength());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
