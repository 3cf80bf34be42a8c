/**
 * The channel between the test JVM and a DHCP agent container: frames, their codec, and the handshake's rules.
 * Internal: both ends are this project's code and move in step; the wire format is versioned by
 * {@link dev.dhcpembedded.internal.channel.ChannelProtocol#VERSION}.
 *
 * <h2>Wire format, version 1</h2>
 * Every frame is {@code length:u32 type:u8 payload}, big-endian, where {@code length} counts the type byte and the
 * payload and is at most {@link dev.dhcpembedded.internal.channel.ChannelProtocol#MAX_FRAME_LENGTH}. The JVM opens the
 * connection and sends {@code HELLO} (magic {@code DHCA}, version, token, the address whose interface the agent
 * serves) first; the agent answers {@code WELCOME} (version, interface, address, port, broadcast addresses) or
 * {@code REFUSED} (a reason) and closes. Then {@code INBOUND} (agent to JVM) and {@code OUTBOUND} (JVM to agent)
 * carry datagrams with their addresses; {@code PING}/{@code PONG} keep the session alive; {@code NOTICE} is a line
 * for the JVM's log; {@code BYE} ends the session with a reason.
 */
package dev.dhcpembedded.internal.channel;
