package dev.dhcpembedded.agent;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.TokenDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent is told through its environment, validated.
 *
 * @param token           {@value #TOKEN_SHA256}: the SHA-256 of the token the JVM must present (required); the token
 *                        itself is never in the environment, which {@code docker inspect} shows
 * @param port            {@value #PORT}: the control port to listen on (default 9067)
 * @param sessionDeadline {@value #SESSION_DEADLINE}: seconds to wait for the JVM's session before exiting (default
 *                        60), so that an agent whose JVM died before connecting does not stay behind
 * @param handshakeTimeout how long a peer has to present its HELLO
 * @param idleTimeout     how long the session may be silent before the agent gives it up
 * @param runAs           {@value #USER}: {@code uid:gid} the agent switches to when started as root, keeping only
 *                        the capabilities it serves DHCP with (see {@link Privileges}); empty: it stays as it is
 */
public record AgentSettings(TokenDigest token, int port, Duration sessionDeadline, Duration handshakeTimeout,
                            Duration idleTimeout, Optional<Privileges.Identity> runAs) {

    public static final String TOKEN_SHA256 = "DHCP_AGENT_TOKEN_SHA256";
    public static final String PORT = "DHCP_AGENT_PORT";
    public static final String SESSION_DEADLINE = "DHCP_AGENT_SESSION_DEADLINE";
    public static final String USER = "DHCP_AGENT_USER";

    public AgentSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(runAs, "runAs");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0-65535");
        }
        requirePositive(sessionDeadline, "session deadline");
        requirePositive(handshakeTimeout, "handshake timeout");
        requirePositive(idleTimeout, "idle timeout");
    }

    /** Settings for a test: the protocol's timeouts, no switch of user. */
    public AgentSettings(TokenDigest token, int port, Duration sessionDeadline, Duration handshakeTimeout,
                         Duration idleTimeout) {
        this(token, port, sessionDeadline, handshakeTimeout, idleTimeout, Optional.empty());
    }

    /** From the process environment; a missing digest or a bad number is an {@link IllegalArgumentException}. */
    public static AgentSettings fromEnvironment(Map<String, String> env) {
        String digest = env.get(TOKEN_SHA256);
        if (digest == null || digest.isEmpty()) {
            throw new IllegalArgumentException(TOKEN_SHA256 + " is not set: the agent accepts only a peer that "
                    + "presents the token whose SHA-256 it was started with");
        }
        String user = env.getOrDefault(USER, "");
        return new AgentSettings(TokenDigest.parse(digest.trim()),
                number(env, PORT, ChannelProtocol.DEFAULT_PORT),
                Duration.ofSeconds(number(env, SESSION_DEADLINE, 60)),
                ChannelProtocol.HANDSHAKE_TIMEOUT, ChannelProtocol.IDLE_TIMEOUT,
                user.isBlank() ? Optional.empty() : Optional.of(Privileges.Identity.parse(USER, user.trim())));
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
