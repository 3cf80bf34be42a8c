package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.agent.TransportOpener;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The agent's side of a link, in memory: what a test injects arrives as if on the agent's interface, what the agent
 * sends is collected, and the ARP entries it writes are remembered. Stands in for the interface transport so that
 * the channel is tested without Docker or privileges.
 */
final class FakeLink implements Transport, TransportOpener {

    static final InetSocketAddress AGENT = new InetSocketAddress("10.9.0.2", 67);

    private final InetSocketAddress agent;
    private final BlockingQueue<Datagram> sent = new LinkedBlockingQueue<>();
    private final Map<InetAddress, String> arp = new ConcurrentHashMap<>();
    private volatile Receiver receiver;
    private volatile boolean closed;
    private volatile Inet4Address askedFor;

    /** A link where the agent has {@link #AGENT}. */
    FakeLink() {
        this(AGENT);
    }

    /** A link where the agent has {@code agent}: a loopback address, where its UDP ports can really be opened. */
    FakeLink(InetSocketAddress agent) {
        this.agent = agent;
    }

    @Override
    public Transport open(Inet4Address address) throws IOException {
        askedFor = address;
        if (!address.equals(agent.getAddress())) {
            throw new IOException("no interface of this container holds " + address.getHostAddress());
        }
        return this;
    }

    @Override
    public List<Inet4Address> broadcasts(Transport opened) {
        return List.of(ip("255.255.255.255"), ip("10.9.0.255"));
    }

    @Override
    public void start(Receiver receiver) {
        this.receiver = receiver;
    }

    /** A datagram arriving at the agent's port 67. */
    void inject(byte[] bytes, InetSocketAddress source, boolean broadcast) {
        InetSocketAddress destination = broadcast ? new InetSocketAddress("255.255.255.255", 67) : agent;
        receiver.onDatagram(new Datagram(bytes, source, destination, "eth1", broadcast));
    }

    Datagram nextSent() throws InterruptedException {
        Datagram d = sent.poll(5, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("the agent sent nothing within 5 s");
        }
        return d;
    }

    Map<InetAddress, String> arpEntries() {
        return arp;
    }

    boolean isClosed() {
        return closed;
    }

    Inet4Address askedFor() {
        return askedFor;
    }

    boolean isStarted() {
        return receiver != null;
    }

    @Override
    public void send(Datagram datagram) {
        sent.add(datagram);
    }

    @Override
    public InetSocketAddress localAddress() {
        return agent;
    }

    @Override
    public String interfaceName() {
        return "eth1";
    }

    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                              byte[] clientEthernet) {
        if (clientEthernet != null && clientEthernet.length == 6) {
            StringBuilder mac = new StringBuilder();
            for (byte b : clientEthernet) {
                mac.append(mac.length() == 0 ? "" : ":").append(String.format("%02x", b & 0xFF));
            }
            arp.put(rfcDestination.getAddress(), mac.toString());
        }
        return rfcDestination;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The DHCPv6 side of the same fake interface (UDP 547), once a session asked for it. */
    V6 v6() {
        return v6;
    }

    private final V6 v6 = new V6();

    @Override
    public Transport open6(String interfaceName) {
        return v6;
    }

    /** DHCPv6 on the fake interface: what a test injects arrives on [ff02::1:2]:547, what is sent is collected. */
    static final class V6 implements Transport {

        static final InetSocketAddress AGENT6 = new InetSocketAddress(
                ip6("fe80::9:2"), 547);
        private final BlockingQueue<Datagram> sent = new LinkedBlockingQueue<>();
        private volatile Receiver receiver;
        private volatile boolean closed;

        @Override
        public void start(Receiver receiver) {
            this.receiver = receiver;
        }

        void inject(byte[] bytes, InetSocketAddress source) {
            receiver.onDatagram(new Datagram(bytes, source, new InetSocketAddress(
                    ip6("ff02::1:2"), 547), "eth1", false));
        }

        Datagram nextSent() throws InterruptedException {
            Datagram d = sent.poll(5, TimeUnit.SECONDS);
            if (d == null) {
                throw new AssertionError("the agent sent no DHCPv6 datagram within 5 s");
            }
            return d;
        }

        boolean isClosed() {
            return closed;
        }

        @Override
        public void send(Datagram datagram) {
            sent.add(datagram);
        }

        @Override
        public InetSocketAddress localAddress() {
            return AGENT6;
        }

        @Override
        public String interfaceName() {
            return "eth1";
        }

        @Override
        public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                                  byte[] clientEthernet) {
            return request.source();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static Inet4Address ip(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InetAddress ip6(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
