package dev.dhcpembedded.internal.transport;

import dev.dhcpembedded.internal.wire.Ipv4;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Made-up hosts on the link that own some IPv4 addresses: each ARP request for one of them (RFC 5227 probes with
 * sender 0.0.0.0 included) gets an ARP reply from its owner's MAC, through a {@link PacketSocket} on the
 * interface. A client that probes an offered address before using it then finds it taken and DECLINEs it; a client
 * that unicasts to a second server finds that server's MAC. Announcements (sender and target the same address) are
 * not answered: a probe or a query is what a real owner answers.
 *
 * <p>Unless added with its own MAC, the owner of {@code a.b.c.d} is {@code 02:c0:a:b:c:d} (hexadecimal; locally
 * administered, unicast), so a test can recognise it in a capture or a neighbour table.
 */
public final class ArpConflicts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArpConflicts.class);
    static final int ETH_P_ARP = 0x0806;
    private static final int ETHERNET_MINIMUM = 60; // without the FCS

    private final PacketSocket socket;
    private final Map<Integer, byte[]> owners = new ConcurrentHashMap<>();
    private final AtomicLong answered = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private ArpConflicts(PacketSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::loop, "dhcp-embedded-arp-" + socket.interfaceName());
        thread.setDaemon(true);
    }

    /**
     * Starts answering on {@code interfaceName}, for no address yet.
     *
     * @throws IOException when the packet socket cannot be opened (no such interface, no CAP_NET_RAW)
     */
    public static ArpConflicts open(String interfaceName) throws IOException {
        ArpConflicts conflicts = new ArpConflicts(PacketSocket.open(interfaceName, ETH_P_ARP));
        conflicts.thread.start();
        return conflicts;
    }

    /** Answers ARP for {@code address} (an IPv4 address as an int) from now on; false if it already did. */
    public boolean add(int address) {
        return add(address, ownerMac(address));
    }

    /** Answers ARP for {@code address} with {@code mac} from now on; false if it already did. */
    public boolean add(int address, byte[] mac) {
        return owners.putIfAbsent(address, mac.clone()) == null;
    }

    /** Stops answering for {@code address}; false if it did not. */
    public boolean remove(int address) {
        return owners.remove(address) != null;
    }

    /** Stops answering for every address. */
    public void clear() {
        owners.clear();
    }

    /** How many ARP requests it answered. */
    public long answered() {
        return answered.get();
    }

    /** The MAC of the made-up owner of {@code address}: 02:c0 and the address's four bytes. */
    public static byte[] ownerMac(int address) {
        return new byte[] {0x02, (byte) 0xc0, (byte) (address >>> 24), (byte) (address >>> 16),
            (byte) (address >>> 8), (byte) address};
    }

    private void loop() {
        while (running) {
            byte[] frame;
            try {
                frame = socket.receive();
            } catch (IOException e) {
                LOG.warn("ARP receive failed on {}: {}", socket.interfaceName(), e.toString());
                sleep();
                continue;
            }
            if (frame == null) {
                continue;
            }
            byte[] reply = replyTo(frame, owners::get);
            if (reply == null) {
                continue;
            }
            try {
                socket.send(reply);
                answered.incrementAndGet();
                LOG.debug("answered ARP for {} on {}", Ipv4.toString(Ipv4.readInt(reply, 28)), socket.interfaceName());
            } catch (IOException e) {
                LOG.warn("ARP reply not sent on {}: {}", socket.interfaceName(), e.toString());
            }
        }
    }

    /**
     * The ARP reply of the owner to {@code frame} when it is an Ethernet ARP request (IPv4) for an address
     * {@code ownerOf} gives a MAC for (null: nobody owns it), not an announcement; null otherwise.
     */
    static byte[] replyTo(byte[] frame, IntFunction<byte[]> ownerOf) {
        if (frame.length < 42 || uint16(frame, 12) != ETH_P_ARP || uint16(frame, 14) != 1
                || uint16(frame, 16) != 0x0800 || frame[18] != 6 || frame[19] != 4 || uint16(frame, 20) != 1) {
            return null;
        }
        int senderIp = Ipv4.readInt(frame, 28);
        int targetIp = Ipv4.readInt(frame, 38);
        byte[] owner = senderIp == targetIp ? null : ownerOf.apply(targetIp);
        if (owner == null) {
            return null;
        }
        byte[] out = new byte[ETHERNET_MINIMUM];
        System.arraycopy(frame, 22, out, 0, 6);        // to the requester's MAC (ARP sender hardware address)
        System.arraycopy(owner, 0, out, 6, 6);
        out[12] = 0x08;
        out[13] = 0x06;
        out[14] = 0;
        out[15] = 1;                                   // Ethernet
        out[16] = 0x08;
        out[17] = 0;                                   // IPv4
        out[18] = 6;
        out[19] = 4;
        out[20] = 0;
        out[21] = 2;                                   // reply
        System.arraycopy(owner, 0, out, 22, 6);
        Ipv4.writeInt(out, 28, targetIp);
        System.arraycopy(frame, 22, out, 32, 6);
        Ipv4.writeInt(out, 38, senderIp);                   // 0.0.0.0 for a probe
        return out;
    }

    private static int uint16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops answering and closes the socket once its thread has stopped. */
    @Override
    public void close() {
        running = false;
        ChannelClose.join(thread);
        socket.close();
    }
}
