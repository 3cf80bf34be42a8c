package dev.dhcpembedded.internal.ra;

import dev.dhcpembedded.internal.wire.RouterAdvertisement;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.transport.MessageReceiver;
import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;

/**
 * An ICMPv6 raw socket on one interface through JNA (the JDK has none): SO_BINDTODEVICE, hop limit 255 for unicast
 * and multicast (RFC 4861 section 6.1.2 makes hosts drop anything else), an ICMP6_FILTER that passes only Router
 * Solicitations, a membership of all-routers (ff02::2) so the kernel delivers solicitations, and IPV6_RECVHOPLIMIT to
 * check theirs. The kernel computes the ICMPv6 checksum (RFC 3542 section 3.1) and picks the interface's link-local
 * address as the source of link-scope destinations. One thread receives; any thread may send.
 */
final class Icmp6RawSocket implements AutoCloseable {

    private static final int AF_INET6 = 10;
    private static final int SOCK_RAW = 3;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_BINDTODEVICE = 25;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int IPV6_UNICAST_HOPS = 16;
    private static final int IPV6_MULTICAST_IF = 17;
    private static final int IPV6_MULTICAST_HOPS = 18;
    private static final int IPV6_MULTICAST_LOOP = 19;
    private static final int IPV6_ADD_MEMBERSHIP = 20;
    private static final int IPV6_RECVPKTINFO = 49;
    private static final int IPV6_PKTINFO = 50;
    private static final int IPV6_RECVHOPLIMIT = 51;
    private static final int IPV6_HOPLIMIT = 52;
    private static final int ICMP6_FILTER = 1;
    static final int EPERM = 1;

    static {
        Native.register(Icmp6RawSocket.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int setsockopt(int fd, int level, int name, Pointer value, int length)
            throws LastErrorException;

    private static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address, int addrlen)
            throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    /**
     * One ICMPv6 message received: its bytes, source and destination addresses (destination null when not
     * reported) and IPv6 hop limit (-1 when not reported).
     */
    record Received(byte[] bytes, Inet6Address source, Inet6Address destination, int hopLimit) {
    }

    private final int fd;
    private final String device;
    private final int ifindex;
    private volatile boolean closed;
    private final MessageReceiver messages;
    private final Memory sendBuffer = new Memory(2048);
    private final Memory sendAddress = new Memory(28);

    private Icmp6RawSocket(int fd, String device, int ifindex) {
        this.fd = fd;
        this.device = device;
        this.ifindex = ifindex;
        this.messages = new MessageReceiver(2048, 28, device, this::isClosed);
    }

    private boolean isClosed() {
        return closed;
    }

    /** Opens the socket on {@code device} (index {@code ifindex}); needs CAP_NET_RAW. */
    static Icmp6RawSocket open(String device, int ifindex) throws IOException {
        if (!Platform.isLinux()) {
            throw new IOException("router advertisements need Linux (an ICMPv6 raw socket with SO_BINDTODEVICE)");
        }
        int fd;
        try {
            fd = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
        } catch (LastErrorException e) {
            throw new IOException("cannot open an ICMPv6 raw socket for router advertisements on " + device + ": "
                    + e.getMessage() + (e.getErrorCode() == EPERM ? " (needs root or CAP_NET_RAW)" : ""), e);
        }
        try {
            byte[] deviceName = (device + "\0").getBytes(StandardCharsets.US_ASCII);
            Memory value = new Memory(deviceName.length);
            value.write(0, deviceName, 0, deviceName.length);
            setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, value, deviceName.length);
            setInt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 255);
            setInt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 255);
            setInt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, ifindex);
            setInt(fd, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 0);
            setInt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1);
            setInt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1);
            Memory filter = new Memory(32); // a set bit blocks that type
            for (int i = 0; i < 8; i++) {
                filter.setInt(i * 4, 0xFFFFFFFF);
            }
            int rs = RouterAdvertisement.TYPE_RS;
            filter.setInt((rs >> 5) * 4, ~(1 << (rs & 31)));
            setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, filter, 32);
            Memory membership = new Memory(20);
            membership.clear();
            membership.write(0, Ipv6.parse("ff02::2").getAddress(), 0, 16);
            membership.setInt(16, ifindex);
            setsockopt(fd, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, membership, 20);
            Memory timeout = new Memory(16);
            timeout.clear();
            timeout.setLong(8, 200_000); // 200 ms: a close is noticed by the receiving thread
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16);
        } catch (LastErrorException e) {
            close(fd);
            throw new IOException("cannot set up the ICMPv6 raw socket on " + device + ": " + e.getMessage(), e);
        }
        return new Icmp6RawSocket(fd, device, ifindex);
    }

    /** Blocks until an ICMPv6 message passes the filter; null once closed. */
    Received receive() throws IOException {
        long length = messages.receive(fd);
        if (length < 0) {
            return null;
        }
        byte[] address = messages.name().getByteArray(8, 16);
        long destination = messages.controlData(IPPROTO_IPV6, IPV6_PKTINFO, 16);
        long hops = messages.controlData(IPPROTO_IPV6, IPV6_HOPLIMIT, 4);
        return new Received(messages.buffer().getByteArray(0, (int) length), Ipv6.read(address, 0),
                destination < 0 ? null : Ipv6.read(messages.control().getByteArray(destination, 16), 0),
                hops < 0 ? -1 : messages.control().getInt(hops));
    }

    /** Sends an ICMPv6 message to {@code destination} on this interface (the scope of a link-local address). */
    void send(byte[] message, Inet6Address destination) throws IOException {
        synchronized (sendBuffer) {
            sendBuffer.write(0, message, 0, message.length);
            sendAddress.clear();
            sendAddress.setShort(0, (short) AF_INET6);
            sendAddress.write(8, destination.getAddress(), 0, 16);
            sendAddress.setInt(24, ifindex);
            try {
                sendto(fd, sendBuffer, message.length, 0, sendAddress, 28);
            } catch (LastErrorException e) {
                throw new IOException("sendto " + Ipv6.format(destination) + " on " + device + ": " + e.getMessage());
            }
        }
    }

    /** Stops the receiver (within its 200 ms timeout); {@link #release()} frees the descriptor after. */
    @Override
    public void close() {
        closed = true;
    }

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
}
