package dev.dhcpembedded.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Network.Ipam;
import dev.dhcpembedded.testcontainers.Addresses.Subnet;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker side of a {@link DhcpNetwork}'s life cycle: the Docker client, a free subnet from Docker's IPAM, creating
 * the bridge network with its layout, finding its bridge, and removing it (with the containers still on it).
 */
final class DockerNetworks {

    /** The Docker bridge driver option that names the host-side bridge interface. */
    static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
    /** The Docker bridge driver option that turns NAT to the outside off. */
    static final String MASQUERADE_OPTION = "com.docker.network.bridge.enable_ip_masquerade";

    private DockerNetworks() {
    }

    /** Testcontainers' Docker client, or a {@link DhcpNetworkException} saying none is reachable. */
    static DockerClient docker() {
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("a DhcpNetwork needs a Docker engine, and none is reachable ("
                    + e.getMessage() + "). Start one (e.g. dockerd as root), or skip such tests when "
                    + "DockerClientFactory.instance().isDockerAvailable() is false", e);
        }
    }

    /** Lets Docker's IPAM choose a free subnet: creates a throw-away network, reads its subnet, removes it. */
    static Subnet askForSubnet(DockerClient docker, String networkName) {
        String probe = networkName + "-ipam";
        String probeId;
        try {
            probeId = docker.createNetworkCmd().withName(probe).withDriver("bridge").withInternal(true)
                    .withLabels(Map.of(DhcpNetwork.LABEL, "probe")).exec().getId();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("Docker could not create a network to learn a free subnet from its IPAM: "
                    + e.getMessage() + ". Give one with DhcpNetwork.builder().subnet(\"10.77.0.0/24\")", e);
        }
        try {
            Network inspected = docker.inspectNetworkCmd().withNetworkId(probeId).exec();
            List<Ipam.Config> configs = inspected.getIpam() == null ? List.of() : inspected.getIpam().getConfig();
            for (Ipam.Config c : configs == null ? List.<Ipam.Config>of() : configs) {
                if (c.getSubnet() != null && !c.getSubnet().contains(":")) {
                    return Subnet.parse(c.getSubnet());
                }
            }
            throw new DhcpNetworkException("Docker's IPAM gave network " + probe + " no IPv4 subnet; give one with "
                    + "DhcpNetwork.builder().subnet(\"10.77.0.0/24\")");
        } finally {
            removeQuietly(docker, probeId);
        }
    }

    /**
     * Creates the bridge network {@code networkName} on bridge {@code bridgeName} with {@code layout}: internal when
     * served from the host bridge, else without masquerading.
     *
     * @param subnetChosen true when the user gave the subnet (the message then says to choose another)
     * @return the network's id
     */
    static String create(DockerClient docker, String networkName, String bridgeName, NetworkLayout layout,
                         boolean hostBridge, boolean subnetChosen) {
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        labels.put(DhcpNetwork.LABEL, "true");
        try {
            return docker.createNetworkCmd()
                    .withName(networkName)
                    .withDriver("bridge")
                    .withInternal(hostBridge)
                    .withCheckDuplicate(true)
                    .withOptions(hostBridge ? Map.of(BRIDGE_NAME_OPTION, bridgeName)
                            : Map.of(BRIDGE_NAME_OPTION, bridgeName, MASQUERADE_OPTION, "false"))
                    .withLabels(labels)
                    .withEnableIpv6(layout.subnet6() != null)
                    .withIpam(new Ipam().withConfig(ipamConfigs(layout)))
                    .exec().getId();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("Docker could not create internal network " + networkName + " with subnet "
                    + layout.subnet() + layout.subnet6Text().map(p -> " and " + p).orElse("") + ": "
                    + e.getMessage()
                    + (subnetChosen
                    ? ". Choose a subnet no other Docker network or host route uses, or leave it to Docker's IPAM" : ""),
                    e);
        }
    }

    /**
     * The name of the agent's control network for DHCP network {@code networkName}: that name without its last
     * character, then {@code -ctl}. It sorts before {@code networkName} (a hyphen sorts before every letter and
     * digit), and Docker publishes a container's ports on the network of its gateway, which among networks of the
     * same kind (IPv4 only, or dual-stack) is the first by name: so the control port stays on the control network
     * when the agent joins the DHCP network.
     */
    static String controlNetworkName(String networkName) {
        return networkName.substring(0, networkName.length() - 1) + "-ctl";
    }

    /**
     * Creates the agent's control network {@code name}: a bridge network for the agent alone, without masquerading
     * and without traffic between its containers, dual-stack when {@code ipv6} (as the DHCP network is then, so that
     * it stays the agent's gateway). Its subnets come from Docker's IPAM, the IPv6 one a random ULA /64.
     *
     * @return the network's id
     */
    static String createControl(DockerClient docker, String name, boolean ipv6) {
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        labels.put(DhcpNetwork.LABEL, "control");
        try {
            var create = docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                    .withOptions(Map.of(MASQUERADE_OPTION, "false", "com.docker.network.bridge.enable_icc", "false"))
                    .withLabels(labels);
            if (ipv6) {
                create.withEnableIpv6(true).withIpam(new Ipam().withConfig(new Ipam.Config()
                        .withSubnet(NetworkLayout.randomUla().getHostAddress() + "/64")));
            }
            return create.exec().getId();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("Docker could not create the DHCP agent's control network " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** The host-side bridge interface of network {@code id}. */
    static String bridgeOf(DockerClient docker, String id) {
        Network inspected = docker.inspectNetworkCmd().withNetworkId(id).exec();
        return Optional.ofNullable(inspected.getOptions()).map(o -> o.get(BRIDGE_NAME_OPTION))
                .orElse("br-" + id.substring(0, 12));
    }

    /** The IPv4 subnet, Docker's half and gateway; with IPv6, the /64 with Docker's range {@code :8000::/96}. */
    private static List<Ipam.Config> ipamConfigs(NetworkLayout layout) {
        List<Ipam.Config> configs = new ArrayList<>();
        configs.add(new Ipam.Config().withSubnet(layout.subnet().toString())
                .withIpRange(layout.dockerRange().toString()).withGateway(layout.gatewayText()));
        layout.subnet6Text().ifPresent(subnet6 -> configs.add(new Ipam.Config().withSubnet(subnet6)
                .withIpRange(layout.dockerRange6()).withGateway(layout.gateway6())));
        return configs;
    }

    /** Fails, saying why and what to do, when this JVM does not see the bridge {@code bridgeName}. */
    static void requireHostInterface(String bridgeName, String networkName) {
        NetworkInterface nic;
        try {
            nic = NetworkInterface.getByName(bridgeName);
        } catch (SocketException e) {
            nic = null;
        }
        if (nic == null) {
            throw new DhcpNetworkException("Docker created network " + networkName + " on bridge " + bridgeName
                    + ", but this JVM sees no interface of that name, so the embedded server cannot serve it. "
                    + "The Docker engine runs in another network namespace or machine: Docker Desktop's VM (macOS, "
                    + "Windows, Docker Desktop for Linux), rootless Docker, a remote DOCKER_HOST, or this JVM itself "
                    + "runs in a container. Run these tests on a Linux host with a rootful Docker engine (as CI does),"
                    + " or run the JVM in a container started with --network host --cap-add NET_ADMIN --cap-add "
                    + "NET_RAW and the host's /var/run/docker.sock");
        }
    }

    /** Removes network {@code networkId}, disconnecting the containers still on it first. */
    static void remove(DockerClient docker, String networkId) {
        Network inspected = docker.inspectNetworkCmd().withNetworkId(networkId).exec();
        if (inspected.getContainers() != null) {
            for (String container : new ArrayList<>(inspected.getContainers().keySet())) {
                try {
                    docker.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(container)
                            .withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // gone meanwhile
                }
            }
        }
        docker.removeNetworkCmd(networkId).exec();
    }

    static void removeQuietly(DockerClient docker, String networkId) {
        try {
            remove(docker, networkId);
        } catch (RuntimeException ignored) {
            // best effort
        }
    }
}
