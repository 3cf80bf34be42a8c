package dev.dhcpembedded.internal.transport;

import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.pcap.Ipv4Udp;
import dev.dhcpembedded.internal.pcap.PcapFrame;
import dev.dhcpembedded.transport.Datagram;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A made-up host on the link with its own MAC and IPv4 address, for a second DHCP server: it answers ARP for its
 * address (through {@link ArpConflicts}), hears the UDP datagrams to port 67 unicast to its MAC and address, and
 * sends UDP datagrams from its MAC and address as whole Ethernet frames, through {@link PacketSocket}s on the
 * interface. Broadcasts are not handed on: the server's own socket hears those already. Needs CAP_NET_RAW.
 */
public final class LinkHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkHost.class);
    private static final int ETH_P_IP = 0x0800;
    private static final int ETHERNET_HEADER = 14;
    private static final int SERVER_PORT = 67;
    private static final byte[] BROADCAST_MAC = {-1, -1, -1, -1, -1, -1};

    private final int address;
    private final byte[] mac;
    private final ArpConflicts arp;
    private final PacketSocket ip;
    private final Consumer<Datagram> receiver;
    private final Thread thread;
    private volatile boolean running = true;

    private LinkHost(int address, byte[] mac, ArpConflicts arp, PacketSocket ip, Consumer<Datagram> receiver) {
        this.address = address;
        this.mac = mac.clone();
        this.arp = arp;
        this.ip = ip;
        this.receiver = receiver;
        this.thread = new Thread(this::loop, "dhcp-embedded-host-" + Ipv4.toString(address));
        thread.setDaemon(true);
    }

    /**
     * Puts the host on {@code interfaceName}: ARP for {@code address} answered with {@code mac}, datagrams unicast
     * to it to UDP 67 handed to {@code receiver} (on its own thread).
     *
     * @throws IOException when a packet socket cannot be opened (no such interface, no CAP_NET_RAW)
     */
    public static LinkHost open(String interfaceName, int address, byte[] mac, Consumer<Datagram> receiver)
            throws IOException {
        ArpConflicts arp = ArpConflicts.open(interfaceName);
        PacketSocket ip;
        try {
            ip = PacketSocket.open(interfaceName, ETH_P_IP);
        } catch (IOException e) {
            arp.close();
            throw e;
        }
        arp.add(address, mac);
        LinkHost host = new LinkHost(address, mac, arp, ip, receiver);
        host.thread.start();
        return host;
    }

    /** Answers ARP for its address again ({@code true}), or stops answering it ({@code false}: an outage). */
    public void answerArp(boolean answer) {
        if (answer) {
            arp.add(address, mac);
        } else {
            arp.remove(address);
        }
    }

    /**
     * Sends {@code payload} from this host's address and UDP 67 to {@code destination}, in a frame to
     * {@code destinationMac} (null: to the Ethernet broadcast address).
     */
    public void send(byte[] payload, InetSocketAddress destination, byte[] destinationMac) throws IOException {
        ip.send(frame(mac, address, payload, destination, destinationMac));
    }

    /** An Ethernet frame of UDP from {@code sourceMac}, {@code source}:67 to {@code destination}. */
    static byte[] frame(byte[] sourceMac, int source, byte[] payload, InetSocketAddress destination,
                        byte[] destinationMac) {
        byte[] packet = Ipv4Udp.build(Ipv4.fromInt(source), SERVER_PORT,
                (Inet4Address) destination.getAddress(), destination.getPort(), payload);
        byte[] frame = new byte[Math.max(ETHERNET_HEADER + packet.length, 60)];
        System.arraycopy(destinationMac == null ? BROADCAST_MAC : destinationMac, 0, frame, 0, 6);
        System.arraycopy(sourceMac, 0, frame, 6, 6);
        frame[12] = 0x08;
        frame[13] = 0x00;
        System.arraycopy(packet, 0, frame, ETHERNET_HEADER, packet.length);
        return frame;
    }

    private void loop() {
        while (running) {
            try {
                byte[] frame = ip.receive();
                Datagram datagram = frame == null ? null : unicastTo(frame, address, mac, ip.interfaceName());
                if (datagram != null) {
                    receiver.accept(datagram);
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.warn("receive as {} on {} failed: {}", Ipv4.toString(address), ip.interfaceName(),
                            e.toString());
                }
            }
        }
    }

    /** The datagram in {@code frame} when it is UDP to port 67 of {@code address}, sent to {@code mac}; else null. */
    static Datagram unicastTo(byte[] frame, int address, byte[] mac, String interfaceName) {
        if (frame.length < ETHERNET_HEADER || !Arrays.equals(frame, 0, 6, mac, 0, 6)
                || (frame[12] & 0xFF) != 0x08 || frame[13] != 0) {
            return null;
        }
        PcapFrame udp = Ipv4Udp.parse(0, Instant.EPOCH, frame, ETHERNET_HEADER, frame.length);
        if (udp == null || udp.destinationPort() != SERVER_PORT || Ipv4.toInt(udp.destination()) != address) {
            return null;
        }
        return new Datagram(udp.payload(), new InetSocketAddress(udp.source(), udp.sourcePort()),
                new InetSocketAddress(udp.destination(), SERVER_PORT), interfaceName, false);
    }

    /** Stops answering and hearing, and closes the sockets once the receiving thread has stopped. */
    @Override
    public void close() {
        running = false;
        ChannelClose.join(thread);
        ip.close();
        arp.close();
    }
}
