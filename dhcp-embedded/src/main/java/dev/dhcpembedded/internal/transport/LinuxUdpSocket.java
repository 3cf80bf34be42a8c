package dev.dhcpembedded.internal.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * A Linux UDP socket through JNA, for what the JDK cannot do: SO_BINDTODEVICE (hear one interface only),
 * IP_PKTINFO (was it broadcast?) and SIOCSARP (unicast to a client that has no address yet, without ARP).
 * One thread receives; any thread may send.
 */
final class LinuxUdpSocket implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOL_SOCKET = 1;
    private static final int SO_BROADCAST = 6;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int IPPROTO_IP = 0;
    private static final int IP_PKTINFO = 8;
    private static final int SHUT_RDWR = 2;
    private static final long SIOCSARP = 0x8955;
    private static final int ATF_COM = 0x02;
    static final int EACCES = 13;
    static final int EPERM = 1;
    static final int ENODEV = 19;
    static final int EADDRINUSE = 98;

    static {
        Native.register(LinuxUdpSocket.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int setsockopt(int fd, int level, int name, Pointer value, int length)
            throws LastErrorException;

    private static native int getsockopt(int fd, int level, int name, Pointer value, Pointer length)
            throws LastErrorException;

    private static native int bind(int fd, Pointer address, int length) throws LastErrorException;

    private static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address, int addrlen)
            throws LastErrorException;

    private static native int ioctl(int fd, long request, Pointer argument) throws LastErrorException;

    private static native int shutdown(int fd, int how) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    /** What one receive returned. */
    record Received(byte[] bytes, InetSocketAddress source, Inet4Address headerDestination) {
    }

    private final int fd;
    private final String device;
    private final ReceiveBuffer receiveBuffer;
    private volatile boolean closed;
    private final MessageReceiver messages;
    private final Memory buffer;
    // receive-side buffers, used by the one receiving thread only
    private InetSocketAddress receivedSource;
    private Inet4Address receivedDestination;
    // the last addresses received, reused while they repeat (receiving thread only)
    private InetSocketAddress lastSource;
    private int lastSourceAddress;
    private Inet4Address lastDestination;
    private int lastDestinationAddress;
    // send-side buffers, reused under their own lock: no native allocation per packet
    private final Memory sendBuffer = new Memory(65536);
    private final Memory sendAddress = new Memory(16);

    private LinuxUdpSocket(int fd, String device, ReceiveBuffer receiveBuffer) {
        this.fd = fd;
        this.device = device;
        this.receiveBuffer = receiveBuffer;
        this.messages = new MessageReceiver(65536, 16, device, this::isClosed);
        this.buffer = messages.buffer();
    }

    private boolean isClosed() {
        return closed;
    }

    /**
     * What the socket asked the kernel for, and what it got.
     *
     * @param requested the bytes asked for; 0 when the kernel's default was left alone
     * @param granted   the buffer the kernel reports (it doubles what it grants, for its own bookkeeping)
     * @param forced    true when SO_RCVBUFFORCE (CAP_NET_ADMIN) lifted the net.core.rmem_max cap
     */
    record ReceiveBuffer(int requested, int granted, boolean forced) {
    }

    /**
     * A socket bound to {@code 0.0.0.0:port} that hears and sends on {@code device} only, with a receive buffer of
     * {@code receiveBuffer} bytes if the kernel grants it (0: the kernel's default).
     */
    static LinuxUdpSocket bindToDevice(String device, int port, int receiveBuffer) throws NativeSocketException {
        if (!Platform.isLinux()) {
            throw new NativeSocketException(0, "interface mode needs Linux (SO_BINDTODEVICE)");
        }
        int fd = socket(AF_INET, SOCK_DGRAM, 0);
        try {
            // no SO_REUSEADDR: a second server on the same interface must fail, not share its broadcasts
            setInt(fd, SOL_SOCKET, SO_BROADCAST, 1);
            boolean forced = receiveBuffer > 0 && askReceiveBuffer(fd, receiveBuffer);
            setInt(fd, IPPROTO_IP, IP_PKTINFO, 1);
            Memory timeout = new Memory(16);
            timeout.clear();
            timeout.setLong(8, 200_000); // 200 ms, so a close is noticed even if shutdown does not wake us
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16);
            byte[] deviceName = (device + "\0").getBytes(StandardCharsets.US_ASCII);
            Memory value = new Memory(deviceName.length);
            value.write(0, deviceName, 0, deviceName.length);
            try {
                setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, value, deviceName.length);
            } catch (LastErrorException e) {
                throw new NativeSocketException(e.getErrorCode(), "SO_BINDTODEVICE " + device + ": " + e.getMessage());
            }
            Memory address = sockaddr(0, port);
            try {
                bind(fd, address, 16);
            } catch (LastErrorException e) {
                throw new NativeSocketException(e.getErrorCode(), "bind 0.0.0.0:" + port + ": " + e.getMessage());
            }
            return new LinuxUdpSocket(fd, device, new ReceiveBuffer(receiveBuffer, getInt(fd, SOL_SOCKET, SO_RCVBUF),
                    forced));
        } catch (LastErrorException e) {
            close(fd);
            throw new NativeSocketException(e.getErrorCode(), e.getMessage());
        } catch (NativeSocketException e) {
            close(fd);
            throw e;
        }
    }

    /**
     * SO_RCVBUFFORCE when the process has CAP_NET_ADMIN (past net.core.rmem_max), SO_RCVBUF (capped by it)
     * otherwise; returns whether the forced one worked.
     */
    private static boolean askReceiveBuffer(int fd, int bytes) {
        try {
            setInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, bytes);
            return true;
        } catch (LastErrorException notPermitted) {
            setInt(fd, SOL_SOCKET, SO_RCVBUF, bytes);
            return false;
        }
    }

    /** The receive buffer asked for and granted. */
    ReceiveBuffer receiveBuffer() {
        return receiveBuffer;
    }

    /** Blocks until a datagram arrives; returns null when the socket was closed. */
    Received receive() throws IOException {
        long length = receiveRaw();
        if (length < 0) {
            return null;
        }
        return new Received(buffer.getByteArray(0, (int) length), receivedSource, receivedDestination);
    }

    /**
     * Blocks until a datagram arrives and copies it into {@code into} (65,536 bytes hold any); returns its length,
     * or -1 when the socket was closed. Its ends are then {@link #receivedSource()} and
     * {@link #receivedDestination()}. Makes no object while the ends repeat. Receiving thread only.
     */
    int receiveInto(byte[] into) throws IOException {
        long length = receiveRaw();
        if (length < 0) {
            return -1;
        }
        int n = (int) Math.min(length, into.length);
        buffer.read(0, into, 0, n);
        return n;
    }

    /** The source of the datagram last received. */
    InetSocketAddress receivedSource() {
        return receivedSource;
    }

    /** The destination address of the IP header of the datagram last received (IP_PKTINFO), or null. */
    Inet4Address receivedDestination() {
        return receivedDestination;
    }

    private long receiveRaw() throws IOException {
        long length = messages.receive(fd);
        if (length < 0) {
            return -1;
        }
        Memory name = messages.name();
        receivedSource = source(name.getInt(4), ((name.getByte(2) & 0xFF) << 8) | (name.getByte(3) & 0xFF));
        receivedDestination = headerDestination();
        return length;
    }

    /**
     * The source as an address object, the previous one when it is the same: under load a relay or a client sends
     * from one address, and a new object per datagram is garbage for nothing. Receiving thread only.
     */
    private InetSocketAddress source(int nativeAddress, int port) {
        if (lastSource == null || nativeAddress != lastSourceAddress || port != lastSource.getPort()) {
            lastSource = new InetSocketAddress(inet(nativeAddress), port);
            lastSourceAddress = nativeAddress;
        }
        return lastSource;
    }

    private Inet4Address headerDestination() {
        long at = messages.controlData(IPPROTO_IP, IP_PKTINFO, 12);
        if (at < 0) {
            return null;
        }
        int address = messages.control().getInt(at + 8); // struct in_pktinfo: ipi_ifindex, ipi_spec_dst, ipi_addr
        if (lastDestination == null || address != lastDestinationAddress) {
            lastDestination = inet(address);
            lastDestinationAddress = address;
        }
        return lastDestination;
    }

    void send(byte[] bytes, InetSocketAddress destination) throws IOException {
        send(bytes, bytes.length, destination);
    }

    /** Sends {@code bytes[0, length)}; makes no object. */
    void send(byte[] bytes, int length, InetSocketAddress destination) throws IOException {
        int address = toInt(destination.getAddress());
        synchronized (sendBuffer) {
            int n = Math.min(length, (int) sendBuffer.size());
            sendBuffer.write(0, bytes, 0, n);
            writeSockaddr(sendAddress, address, destination.getPort());
            try {
                sendto(fd, sendBuffer, n, 0, sendAddress, 16);
            } catch (LastErrorException e) {
                throw new IOException("sendto " + destination + " on " + device + ": " + e.getMessage());
            }
        }
    }

    /** Tells the kernel {@code address} is at {@code mac} on this device, so a unicast needs no ARP. */
    boolean addArpEntry(Inet4Address address, byte[] mac) {
        Memory request = new Memory(68);
        request.clear();
        request.setShort(0, (short) AF_INET);
        byte[] ip = address.getAddress();
        request.write(4, ip, 0, 4);
        request.setShort(16, (short) 1); // ARPHRD_ETHER
        request.write(18, mac, 0, Math.min(mac.length, 14));
        request.setInt(32, ATF_COM);
        byte[] dev = device.getBytes(StandardCharsets.US_ASCII);
        request.write(52, dev, 0, Math.min(dev.length, 15));
        try {
            ioctl(fd, SIOCSARP, request);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            shutdown(fd, SHUT_RDWR);
        } catch (LastErrorException ignored) {
            // not connected: the receive timeout notices the close instead
        }
    }

    /** Frees the descriptor; call after the receiving thread has stopped. */
    void release() {
        try {
            close(fd);
        } catch (LastErrorException ignored) {
            // already closed
        }
    }

    private static void setInt(int fd, int level, int name, int value) {
        Memory memory = new Memory(4);
        memory.setInt(0, value);
        setsockopt(fd, level, name, memory, 4);
    }

    private static int getInt(int fd, int level, int name) {
        Memory value = new Memory(4);
        Memory length = new Memory(4);
        length.setInt(0, 4);
        getsockopt(fd, level, name, value, length);
        return value.getInt(0);
    }

    private static Memory sockaddr(int address, int port) {
        Memory memory = new Memory(16);
        writeSockaddr(memory, address, port);
        return memory;
    }

    private static void writeSockaddr(Memory memory, int address, int port) {
        memory.clear();
        memory.setShort(0, (short) AF_INET);
        memory.setByte(2, (byte) (port >>> 8));
        memory.setByte(3, (byte) port);
        memory.setByte(4, (byte) (address >>> 24));
        memory.setByte(5, (byte) (address >>> 16));
        memory.setByte(6, (byte) (address >>> 8));
        memory.setByte(7, (byte) address);
    }

    /** Reads a network-order in_addr as stored in native memory. */
    private static Inet4Address inet(int nativeInt) {
        int value = Integer.reverseBytes(nativeInt);
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN) {
            value = nativeInt;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static int toInt(InetAddress address) {
        return dev.dhcpembedded.internal.wire.Ipv4.toInt(address); // no copy of the address's bytes
    }

    /** A failed system call, with its errno. */
    static final class NativeSocketException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int errno;

        NativeSocketException(int errno, String message) {
            super(message);
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }
}
