package dev.dhcpembedded.channel;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * The frames of version 3 that carry UDP beside DHCP, for the netboot TFTP server: the JVM asks the agent to open a
 * UDP port on the served address ({@link Open}), the agent says which port it got ({@link Opened}), datagrams
 * travel both ways tagged with the port's id ({@link Data}), and either end closes the port ({@link Close}). The
 * JVM chooses the ids; the agent holds at most {@link ChannelProtocol#MAX_UDP_PORTS} ports of a session at once.
 */
public sealed interface UdpFrame extends Frame {

    /** {@return the id of the port the frame is about, chosen by the JVM} */
    int id();

    /** JVM to agent: open a UDP port on the served address, port {@code port} (0: any free port), as {@code id}. */
    record Open(int id, int port) implements UdpFrame {
        /** The type byte of a UDP_OPEN frame. */
        public static final int TYPE = 0x40;

        /**
         * Checks the port.
         *
         * @param id the port's id, any value the JVM does not use for another open port
         * @param port the UDP port to bind, 0 to 65535 (0: any free one)
         * @throws IllegalArgumentException if the port is out of bounds
         */
        public Open {
            FrameCodec.requirePort(port);
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** Agent to JVM: port {@code id} is open, bound to {@code local} (the served address and the port it got). */
    record Opened(int id, InetSocketAddress local) implements UdpFrame {
        /** The type byte of a UDP_OPENED frame. */
        public static final int TYPE = 0x41;

        /**
         * Checks that the address is IPv4.
         *
         * @param id the port's id, as the JVM chose it
         * @param local where the port is bound
         * @throws IllegalArgumentException if {@code local} is not an IPv4 socket address
         */
        public Opened {
            FrameCodec.requireIpv4(local, "local");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * Either way: a datagram of port {@code id}. From the agent, one that arrived there from {@code peer}; from the
     * JVM, one the agent sends from there to {@code peer}.
     */
    record Data(int id, InetSocketAddress peer, byte[] payload) implements UdpFrame {
        /** The type byte of a UDP_DATA frame. */
        public static final int TYPE = 0x42;

        /**
         * Checks the address and copies the payload.
         *
         * @param id the port's id
         * @param peer the other end: the sender of an arrived datagram, the destination of one to send
         * @param payload the UDP payload, at most 65535 bytes; copied
         * @throws IllegalArgumentException if a field is out of bounds
         */
        public Data {
            FrameCodec.requireIpv4(peer, "peer");
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
            return o instanceof Data d && d.id == id && d.peer.equals(peer) && Arrays.equals(d.payload, payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, peer, Arrays.hashCode(payload));
        }

        @Override
        public String toString() {
            return "UdpData[" + id + ", " + peer + ", " + payload.length + " bytes]";
        }
    }

    /**
     * Either way: port {@code id} is closed, and why. From the JVM, close it; from the agent, it could not be opened
     * or failed, and is gone. An id that is not open is ignored: both ends may close at once.
     */
    record Close(int id, String reason) implements UdpFrame {
        /** The type byte of a UDP_CLOSE frame. */
        public static final int TYPE = 0x43;

        /**
         * Checks the reason's length.
         *
         * @param id the port's id
         * @param reason why, at most {@link FrameCodec#MAX_TEXT} UTF-8 bytes
         * @throws IllegalArgumentException if the reason is too long
         */
        public Close {
            FrameCodec.requireText(reason, FrameCodec.MAX_TEXT, "reason");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }
}
