package dev.dhcpembedded.agent;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the agent is told through its environment, validated.
 *
 * @param token           {@value #TOKEN}: the secret the JVM must present (required)
 * @param port            {@value #PORT}: the control port to listen on (default 9067)
 * @param sessionDeadline {@value #SESSION_DEADLINE}: seconds to wait for the JVM's session before exiting (default
 *                        60), so that an agent whose JVM died before connecting does not stay behind
 * @param handshakeTimeout how long a peer has to present its HELLO
 * @param idleTimeout     how long the session may be silent before the agent gives it up
 */
public record AgentSettings(ChannelToken token, int port, Duration sessionDeadline, Duration handshakeTimeout,
                            Duration idleTimeout) {

    public static final String TOKEN = "DHCP_AGENT_TOKEN";
    public static final String PORT = "DHCP_AGENT_PORT";
    public static final String SESSION_DEADLINE = "DHCP_AGENT_SESSION_DEADLINE";

    public AgentSettings {
        Objects.requireNonNull(token, "token");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0-65535");
        }
        requirePositive(sessionDeadline, "session deadline");
        requirePositive(handshakeTimeout, "handshake timeout");
        requirePositive(idleTimeout, "idle timeout");
    }

    /** From the process environment; a missing token or a bad number is an {@link IllegalArgumentException}. */
    public static AgentSettings fromEnvironment(Map<String, String> env) {
        String token = env.get(TOKEN);
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException(TOKEN + " is not set: the agent accepts only a peer that presents "
                    + "the token it was started with");
        }
        return new AgentSettings(ChannelToken.parse(token),
                number(env, PORT, ChannelProtocol.DEFAULT_PORT),
                Duration.ofSeconds(number(env, SESSION_DEADLINE, 60)),
                ChannelProtocol.HANDSHAKE_TIMEOUT, ChannelProtocol.IDLE_TIMEOUT);
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String text = env.get(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + text + " is not a number");
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + d);
        }
    }
}
