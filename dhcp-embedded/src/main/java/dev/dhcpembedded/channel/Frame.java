package dev.dhcpembedded.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One message on the channel. Each kind is a record; {@link FrameCodec} turns them into bytes and back. */
public sealed interface Frame {

    /** The type byte on the wire. */
    int type();

    /**
     * JVM to agent, first: who it is (the token), which interface the agent is to serve (by its address), and
     * whether it serves DHCPv6 there too (UDP 547, joined to ff02::1:2).
     */
    record Hello(int version, byte[] token, Inet4Address serve, boolean serve6) implements Frame {
        public static final int TYPE = 0x01;

        /** A HELLO for DHCPv4 alone. */
        public Hello(int version, byte[] token, Inet4Address serve) {
            this(version, token, serve, false);
        }

        public Hello {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(serve, "serve");
            if (token.length < ChannelProtocol.MIN_TOKEN_LENGTH || token.length > ChannelProtocol.MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("a token has " + ChannelProtocol.MIN_TOKEN_LENGTH + " to "
                        + ChannelProtocol.MAX_TOKEN_LENGTH + " bytes, not " + token.length);
            }
            token = token.clone();
        }

        @Override
        public byte[] token() {
            return token.clone();
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hello h && h.version == version && Arrays.equals(h.token, token)
                    && h.serve.equals(serve) && h.serve6 == serve6;
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, Arrays.hashCode(token), serve, serve6);
        }

