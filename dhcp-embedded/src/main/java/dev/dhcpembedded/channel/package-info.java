/**
 * <b>SPI, not for tests:</b> the channel between the test JVM and a DHCP agent container: frames, their codec, and
 * the handshake's rules. It is public so that the agent image ({@code dhcp-embedded-agent}) and
 * {@code dhcp-embedded-testcontainers} can share it without reaching into the core's internal packages; both ends are
 * this project's code and move in step, and the wire format is versioned by {@link ChannelProtocol#VERSION}.
 *
 * <h2>Wire format, version 3</h2>
 * Every frame is {@code length:u32 type:u8 payload}, big-endian, where {@code length} counts the type byte and the
 * payload and is at most {@link ChannelProtocol#MAX_FRAME_LENGTH}. The JVM opens the
 * connection and sends {@code HELLO} (magic {@code DHCA}, version, token, the address whose interface the agent
 * serves, a flag byte: 1 to serve DHCPv6 there too) first; the agent answers {@code WELCOME} (version, interface,
 * address, port, broadcast addresses, a flag byte and, when it is 1, the interface's IPv6 link-local address) or
 * {@code REFUSED} (a reason) and closes. Then {@code INBOUND} (agent to JVM) and {@code OUTBOUND} (JVM to agent)
 * carry DHCPv4 datagrams with their addresses, {@code INBOUND6} and {@code OUTBOUND6} DHCPv6 ones (16-byte
 * addresses without a zone, each end scopes them to its interface); version 1 had neither flag nor the
 * v6 frames; {@code PING}/{@code PONG} keep the session alive; {@code NOTICE} is a line
 * for the JVM's log; {@code BYE} ends the session with a reason. Version 3 added UDP beside DHCP ({@link
 * dev.dhcpembedded.channel.UdpFrame}), for the netboot TFTP server: {@code UDP_OPEN} (JVM to agent: an id of the
 * JVM's choice, a port, 0 for any) opens a UDP port on the served address, {@code UDP_OPENED} (the id, the bound
 * address and port) or {@code UDP_CLOSE} (the id, a reason) answers; {@code UDP_DATA} (the id, the peer's address
 * and port, the payload) carries a datagram either way; {@code UDP_CLOSE} from either end closes the port.
 */
package dev.dhcpembedded.channel;
