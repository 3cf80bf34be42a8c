package dev.dhcpembedded.robustness;

import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A transport that counts where every datagram the server sends really goes (the journal shows the RFC view). */
final class RecordingTransport implements Transport {

    private final Transport delegate;
    private final Map<InetSocketAddress, LongAdder> destinations = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();

    RecordingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    /** Every destination the server sent to, with how many datagrams. */
    Map<InetSocketAddress, LongAdder> destinations() {
        return destinations;
    }

    long sent() {
        return sent.sum();
    }

    @Override
    public void start(Receiver receiver) throws IOException {
        delegate.start(receiver);
    }

    @Override
    public void send(Datagram datagram) throws IOException {
        destinations.computeIfAbsent(datagram.destination(), d -> new LongAdder()).increment();
        sent.increment();
        delegate.send(datagram);
    }

    @Override
    public InetSocketAddress localAddress() {
        return delegate.localAddress();
    }

    @Override
    public String interfaceName() {
        return delegate.interfaceName();
    }

    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                              byte[] clientEthernet) {
        return delegate.replyDestination(request, rfcDestination, clientEthernet);
    }

    @Override
    public LinkView linkView() {
        return delegate.linkView();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
