package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.server.DhcpServerBuilder;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@link DhcpNetwork}'s DHCP agent: the agent container, joined to the network, and the channel to it, which is the
 * server's transport. It remembers why the channel broke, if it did, so that the running test can fail naming the
 * agent.
 */
final class AgentLink {

    private final AgentContainer container;
    private final AgentTransport channel;
    private final String networkName;
    private final String controlNetworkId;
    private volatile String failure;
    private boolean stopped;

    private AgentLink(AgentContainer container, AgentTransport channel, String networkName,
                      String controlNetworkId) {
        this.container = container;
        this.channel = channel;
        this.networkName = networkName;
        this.controlNetworkId = controlNetworkId;
    }

    /**
     * Starts the agent from {@code image} on a control network of its own (dual-stack when {@code serve6}), connects
     * it to {@code networkName}, and opens the channel to it (asking for DHCPv6 too when {@code serve6}). The agent
     * listens on its control network's address only, so no container on the DHCP network reaches its control port.
     * On failure the agent is stopped and its control network removed again.
     *
     * @throws DhcpNetworkException saying which step failed
     */
    static AgentLink start(DockerImageName image, String networkName, boolean serve6) {
        ChannelToken token = ChannelToken.random();
        String controlName = DockerNetworks.controlNetworkName(networkName);
        String controlId = DockerNetworks.createControl(DockerNetworks.docker(), controlName, serve6);
        AgentContainer started = new AgentContainer(image, token, networkName, serve6).withNetworkMode(controlName);
        try {
            return open(started, image, token, networkName, serve6, controlId);
        } catch (RuntimeException e) {
            stopQuietly(started);
            DockerNetworks.removeQuietly(DockerNetworks.docker(), controlId);
            throw e;
        }
    }

    private static AgentLink open(AgentContainer started, DockerImageName image, ChannelToken token,
                                  String networkName, boolean serve6, String controlId) {
        try {
            started.start();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("the DHCP agent container (image " + image + ") did not "
                    + "start: " + e.getMessage() + ". Is the image there? .ci/build-images.sh builds it locally; "
                    + "agent/Dockerfile is what a release builds from", e);
        }
        Inet4Address address;
        try {
            DockerNetworks.docker().connectToNetworkCmd().withNetworkId(networkName)
                    .withContainerId(started.getContainerId()).exec();
            address = (Inet4Address) InetAddress.getByName(started.addressOn(networkName));
        } catch (IOException | RuntimeException e) {
            throw new DhcpNetworkException("cannot connect the DHCP agent " + started.describe() + " to network "
                    + networkName + ": " + e.getMessage(), e);
        }
        InetSocketAddress control = new InetSocketAddress(started.getHost(), started.controlPortNow());
        AgentTransport channel;
        try {
            channel = AgentTransport.connect(control, token, address, serve6, Duration.ofSeconds(10),
                    started.describe());
        } catch (IOException e) {
            throw new DhcpNetworkException("cannot open the channel to the DHCP agent " + started.describe() + " at "
                    + control + ": " + e.getMessage(), e);
        }
        AgentLink link = new AgentLink(started, channel, networkName, controlId);
        channel.onBroken(link::broke);
        return link;
    }

    private void broke(String reason) {
        failure = "the DHCP agent " + container.describe() + " of network " + networkName + " is gone: " + reason
                + ". DHCP on this network has stopped; the containers on it get no more answers";
    }

    /**
     * Makes the agent the server's transport, whatever a step said before: for DHCPv4, and for DHCPv6 when
     * {@code serve6}. Clients unicast to the server identifier (RENEWING), so it is the agent's own address.
     */
    void serve(DhcpServerBuilder builder, boolean serve6) {
        builder.transport(channel).serverId(channel.localAddress().getAddress().getHostAddress());
        if (serve6) {
            builder.transport6(channel.dhcp6());
        }
    }

    /** Why DHCP stopped, if the channel broke. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    String containerId() {
        return container.getContainerId();
    }

    /** The agent as messages name it: its container name and id. */
    String describe() {
        return container.describe();
    }

    /** Closes the channel (if the server did not) and stops the agent container, quietly: it may be gone already. */
    synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        channel.close();
        stopQuietly(container);
        DockerNetworks.removeQuietly(DockerNetworks.docker(), controlNetworkId);
    }

    private static void stopQuietly(AgentContainer container) {
        try {
            container.stop();
        } catch (RuntimeException ignored) {
            // best effort: it may be gone already
        }
    }
}
