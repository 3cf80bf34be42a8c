package dev.dhcpembedded.internal.tftp;

import dev.dhcpembedded.transport.UdpPort;
import dev.dhcpembedded.transport.UdpPorts;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** UDP ports as {@link DatagramSocket}s bound on one local address: loopback or an interface's. */
public final class SocketPorts implements UdpPorts {

    private final InetAddress address;

    /** Ports on {@code address}. */
    public SocketPorts(InetAddress address) {
        this.address = address;
    }

    @Override
    public UdpPort open(int port) throws IOException {
        InetSocketAddress bind = new InetSocketAddress(address, port);
        try {
            return new SocketPort(new DatagramSocket(bind));
        } catch (IOException e) {
            throw new IOException("cannot bind " + bind + ": " + e.getMessage(), e);
        }
    }

    private static final class SocketPort implements UdpPort {

        private final DatagramSocket socket;
        private final InetSocketAddress local;

        SocketPort(DatagramSocket socket) {
            this.socket = socket;
            this.local = (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public void send(DatagramPacket packet) throws IOException {
            socket.send(packet);
        }

        @Override
        public void receive(DatagramPacket packet, int timeoutMillis) throws IOException {
            socket.setSoTimeout(timeoutMillis);
            socket.receive(packet);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
