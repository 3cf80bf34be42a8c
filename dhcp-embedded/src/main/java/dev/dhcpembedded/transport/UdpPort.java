package dev.dhcpembedded.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * One UDP port beside DHCP, for a service such as the netboot TFTP server: a {@link java.net.DatagramSocket} bound
 * on the server's address, or a port the DHCP agent holds open for the server on its network. Sends and receives
 * like a {@code DatagramSocket}; one thread receives, any thread may send.
 */
public interface UdpPort extends AutoCloseable {

    /** {@return where the port is bound: the address clients send to, and its port} */
    InetSocketAddress localAddress();

    /**
     * Sends {@code packet}'s bytes to its address.
     *
     * @param packet the bytes, their length, and the destination
     * @throws IOException if it cannot be sent, or the port is closed
     */
    void send(DatagramPacket packet) throws IOException;

    /**
     * Waits for the next datagram and puts it into {@code packet}: its bytes (cut to the packet's buffer), its
     * length and its sender.
     *
     * @param packet where the datagram goes
     * @param timeoutMillis how long to wait, 0 for as long as the port is open
     * @throws java.net.SocketTimeoutException when none came in time
     * @throws IOException when the port is or gets closed, or fails
     */
    void receive(DatagramPacket packet, int timeoutMillis) throws IOException;

    /** Closes the port; a thread waiting in {@link #receive} gets an {@link IOException}. Closing twice is fine. */
    @Override
    void close();
}