        @Override
        public String toString() {
            return "Hello[version=" + version + ", token=(" + token.length + " bytes), serve="
                    + serve.getHostAddress() + (serve6 ? " and DHCPv6" : "") + "]";
        }
    }

    /**
     * Agent to JVM: the session is open, on this interface, address and port; with DHCPv6 (when the HELLO asked for
     * it) from {@code address6}, the interface's link-local address, port 547.
     */
    record Welcome(int version, String interfaceName, Inet4Address address, int port,
                   List<Inet4Address> broadcasts, Optional<Inet6Address> address6) implements Frame {
        public static final int TYPE = 0x02;

        public Welcome {
            FrameCodec.requireText(interfaceName, 15, "interface name");
            Objects.requireNonNull(address, "address");
            FrameCodec.requirePort(port);
            broadcasts = List.copyOf(broadcasts);
            if (broadcasts.size() > 255) {
                throw new IllegalArgumentException("at most 255 broadcast addresses, not " + broadcasts.size());
            }
            Objects.requireNonNull(address6, "address6");
        }

        /** A WELCOME for DHCPv4 alone. */
        public Welcome(int version, String interfaceName, Inet4Address address, int port,
                       List<Inet4Address> broadcasts) {
            this(version, interfaceName, address, port, broadcasts, Optional.empty());
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** Agent to JVM, before it closes the connection: why the HELLO was not accepted. */
    record Refused(String reason) implements Frame {
        public static final int TYPE = 0x03;

        public Refused {
            FrameCodec.requireText(reason, FrameCodec.MAX_TEXT, "reason");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** Agent to JVM: a datagram that arrived on the served interface. */
    record Inbound(InetSocketAddress source, InetSocketAddress destination, boolean broadcast, byte[] payload)
            implements Frame {
        public static final int TYPE = 0x10;

        public Inbound {
            FrameCodec.requireIpv4(source, "source");
            FrameCodec.requireIpv4(destination, "destination");
            payload = FrameCodec.requirePayload(payload).clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        /** The payload without a copy, for the receiving side that owns the frame. */
        byte[] payloadUnsafe() {
            return payload;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inbound i && i.source.equals(source) && i.destination.equals(destination)
                    && i.broadcast == broadcast && Arrays.equals(i.payload, payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, destination, broadcast, Arrays.hashCode(payload));
        }

        @Override
        public String toString() {
            return "Inbound[" + source + " -> " + destination + (broadcast ? " broadcast" : "") + ", "
                    + payload.length + " bytes]";
        }
    }

    /**
     * JVM to agent: send {@code payload} to {@code destination} from the served interface's port 67. When
     * {@code clientEthernet} is not empty the destination is a client without an address yet: the agent writes an
     * ARP entry for it first, and broadcasts instead when it cannot.
     */
    record Outbound(InetSocketAddress destination, boolean broadcast, byte[] clientEthernet, byte[] payload)
            implements Frame {
        public static final int TYPE = 0x11;

        public Outbound {
            FrameCodec.requireIpv4(destination, "destination");
            Objects.requireNonNull(clientEthernet, "clientEthernet");
            if (clientEthernet.length != 0 && clientEthernet.length != 6) {
                throw new IllegalArgumentException("a client Ethernet address has 6 bytes (or none), not "
                        + clientEthernet.length);
            }
            clientEthernet = clientEthernet.clone();
            payload = FrameCodec.requirePayload(payload).clone();
        }

        @Override
        public byte[] clientEthernet() {
            return clientEthernet.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        byte[] payloadUnsafe() {
            return payload;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outbound x && x.destination.equals(destination) && x.broadcast == broadcast
                    && Arrays.equals(x.clientEthernet, clientEthernet) && Arrays.equals(x.payload, payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(destination, broadcast, Arrays.hashCode(clientEthernet), Arrays.hashCode(payload));
        }

        @Override
        public String toString() {
            return "Outbound[-> " + destination + (broadcast ? " broadcast" : "") + ", " + payload.length
                    + " bytes]";
        }
    }

    /** Agent to JVM: a DHCPv6 datagram that arrived on the served interface's UDP 547. */
    record Inbound6(InetSocketAddress source, InetSocketAddress destination, byte[] payload) implements Frame {
        public static final int TYPE = 0x12;

        public Inbound6 {
            FrameCodec.requireIpv6(source, "source");
            FrameCodec.requireIpv6(destination, "destination");
            payload = FrameCodec.requirePayload(payload).clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        byte[] payloadUnsafe() {
            return payload;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inbound6 i && i.source.equals(source) && i.destination.equals(destination)
                    && Arrays.equals(i.payload, payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, destination, Arrays.hashCode(payload));
        }

        @Override
        public String toString() {
            return "Inbound6[" + source + " -> " + destination + ", " + payload.length + " bytes]";
        }
    }

    /**
     * JVM to agent: send {@code payload} to {@code destination} (a client's link-local address and port 546, or a
     * relay's address and 547) from the served interface's UDP 547.
     */
    record Outbound6(InetSocketAddress destination, byte[] payload) implements Frame {
        public static final int TYPE = 0x13;

        public Outbound6 {
            FrameCodec.requireIpv6(destination, "destination");
            payload = FrameCodec.requirePayload(payload).clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        byte[] payloadUnsafe() {
            return payload;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outbound6 x && x.destination.equals(destination) && Arrays.equals(x.payload, payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(destination, Arrays.hashCode(payload));
        }

        @Override
        public String toString() {
            return "Outbound6[-> " + destination + ", " + payload.length + " bytes]";
        }
    }

    /** Either way: are you there? */
    record Ping(long nonce) implements Frame {
        public static final int TYPE = 0x20;

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** The answer to a {@link Ping}, with its nonce. */
    record Pong(long nonce) implements Frame {
        public static final int TYPE = 0x21;

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** Agent to JVM: something the JVM's log should show, e.g. a reply that could not be sent. */
    record Notice(String text) implements Frame {
        public static final int TYPE = 0x30;

        public Notice {
            FrameCodec.requireText(text, FrameCodec.MAX_TEXT, "text");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** Either way: the session ends, and why. */
    record Bye(String reason) implements Frame {
        public static final int TYPE = 0x3F;

        public Bye {
            FrameCodec.requireText(reason, FrameCodec.MAX_TEXT, "reason");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }
}
