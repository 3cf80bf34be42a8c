package dev.dhcpembedded.agent;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelProtocolException;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.channel.FrameWriter;
import dev.dhcpembedded.channel.UdpFrame;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.Transport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one session of an agent: datagrams from the transport go to the JVM as INBOUND frames, OUTBOUND frames from
 * the JVM go out of the transport; UDP frames open, feed and close the UDP ports of its {@link UdpRelay}. It ends when the JVM says BYE, closes, breaks the protocol, or is silent for the
 * idle timeout; then the transport and the UDP ports are closed.
 */
final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final InetSocketAddress NO_ADDRESS_YET = new InetSocketAddress("0.0.0.0", 68);

    private final Socket socket;
    private final FrameReader reader;
    private final Transport transport;
    /** DHCPv6 on the same interface, when the JVM asked for it; else null. */
    private final Transport transport6;
    private final List<Inet4Address> broadcasts;
    private final Duration idleTimeout;
    private final CountDownLatch welcomed = new CountDownLatch(1);
    private FrameWriter writer;
    private UdpRelay relay;

    Session(Socket socket, FrameReader reader, Transport transport, Transport transport6,
            List<Inet4Address> broadcasts, Duration idleTimeout) {
        this.socket = socket;
        this.reader = reader;
        this.transport = transport;
        this.transport6 = transport6;
        this.broadcasts = broadcasts;
        this.idleTimeout = idleTimeout;
    }

    /** Runs the session on the calling thread until it ends; the transport is not started yet. */
    SessionOutcome run() {
        try {
            writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream()));
            try {
                transport.start(this::forward);
            } catch (IOException | RuntimeException e) {
                String reason = "cannot serve DHCP on " + transport.interfaceName() + ": " + e.getMessage();
                writer.write(new Frame.Refused(clip(reason)));
                return new SessionOutcome(false, reason);
            }
            Optional<Inet6Address> address6 = Optional.empty();
            if (transport6 != null) {
                try {
                    transport6.start(this::forward6);
                    address6 = Optional.of(unzoned(transport6.localAddress().getAddress()));
                } catch (IOException | RuntimeException e) {
                    String reason = "cannot serve DHCPv6 on " + transport6.interfaceName() + ": " + e.getMessage()
                            + " (is IPv6 enabled on the network?)";
                    writer.write(new Frame.Refused(clip(reason)));
                    return new SessionOutcome(false, reason);
                }
            }
            InetSocketAddress local = transport.localAddress();
            writer.write(new Frame.Welcome(ChannelProtocol.VERSION, transport.interfaceName(),
                    (Inet4Address) local.getAddress(), local.getPort(), broadcasts, address6));
            relay = new UdpRelay(local.getAddress(), writer, ChannelProtocol.MAX_UDP_PORTS);
            welcomed.countDown();
            LOG.info("session open: serving {} for {}", transport, socket.getRemoteSocketAddress());
            socket.setSoTimeout((int) idleTimeout.toMillis());
            return serve();
        } catch (IOException e) {
            return new SessionOutcome(false, "the channel failed: " + e);
        } finally {
            welcomed.countDown();
            if (relay != null) {
                relay.close();
            }
            transport.close();
            if (transport6 != null) {
                transport6.close();
            }
            closeQuietly();
        }
    }

    private SessionOutcome serve() throws IOException {
        while (true) {
            Frame frame;
            try {
                frame = reader.read();
            } catch (SocketTimeoutException e) {
                return new SessionOutcome(false, "the JVM was silent for " + idleTimeout.toSeconds()
                        + " s (it pings every " + ChannelProtocol.PING_INTERVAL.toSeconds() + " s): it is gone");
            } catch (ChannelProtocolException e) {
                sayBye("protocol error: " + e.getMessage());
                return new SessionOutcome(false, "the JVM broke the channel protocol: " + e.getMessage());
            }
            if (frame == null) {
                return new SessionOutcome(false, "the JVM closed the channel without BYE");
            }
            if (frame instanceof Frame.Outbound out) {
                send(out);
            } else if (frame instanceof Frame.Outbound6 out6 && transport6 != null) {
                send6(out6);
            } else if (frame instanceof UdpFrame udp && relay.handle(udp)) {
                continue;
            } else if (frame instanceof Frame.Ping ping) {
                writer.write(new Frame.Pong(ping.nonce()));
            } else if (frame instanceof Frame.Pong) {
                continue;
            } else if (frame instanceof Frame.Bye bye) {
                return new SessionOutcome(true, "the JVM ended the session: " + bye.reason());
            } else {
                String reason = "a " + frame.getClass().getSimpleName() + " frame has no place in an open session";
                sayBye(reason);
                return new SessionOutcome(false, reason);
            }
        }
    }

    /** One reply out of the interface; a client without an address gets an ARP entry first (or a broadcast). */
    private void send(Frame.Outbound out) throws IOException {
        InetSocketAddress destination = out.destination();
        byte[] mac = out.clientEthernet();
        if (mac.length == 6) {
            Datagram addressless = new Datagram(new byte[0], NO_ADDRESS_YET, transport.localAddress(),
                    transport.interfaceName(), true);
            InetSocketAddress actual = transport.replyDestination(addressless, destination, mac);
            if (!actual.equals(destination)) {
                writer.write(new Frame.Notice("no ARP entry for " + destination.getAddress().getHostAddress()
                        + " could be written: the reply went to " + actual + " instead"));
                destination = actual;
            }
        }
        try {
            transport.send(new Datagram(out.payload(), transport.localAddress(), destination,
                    transport.interfaceName(), out.broadcast()));
        } catch (IOException e) {
            writer.write(new Frame.Notice(clip("sending to " + destination + " failed: " + e.getMessage())));
        }
    }

    /** One DHCPv6 reply out of the interface, a link-local destination scoped to it. */
    private void send6(Frame.Outbound6 out) throws IOException {
        InetSocketAddress destination = out.destination();
        Inet6Address to = (Inet6Address) destination.getAddress();
        if (to.isLinkLocalAddress() || to.isMulticastAddress()) {
            to = Inet6Address.getByAddress(null, to.getAddress(), NetworkInterface.getByName(transport6.interfaceName()));
            destination = new InetSocketAddress(to, destination.getPort());
        }
        try {
            transport6.send(new Datagram(out.payload(), transport6.localAddress(), destination,
                    transport6.interfaceName(), false));
        } catch (IOException e) {
            writer.write(new Frame.Notice(clip("sending to " + destination + " failed: " + e.getMessage())));
        }
    }

    /** The DHCPv6 transport's thread: each datagram that arrived goes to the JVM, its addresses without a zone. */
    private void forward6(Datagram in) {
        try {
            if (!welcomed.await(5, TimeUnit.SECONDS)) {
                return;
            }
            writer.write(new Frame.Inbound6(new InetSocketAddress(unzoned(in.source().getAddress()),
                    in.source().getPort()), new InetSocketAddress(unzoned(in.destination().getAddress()),
                    in.destination().getPort()), in.bytes()));
        } catch (IOException e) {
            LOG.warn("cannot forward a datagram from {} to the JVM: {}", in.source(), e.toString());
            closeQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The address without its zone (scope id): the JVM's end has no such interface. */
    private static Inet6Address unzoned(InetAddress address) {
        try {
            return Inet6Address.getByAddress(null, address.getAddress(), (NetworkInterface) null);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // 16 bytes are always an address
        }
    }

    /** The transport's thread: each datagram that arrived goes to the JVM. */
    private void forward(Datagram in) {
        try {
            if (!welcomed.await(5, TimeUnit.SECONDS)) {
                return;
            }
            writer.write(new Frame.Inbound(in.source(), in.destination(), in.broadcast(), in.bytes()));
        } catch (IOException e) {
            LOG.warn("cannot forward a datagram from {} to the JVM: {}", in.source(), e.toString());
            closeQuietly(); // the reader notices and ends the session
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sayBye(String reason) {
        try {
            writer.write(new Frame.Bye(clip(reason)));
        } catch (IOException | RuntimeException ignored) {
            // the peer is gone or broken: nothing more to tell it
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
