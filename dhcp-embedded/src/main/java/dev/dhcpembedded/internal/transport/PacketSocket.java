package dev.dhcpembedded.internal.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;

/**
 * A Linux packet socket ({@code AF_PACKET}, {@code SOCK_RAW}) through JNA: whole Ethernet frames of one EtherType
 * on one interface, received and sent as they are on the wire. Generic: it knows nothing of the protocol in the
 * frames. It needs CAP_NET_RAW (root has it). One thread receives; any thread may send; close it once the
 * receiving thread has stopped (a receive returns within 200 ms).
 */
public final class PacketSocket implements AutoCloseable {

    private static final int AF_PACKET = 17;
    private static final int SOCK_RAW = 3;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SOCKADDR_LL = 20;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int MAX_FRAME = 65536;

    static {
        Native.register(PacketSocket.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int setsockopt(int fd, int level, int name, Memory value, int length)
            throws LastErrorException;

    private static native int bind(int fd, Memory address, int length) throws LastErrorException;

    private static native long recv(int fd, Memory buffer, long length, int flags) throws LastErrorException;

    private static native long sendto(int fd, Memory buffer, long length, int flags, Memory address, int addrlen)
            throws LastErrorException;

    private static native int if_nametoindex(String name) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    private final int fd;
    private final String interfaceName;
    private final Memory address;
    private final Memory receiveBuffer = new Memory(MAX_FRAME);
    private final Memory sendBuffer = new Memory(MAX_FRAME);
    private volatile boolean closed;

    private PacketSocket(int fd, String interfaceName, Memory address) {
        this.fd = fd;
        this.interfaceName = interfaceName;
        this.address = address;
    }

    /**
     * Opens a packet socket on {@code interfaceName} for frames of {@code etherType} (e.g. 0x0806 for ARP), incoming
     * and outgoing. A receive returns within 200 ms when nothing comes, so a close is noticed.
     *
     * @throws IOException saying what failed: no such interface, or no CAP_NET_RAW
     */
    public static PacketSocket open(String interfaceName, int etherType) throws IOException {
        if (!Platform.isLinux()) {
            throw new IOException("raw Ethernet frames need Linux (AF_PACKET)");
        }
        int index;
        try {
            index = if_nametoindex(interfaceName);
        } catch (LastErrorException e) {
            index = 0;
        }
        if (index == 0) {
            throw new IOException("no interface named '" + interfaceName + "'");
        }
        short protocol = Short.reverseBytes((short) etherType); // htons
        int fd;
        try {
            fd = socket(AF_PACKET, SOCK_RAW, protocol & 0xFFFF);
        } catch (LastErrorException e) {
            throw new IOException("cannot open a packet socket on " + interfaceName + " (" + e.getMessage()
                    + "); raw Ethernet frames need CAP_NET_RAW: run as root, or grant the JVM"
                    + " 'setcap cap_net_raw+ep'", e);
        }
        try {
            Memory ll = new Memory(SOCKADDR_LL);
            ll.clear();
            ll.setShort(0, (short) AF_PACKET);
            ll.setShort(2, protocol);
            ll.setInt(4, index);
            bind(fd, ll, SOCKADDR_LL);
            Memory timeout = new Memory(16);
            timeout.clear();
            timeout.setLong(8, 200_000);
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16);
            return new PacketSocket(fd, interfaceName, ll);
        } catch (LastErrorException e) {
            close(fd);
            throw new IOException("cannot bind a packet socket to " + interfaceName + ": " + e.getMessage(), e);
        }
    }

    /** The next frame (Ethernet header first); null when none came within 200 ms, or once closed. */
    public byte[] receive() throws IOException {
        while (!closed) {
            long n;
            try {
                n = recv(fd, receiveBuffer, MAX_FRAME, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN) {
                    return null;
                }
                if (e.getErrorCode() == EINTR) {
                    continue;
                }
                if (closed) {
                    return null;
                }
                throw new IOException("receive on " + interfaceName + ": " + e.getMessage(), e);
            }
            return receiveBuffer.getByteArray(0, (int) n);
        }
        return null;
    }

    /** Sends {@code frame} (Ethernet header first, as it goes on the wire) out of the interface. */
    public synchronized void send(byte[] frame) throws IOException {
        if (closed) {
            throw new IOException("packet socket on " + interfaceName + " is closed");
        }
        sendBuffer.write(0, frame, 0, frame.length);
        try {
            sendto(fd, sendBuffer, frame.length, 0, address, SOCKADDR_LL);
        } catch (LastErrorException e) {
            throw new IOException("send on " + interfaceName + ": " + e.getMessage(), e);
        }
    }

    /** The interface it is bound to. */
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            close(fd);
        } catch (LastErrorException e) {
            // already gone
        }
    }
}
