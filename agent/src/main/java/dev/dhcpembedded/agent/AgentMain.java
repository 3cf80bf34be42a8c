package dev.dhcpembedded.agent;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The agent container's program: {@code java -jar dhcp-embedded-agent.jar}, configured by its environment (see
 * {@link AgentSettings}). Prints {@value #READY} once it listens, and exits when its one session ends: 0 when the
 * JVM said goodbye, 1 when the session was lost (the JVM died, went silent, or never came), 2 on bad settings.
 */
public final class AgentMain {

    /** The line a container wait strategy looks for. */
    public static final String READY = "dhcp-agent ready";

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        AgentSettings settings;
        try {
            settings = AgentSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("dhcp-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        ChannelServer server = new ChannelServer(settings, new InterfaceOpener(Duration.ofSeconds(5)));
        server.start(new InetSocketAddress(settings.port()));
        System.out.println(READY + ": control port " + server.port() + ", channel protocol version "
                + dev.dhcpembedded.channel.ChannelProtocol.VERSION);
        System.out.flush();
        SessionOutcome outcome = server.awaitEnd();
        System.out.println("dhcp-agent exits: " + outcome.reason());
        System.out.flush();
        System.exit(outcome.clean() ? 0 : 1);
    }
}
