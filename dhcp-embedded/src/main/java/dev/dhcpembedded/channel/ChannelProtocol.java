package dev.dhcpembedded.channel;

import java.time.Duration;

/** The constants both ends of the channel agree on. */
public final class ChannelProtocol {

    /**
     * The protocol version this code speaks; a peer that states another one is refused. Version 2 added DHCPv6: a
     * flag in HELLO and WELCOME, and the INBOUND6/OUTBOUND6 frames. Version 3 added UDP beside DHCP, for the
     * netboot TFTP server: the {@link UdpFrame}s.
     */
    public static final int VERSION = 3;
    /** The first four bytes of a HELLO: "DHCA". */
    public static final int MAGIC = 0x44484341;
    /** The largest {@code length} field accepted: a type byte, room for two IPv6 socket addresses, flags and a MAC,
     * and the largest UDP payload. A larger one is refused before any byte of it is read. */
    public static final int MAX_FRAME_LENGTH = 1 + 48 + 65_535;
    /** The longest token, in bytes. */
    public static final int MAX_TOKEN_LENGTH = 128;
    /** The shortest token, in bytes: a guess must not be feasible. */
    public static final int MIN_TOKEN_LENGTH = 16;
    /** How long a peer has, from connecting, to complete its HELLO. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);
    /** How often the JVM pings the agent. */
    public static final Duration PING_INTERVAL = Duration.ofSeconds(2);
    /** How long either end waits, hearing nothing, before it declares the channel dead. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(6);
    /**
     * The most UDP ports ({@link UdpFrame.Open}) a session holds open at once: a TFTP listener and its transfers,
     * each with its own port (RFC 1350's transfer id). One more is refused with a {@link UdpFrame.Close}.
     */
    public static final int MAX_UDP_PORTS = 33;
    /** The agent's control port inside its container. */
    public static final int DEFAULT_PORT = 9067;

    private ChannelProtocol() {
    }
}
