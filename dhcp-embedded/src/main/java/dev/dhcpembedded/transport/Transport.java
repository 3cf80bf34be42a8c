package dev.dhcpembedded.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Moves bytes between the server and its clients. A transport knows addresses and interfaces, and nothing of DHCP
 * meaning: loopback UDP, a named interface and memory are interchangeable behind this.
 */
public interface Transport extends AutoCloseable {

    /**
     * Starts delivering datagrams to {@code receiver}; ready to receive when it returns.
     *
     * @param receiver gets each datagram received, on the transport's thread
     * @throws IOException if the socket cannot be opened or bound
     */
    void start(Receiver receiver) throws IOException;

    /**
     * Sends one datagram to {@code datagram.destination()}.
     *
     * @param datagram the bytes and addresses
     * @throws IOException if the datagram cannot be sent
     */
    void send(Datagram datagram) throws IOException;

    /** {@return where the server listens} */
    InetSocketAddress localAddress();

    /** {@return the interface name the server is bound to, e.g. {@code lo} or {@code veth0}} */
    String interfaceName();

    /**
     * Where a reply to {@code request} really goes, given where RFC 2131 §4.1 says it should. Loopback answers the
     * sender's own address and port, so that a client on any port works without root.
     *
     * @param request the datagram being answered
     * @param rfcDestination where RFC 2131 §4.1 sends the reply
     * @param clientEthernet the client's 6-byte Ethernet address, or null when it has none (a unicast to a client with
     *     no address yet needs it)
     * @return where the reply goes
     */
    InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination, byte[] clientEthernet);

    /**
     * {@return how the journal shows this transport's addresses} A real link shows them as sent; loopback shows
     * DHCP's own view (e.g. {@code 0.0.0.0:68 -> 255.255.255.255:67}) so that the pcap and transcript read like a
     * real capture.
     */
    default LinkView linkView() {
        return LinkView.AS_SENT;
    }

    /**
     * {@return UDP ports beside DHCP on this transport's address, when the transport carries them itself} The DHCP
     * agent's channel does: the server is not on the agent's network, so the netboot TFTP server listens and answers
     * through the agent. Empty, the default: such a service binds its own sockets on {@link #localAddress()}'s
     * address.
     */
    default java.util.Optional<UdpPorts> udpPorts() {
        return java.util.Optional.empty();
    }

    /** Stops receiving and releases the socket at once; leaves no thread behind. */
    @Override
    void close();

    /** Gets each received datagram, on the transport's thread. */
    @FunctionalInterface
    interface Receiver {
        /**
         * Handles one datagram the transport received.
         *
         * @param datagram the bytes and addresses as received
         */
        void onDatagram(Datagram datagram);

        /**
         * Tells the server of something that happened to the transport itself (a channel closed, a socket broke),
         * for the journal: the server records it as a {@code TRANSPORT} entry on its own clock. The default ignores
         * it.
         *
         * @param note what happened, e.g. {@code channel to agent a1 closed: connection reset}
         */
        default void onTransportEvent(String note) {
        }
    }
}
