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

    /** The server's address as its datagrams show it: {@code 127.0.0.1:67}. */
    public static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 67);
    /** The client address {@link #exchange(DhcpMessage)} delivers from: {@code 127.0.0.1:68}. */
    public static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 68);

    /** How many sent datagrams {@link #sent()} keeps; older ones are dropped. */
    public static final int HISTORY = 1024;

    private final java.util.ArrayDeque<Datagram> sent = new java.util.ArrayDeque<>();
    private final ThreadLocal<List<Datagram>> collecting = new ThreadLocal<>();
    private Receiver receiver;

    @Override
    public synchronized void start(Receiver receiver) {
        this.receiver = receiver;
    }

    /**
     * Delivers a message as if from a client on port 68, and returns what the server sent back meanwhile.
     *
     * @param request the message, encoded as a client would send it
     * @return the replies sent before this returned (delayed ones come later, in {@link #sent()}), decoded
     * @throws IllegalStateException if the server is not started
     * @throws dev.dhcpembedded.codec.DhcpCodecException if a reply does not decode (e.g. a stub's malformed reply)
     */
    public List<DhcpMessage> exchange(DhcpMessage request) {
        List<DhcpMessage> replies = new ArrayList<>();
        for (Datagram datagram : deliver(DhcpCodec.encode(request), CLIENT)) {
            replies.add(DhcpCodec.decode(datagram.bytes()));
        }
        return replies;
    }

    /**
     * Delivers raw bytes from {@code source}, and returns the datagrams the server sent in response.
     *
     * @param bytes the UDP payload, copied
     * @param source where it comes from
     * @return the datagrams sent before this returned (delayed ones come later, in {@link #sent()})
     * @throws IllegalStateException if the server is not started
     */
    public List<Datagram> deliver(byte[] bytes, InetSocketAddress source) {
        Receiver current;
        synchronized (this) {
            if (receiver == null) {
                throw new IllegalStateException("the server is not started");
            }
            current = receiver;
        }
        List<Datagram> replies = new ArrayList<>(2);
        collecting.set(replies);
        try {
            current.onDatagram(new Datagram(bytes.clone(), source, SERVER, "mem", false));
        } finally {
            collecting.remove();
        }
        return replies;
    }

    /** {@return the last {@value #HISTORY} datagrams sent, delayed ones included, oldest first} */
    public synchronized List<Datagram> sent() {
        return new ArrayList<>(sent);
    }

    /** Forgets the datagrams {@link #sent()} kept. */
    public synchronized void clear() {
        sent.clear();
    }

    @Override
    public void send(Datagram datagram) {
        List<Datagram> replies = collecting.get();
        if (replies != null) {
            replies.add(datagram);
        }
        synchronized (this) {
            if (sent.size() == HISTORY) {
                sent.removeFirst();
            }
            sent.addLast(datagram);
        }
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
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                              byte[] clientEthernet) {
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
