package dev.dhcpembedded.transport;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * No socket at all: a test hands the server a message and gets the replies back, on the calling thread. Replies
 * that a stub delays arrive later and are collected by {@link #sent()}.
 */
public final class InMemoryTransport implements Transport {

    public static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 67);
    public static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 68);

    private final List<Datagram> sent = new ArrayList<>();
    private Receiver receiver;

    @Override
    public synchronized void start(Receiver receiver) {
        this.receiver = receiver;
    }

    /** Delivers a message as if from a client on port 68, and returns what the server sent back meanwhile. */
    public List<DhcpMessage> exchange(DhcpMessage request) {
        List<DhcpMessage> replies = new ArrayList<>();
        for (Datagram datagram : deliver(DhcpCodec.encode(request), CLIENT)) {
            replies.add(DhcpCodec.decode(datagram.bytes()));
        }
        return replies;
    }

    /** Delivers raw bytes from {@code source}, and returns the datagrams the server sent in response. */
    public List<Datagram> deliver(byte[] bytes, InetSocketAddress source) {
        Receiver current;
        int before;
        synchronized (this) {
            if (receiver == null) {
                throw new IllegalStateException("the server is not started");
            }
            current = receiver;
            before = sent.size();
        }
        current.onDatagram(new Datagram(bytes.clone(), source, SERVER, "mem", false));
        synchronized (this) {
            return new ArrayList<>(sent.subList(Math.min(before, sent.size()), sent.size()));
        }
    }

    /** Everything sent so far. */
    public synchronized List<Datagram> sent() {
        return new ArrayList<>(sent);
    }

    @Override
    public synchronized void send(Datagram datagram) {
        sent.add(datagram);
    }

    @Override
    public InetSocketAddress localAddress() {
        return SERVER;
    }

    @Override
    public String interfaceName() {
        return "mem";
    }

    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination) {
        return rfcDestination;
    }

    @Override
    public LinkView linkView() {
        return LinkView.AS_ON_A_LINK;
    }

    @Override
    public synchronized void close() {
        receiver = null;
    }
}
