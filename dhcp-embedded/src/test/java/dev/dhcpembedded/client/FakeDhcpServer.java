package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MessageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A tiny DHCP server for the client's tests: a socket on 127.0.0.1 that records what it receives and answers each
 * decodable request with whatever the responder returns (zero or more canned replies), to the sender's address.
 */
final class FakeDhcpServer implements AutoCloseable {

    static final String SERVER_ID = "10.20.0.1";

    private final DatagramSocket socket;
    private final Function<DhcpMessage, List<byte[]>> responder;
    private final List<byte[]> receivedRaw = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread thread;

    private FakeDhcpServer(Function<DhcpMessage, List<byte[]>> responder) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(Ipv4.parse("127.0.0.1"), 0));
        this.responder = responder;
        this.thread = new Thread(this::serve, "fake-dhcp-server-" + socket.getLocalPort());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A server whose responder returns messages to encode. */
    static FakeDhcpServer answering(Function<DhcpMessage, List<DhcpMessage>> responder) {
        return answeringRaw(request -> responder.apply(request).stream().map(DhcpCodec::encode).toList());
    }

    /** A server whose responder returns datagrams as bytes (for malformed replies). */
    static FakeDhcpServer answeringRaw(Function<DhcpMessage, List<byte[]>> responder) {
        try {
            return new FakeDhcpServer(responder);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server that never answers. */
    static FakeDhcpServer silent() {
        return answering(request -> List.of());
    }

    /** OFFER for DISCOVER, ACK for REQUEST and INFORM, nothing for the rest. */
    static FakeDhcpServer standard(String address) {
        return answering(request -> {
            if (request.is(MessageType.DISCOVER)) {
                return List.of(offer(request, address));
            }
            if (request.is(MessageType.REQUEST)) {
                return List.of(ack(request, address));
            }
            if (request.is(MessageType.INFORM)) {
                return List.of(informAck(request));
            }
            return List.of();
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The datagrams received so far that decode, decoded. */
    List<DhcpMessage> received() {
        lock.lock();
        try {
            List<DhcpMessage> decoded = new ArrayList<>();
            for (byte[] bytes : receivedRaw) {
                try {
                    decoded.add(DhcpCodec.decode(bytes));
                } catch (RuntimeException malformed) {
                    // only receivedRaw() shows it
                }
            }
            return decoded;
        } finally {
            lock.unlock();
        }
    }

    List<byte[]> receivedRaw() {
        lock.lock();
        try {
            return List.copyOf(receivedRaw);
        } finally {
            lock.unlock();
        }
    }

    /** Waits (briefly) until {@code count} datagrams have arrived; for messages that get no reply. */
    List<DhcpMessage> awaitReceived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (receivedRaw.size() < count) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("expected " + count + " datagrams, got " + receivedRaw.size());
                }
                arrived.await(remaining, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        return received();
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            byte[] bytes = Arrays.copyOf(packet.getData(), packet.getLength());
            lock.lock();
            try {
                receivedRaw.add(bytes);
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
            DhcpMessage request;
            try {
                request = DhcpCodec.decode(bytes);
            } catch (RuntimeException malformed) {
                continue;
            }
            for (byte[] reply : responder.apply(request)) {
                try {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                } catch (IOException closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- canned replies ----

    static DhcpMessageBuilder reply(DhcpMessage request, MessageType type) {
        return DhcpMessage.builder()
                .op(DhcpMessage.BOOTREPLY)
                .htype(request.htype())
                .hlen(request.hlen())
                .chaddrBytes(request.chaddr())
                .xid(request.xid())
                .flags(request.flags())
                .giaddr(request.giaddr())
                .messageType(type)
                .option(DhcpOptions.serverIdentifier(SERVER_ID));
    }

    static DhcpMessage offer(DhcpMessage request, String address) {
        return withConfiguration(reply(request, MessageType.OFFER).yiaddr(address)).build();
    }

    static DhcpMessage ack(DhcpMessage request, String address) {
        return withConfiguration(reply(request, MessageType.ACK).yiaddr(address).ciaddr(request.ciaddr()))
                .build();
    }

    static DhcpMessage informAck(DhcpMessage request) {
        return reply(request, MessageType.ACK)
                .option(DhcpOptions.subnetMask("255.255.255.0"))
                .option(DhcpOptions.domainNameServers("10.20.0.53"))
                .build();
    }

    static DhcpMessage nak(DhcpMessage request, String message) {
        return reply(request, MessageType.NAK).option(DhcpOptions.message(message)).build();
    }

    private static DhcpMessageBuilder withConfiguration(DhcpMessageBuilder builder) {
        return builder
                .option(DhcpOptions.leaseTime(Duration.ofMinutes(10)))
                .option(DhcpOptions.renewalTime(Duration.ofMinutes(5)))
                .option(DhcpOptions.rebindingTime(Duration.ofSeconds(525)))
                .option(DhcpOptions.subnetMask("255.255.255.0"))
                .option(DhcpOptions.router("10.20.0.1"))
                .option(DhcpOptions.domainNameServers("10.20.0.53", "10.20.0.54"))
                .option(DhcpOptions.domainName("lab.test"));
    }
}
