package dev.dhcpembedded.agent;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The agent container's program: {@code java -jar dhcp-embedded-agent.jar}, configured by its environment (see
 * {@link AgentSettings}). Started as root, it first becomes its own user with only the capabilities it needs (see
 * {@link Privileges}); it listens on its control network's address only (see {@code ControlAddress}). Prints
 * {@value #READY} once it listens, and exits when its one session ends: 0 when the JVM said goodbye, 1 when the
 * session was lost (the JVM died, went silent, or never came), 2 on bad settings or when it cannot lock itself down.
 */
public final class AgentMain {

    /** The line a container wait strategy looks for. */
    public static final String READY = "dhcp-agent ready";

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        AgentSettings settings;
        Inet4Address control;
        try {
            settings = AgentSettings.fromEnvironment(System.getenv());
            if (settings.runAs().isPresent()) {
                Privileges.dropTo(settings.runAs().get());
            }
            control = ControlAddress.find();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("dhcp-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        ChannelServer server = new ChannelServer(settings, new InterfaceOpener(Duration.ofSeconds(5)));
        server.start(new InetSocketAddress(control, settings.port()));
        System.out.println(READY + ": control port " + control.getHostAddress() + ":" + server.port()
                + ", channel protocol version " + dev.dhcpembedded.channel.ChannelProtocol.VERSION + "; running as "
                + Privileges.describe());
        System.out.flush();
        SessionOutcome outcome = server.awaitEnd();
        System.out.println("dhcp-agent exits: " + outcome.reason());
        System.out.flush();
        System.exit(outcome.clean() ? 0 : 1);
    }
}
