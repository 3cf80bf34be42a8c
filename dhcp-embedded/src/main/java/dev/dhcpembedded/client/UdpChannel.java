package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpCodecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A client's UDP socket, the same for both families: sends to the server, receives with a deadline, and journals
 * every datagram.
 *
 * @param <M> the message type of the client's family
 */
final class UdpChannel<M> implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65535;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final Clock clock;
    private final Wire<M> wire;
    private final ExchangeLog<M> log;
    private final byte[] buffer = new byte[MAX_DATAGRAM];

    private UdpChannel(DatagramSocket socket, InetSocketAddress server, Clock clock, Wire<M> wire,
            ExchangeLog<M> log) {
        this.socket = socket;
        this.server = server;
        this.clock = clock;
        this.wire = wire;
        this.log = log;
    }

    static <M> UdpChannel<M> open(Link link, Wire<M> wire, ExchangeLog<M> log) {
        InetSocketAddress local = link.local();
        try {
            DatagramSocket socket = new DatagramSocket(null);
            try {
                socket.setBroadcast(true);
                socket.bind(local);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return new UdpChannel<>(socket, link.server(), link.clock(), wire, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the DHCP client's UDP socket to " + link.local(), e);
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(M message) {
        byte[] bytes = wire.encode(message);
        transmit(bytes);
        log.add(Exchange.decoded(Exchange.Direction.SENT, clock.instant(), server, bytes, message));
    }

    void sendRaw(byte[] bytes) {
        byte[] copy = bytes.clone();
        transmit(copy);
        log.add(journalEntry(Exchange.Direction.SENT, server, copy));
    }

    /**
     * Receives until a decoded message passes {@code wanted} or the timeout runs out. Every datagram that arrives
     * is journaled, wanted or not.
     */
    Optional<M> receive(Duration timeout, Predicate<M> wanted) {
        long deadline = System.nanoTime() + Math.max(timeout.toNanos(), 0);
        while (true) {
            long remainingMillis = (deadline - System.nanoTime() + 999_999) / 1_000_000;
            if (remainingMillis <= 0) {
                return Optional.empty();
            }
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.setSoTimeout((int) Math.min(remainingMillis, Integer.MAX_VALUE));
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("receiving on " + localAddress() + " failed", e);
            }
            byte[] bytes = Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                    packet.getOffset() + packet.getLength());
            Exchange<M> entry = journalEntry(Exchange.Direction.RECEIVED,
                    (InetSocketAddress) packet.getSocketAddress(), bytes);
            log.add(entry);
            Optional<M> message = entry.decoded();
            if (message.isPresent() && wanted.test(message.get())) {
                return message;
            }
        }
    }

    private void transmit(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + bytes.length + " bytes to " + server + " failed", e);
        }
    }

    private Exchange<M> journalEntry(Exchange.Direction direction, InetSocketAddress peer, byte[] bytes) {
        try {
            return Exchange.decoded(direction, clock.instant(), peer, bytes, wire.decode(bytes));
        } catch (DhcpCodecException e) {
            return Exchange.undecodable(direction, clock.instant(), peer, bytes, e.getMessage());
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
