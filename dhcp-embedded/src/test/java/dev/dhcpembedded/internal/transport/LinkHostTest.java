package dev.dhcpembedded.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.transport.Datagram;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** What the second server's host on the link hears and how its frames look, frame by frame. */
class LinkHostTest {

    static final byte[] HOST_MAC = {0x02, 0x5e, 10, 20, 0, 2};
    static final int HOST = Ipv4.parseInt("10.20.0.2");
    static final byte[] CLIENT_MAC = {0x02, 0, 0, 0, 0, 0x42};
    static final byte[] PAYLOAD = {1, 2, 3, 4, 5};

    /** A frame from the client (10.20.0.100:68) to {@code ip}:{@code port}, Ethernet to {@code mac}. */
    static byte[] fromClient(byte[] mac, String ip, int port) {
        byte[] frame = LinkHost.frame(CLIENT_MAC, Ipv4.parseInt("10.20.0.100"), PAYLOAD,
                new InetSocketAddress(ip, port), mac);
        frame[14 + 20 + 1] = 68; // the client's source port (frame() writes the server's 67)
        return frame;
    }

    @Test
    void hearsUdpTo67UnicastToItsMacAndAddress() {
        Datagram heard = LinkHost.unicastTo(fromClient(HOST_MAC, "10.20.0.2", 67), HOST, HOST_MAC, "veth0");

        assertThat(heard).isNotNull();
        assertThat(heard.bytes()).containsExactly(PAYLOAD);
        assertThat(heard.source()).isEqualTo(new InetSocketAddress("10.20.0.100", 68));
        assertThat(heard.destination()).isEqualTo(new InetSocketAddress("10.20.0.2", 67));
        assertThat(heard.broadcast()).isFalse();
        assertThat(heard.interfaceName()).isEqualTo("veth0");
    }

    @Test
    void leavesBroadcastsAndOthersFramesToTheServersOwnSocket() {
        assertThat(LinkHost.unicastTo(fromClient(null, "255.255.255.255", 67), HOST, HOST_MAC, "veth0"))
                .as("a broadcast: the server's socket hears it").isNull();
        assertThat(LinkHost.unicastTo(fromClient(new byte[] {2, 0, 0, 0, 0, 1}, "10.20.0.2", 67), HOST, HOST_MAC,
                "veth0")).as("to another MAC").isNull();
        assertThat(LinkHost.unicastTo(fromClient(HOST_MAC, "10.20.0.1", 67), HOST, HOST_MAC, "veth0"))
                .as("to another address").isNull();
        assertThat(LinkHost.unicastTo(fromClient(HOST_MAC, "10.20.0.2", 68), HOST, HOST_MAC, "veth0"))
                .as("to another port").isNull();
        assertThat(LinkHost.unicastTo(new byte[10], HOST, HOST_MAC, "veth0")).as("too short").isNull();
    }

    @Test
    void sendsFromItsMacToTheClientsOrToBroadcast() {
        byte[] unicast = LinkHost.frame(HOST_MAC, HOST, PAYLOAD, new InetSocketAddress("10.20.0.100", 68),
                CLIENT_MAC);
        byte[] broadcast = LinkHost.frame(HOST_MAC, HOST, PAYLOAD, new InetSocketAddress("255.255.255.255", 68),
                null);

        assertThat(java.util.Arrays.copyOfRange(unicast, 0, 12)).containsExactly(2, 0, 0, 0, 0, 0x42,
                2, 0x5e, 10, 20, 0, 2);
        assertThat(java.util.Arrays.copyOfRange(broadcast, 0, 6)).containsOnly(0xff);
        assertThat(unicast.length).as("padded to the Ethernet minimum").isGreaterThanOrEqualTo(60);
        assertThat(Ipv4.readInt(unicast, 14 + 12)).isEqualTo(HOST);
        assertThat(Ipv4.readInt(unicast, 14 + 16)).isEqualTo(Ipv4.parseInt("10.20.0.100"));
    }
}
