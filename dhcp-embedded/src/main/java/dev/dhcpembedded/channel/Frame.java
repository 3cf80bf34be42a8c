package dev.dhcpembedded.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message on the channel. Each kind is a record; {@link FrameCodec} turns them into bytes and back. The frames
 * that carry UDP beside DHCP are {@link UdpFrame}s.
 */
public sealed interface Frame permits Frame.Hello, Frame.Welcome, Frame.Refused, Frame.Inbound, Frame.Outbound,
        Frame.Inbound6, Frame.Outbound6, Frame.Ping, Frame.Pong, Frame.Notice, Frame.Bye, UdpFrame {

    /** {@return the type byte on the wire} */
    int type();

    /**
     * JVM to agent, first: who it is (the token), which interface the agent is to serve (by its address), and
     * whether it serves DHCPv6 there too (UDP 547, joined to ff02::1:2).
     */
    record Hello(int version, byte[] token, Inet4Address serve, boolean serve6) implements Frame {
        /** The type byte of a HELLO frame. */
        public static final int TYPE = 0x01;

        /**
         * A HELLO for DHCPv4 alone.
         *
         * @param version the protocol version the JVM speaks
         * @param token the channel token, 16 to 128 bytes; copied
         * @param serve the IPv4 address of the interface the agent is to serve
         * @throws IllegalArgumentException if the token's length is out of bounds
         */
        public Hello(int version, byte[] token, Inet4Address serve) {
            this(version, token, serve, false);
        }

        /**
         * Checks the token's length and copies it.
         *
         * @param version the protocol version the JVM speaks
         * @param token the channel token, 16 to 128 bytes; copied
         * @param serve the IPv4 address of the interface the agent is to serve
         * @param serve6 whether the agent serves DHCPv6 there too
         * @throws IllegalArgumentException if the token's length is out of bounds
         */
        public Hello {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(serve, "serve");
            if (token.length < ChannelProtocol.MIN_TOKEN_LENGTH || token.length > ChannelProtocol.MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("a token has " + ChannelProtocol.MIN_TOKEN_LENGTH + " to "
                        + ChannelProtocol.MAX_TOKEN_LENGTH + " bytes, not " + token.length);
            }
            token = token.clone();
        }

        /** {@return a copy of the token} */
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
        /** The type byte of a WELCOME frame. */
        public static final int TYPE = 0x02;

        /**
         * Checks the fields and copies the broadcast list.
         *
         * @param version the protocol version the agent speaks
         * @param interfaceName the served interface, e.g. {@code eth0}, at most 15 bytes
         * @param address the served interface's IPv4 address
         * @param port the UDP port the agent listens on, 1 to 65535
         * @param broadcasts the interface's broadcast addresses, at most 255; copied
         * @param address6 the interface's link-local address when the agent serves DHCPv6 there, else empty
         * @throws IllegalArgumentException if a field is out of bounds
         */
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

        /**
         * A WELCOME for DHCPv4 alone.
         *
         * @param version the protocol version the agent speaks
         * @param interfaceName the served interface, e.g. {@code eth0}, at most 15 bytes
         * @param address the served interface's IPv4 address
         * @param port the UDP port the agent listens on, 1 to 65535
         * @param broadcasts the interface's broadcast addresses, at most 255; copied
         * @throws IllegalArgumentException if a field is out of bounds
         */
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
        /** The type byte of a REFUSED frame. */
        public static final int TYPE = 0x03;

        /**
         * Checks the reason's length.
         *
         * @param reason why the HELLO was refused, at most {@link FrameCodec#MAX_TEXT} UTF-8 bytes
         * @throws IllegalArgumentException if the reason is too long
         */
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
        /** The type byte of a INBOUND frame. */
        public static final int TYPE = 0x10;

        /**
         * Checks that both addresses are IPv4 and copies the payload.
         *
         * @param source where the datagram came from
         * @param destination where it was sent, e.g. {@code 255.255.255.255:67}
         * @param broadcast whether it arrived as a broadcast
         * @param payload the UDP payload, at most 65535 bytes; copied
         * @throws IllegalArgumentException if a field is out of bounds
         */
        public Inbound {
            FrameCodec.requireIpv4(source, "source");
            FrameCodec.requireIpv4(destination, "destination");
            payload = FrameCodec.requirePayload(payload).clone();
        }

        /** {@return a copy of the UDP payload} */
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
        /** The type byte of a OUTBOUND frame. */
        public static final int TYPE = 0x11;

        /**
         * Checks the fields and copies the arrays.
         *
         * @param destination where to send it, an IPv4 address and port
         * @param broadcast whether to send it as a broadcast
         * @param clientEthernet the client's 6-byte Ethernet address for an ARP entry, or no bytes
         * @param payload the UDP payload, at most 65535 bytes; copied
         * @throws IllegalArgumentException if a field is out of bounds
         */
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

        /** {@return a copy of the client's Ethernet address, 6 bytes or none} */
        @Override
        public byte[] clientEthernet() {
            return clientEthernet.clone();
        }

        /** {@return a copy of the UDP payload} */
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
        /** The type byte of a INBOUND6 frame. */
        public static final int TYPE = 0x12;

        /**
         * Checks that both addresses are IPv6 and copies the payload.
         *
         * @param source where the datagram came from
         * @param destination where it was sent, e.g. {@code [ff02::1:2]:547}
         * @param payload the UDP payload, at most 65535 bytes; copied
         * @throws IllegalArgumentException if a field is out of bounds
         */
        public Inbound6 {
            FrameCodec.requireIpv6(source, "source");
            FrameCodec.requireIpv6(destination, "destination");
            payload = FrameCodec.requirePayload(payload).clone();
        }

        /** {@return a copy of the UDP payload} */
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
        /** The type byte of a OUTBOUND6 frame. */
        public static final int TYPE = 0x13;

        /**
         * Checks that the destination is IPv6 and copies the payload.
         *
         * @param destination where to send it, an IPv6 address and port
         * @param payload the UDP payload, at most 65535 bytes; copied
         * @throws IllegalArgumentException if a field is out of bounds
         */
        public Outbound6 {
            FrameCodec.requireIpv6(destination, "destination");
            payload = FrameCodec.requirePayload(payload).clone();
        }

        /** {@return a copy of the UDP payload} */
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
        /** The type byte of a PING frame. */
        public static final int TYPE = 0x20;

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** The answer to a {@link Ping}, with its nonce. */
    record Pong(long nonce) implements Frame {
        /** The type byte of a PONG frame. */
        public static final int TYPE = 0x21;

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** Agent to JVM: something the JVM's log should show, e.g. a reply that could not be sent. */
    record Notice(String text) implements Frame {
        /** The type byte of a NOTICE frame. */
        public static final int TYPE = 0x30;

        /**
         * Checks the text's length.
         *
         * @param text what the JVM's log should show, at most {@link FrameCodec#MAX_TEXT} UTF-8 bytes
         * @throws IllegalArgumentException if the text is too long
         */
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
        /** The type byte of a BYE frame. */
        public static final int TYPE = 0x3F;

        /**
         * Checks the reason's length.
         *
         * @param reason why the session ends, at most {@link FrameCodec#MAX_TEXT} UTF-8 bytes
         * @throws IllegalArgumentException if the reason is too long
         */
        public Bye {
            FrameCodec.requireText(reason, FrameCodec.MAX_TEXT, "reason");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }
}
