package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.Subnet6Builder;
import dev.dhcpembedded.server.SubnetBuilder;
import dev.dhcpembedded.testcontainers.Addresses.Range;
import dev.dhcpembedded.testcontainers.Addresses.Subnet;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.testcontainers.utility.DockerImageName;

/**
 * Shapes a {@link DhcpNetwork}; every setting is optional. What is about the Docker network (its subnet, its
 * pool, IPv6, the agent, the host bridge) has a method here; everything the server does is configured with the
 * server's own builders: {@link #server(Consumer)} for the server, {@link #subnet(Consumer)} and
 * {@link #subnet6(Consumer)} for the network's subnets, whose addresses Docker may choose.
 */
public final class DhcpNetworkBuilder {
    Subnet subnet;
    Range pool;
    boolean router = true;
    String namePrefix = "dhcp-embedded-";
    boolean hostBridge;
    DockerImageName agentImage = AgentContainer.DEFAULT_IMAGE;
    final List<Consumer<DhcpServerBuilder>> serverSteps = new ArrayList<>();
    final List<Consumer<SubnetBuilder>> subnetSteps = new ArrayList<>();
    boolean ipv6;
    Inet6Address subnet6;
    final List<Consumer<Subnet6Builder>> subnet6Steps = new ArrayList<>();

    DhcpNetworkBuilder() {
    }

    /**
     * IPv6 on the network too: Docker creates it with IPv6 and a /64 (a random unique local one unless
     * {@link #subnet6(String)} names it), assigns container addresses from {@code <prefix>:8000::/96}, and the
     * same server answers DHCPv6 on it (through the agent, or from the bridge), handing out
     * {@code <prefix>::100} to {@code <prefix>::ffff}. Clients find the server by multicast (ff02::1:2); there is
     * no Router Advertisement, so start the client's DHCPv6 directly (e.g. {@code dhclient -6}).
     *
     * @return this builder
     */
    public DhcpNetworkBuilder ipv6() {
        this.ipv6 = true;
        return this;
    }

    /**
     * IPv6 with this /64, e.g. {@code fd12:3456:789a:1::/64}; implies {@link #ipv6()}.
     *
     * @param prefix a /64
     * @return this builder
     * @throws IllegalArgumentException when it is not an IPv6 /64 network
     */
    public DhcpNetworkBuilder subnet6(String prefix) {
        this.subnet6 = Addresses.slash64(prefix);
        this.ipv6 = true;
        return this;
    }

    /**
     * Shapes the network's DHCPv6 subnet, as {@link DhcpServerBuilder#subnet6(String, Consumer)} would: DNS,
     * domain list, lifetimes, more pools, prefix delegation. Implies {@link #ipv6()}. Steps add up.
     *
     * @param step what to do to the subnet's builder
     * @return this builder
     */
    public DhcpNetworkBuilder subnet6(Consumer<Subnet6Builder> step) {
        subnet6Steps.add(Objects.requireNonNull(step, "step"));
        this.ipv6 = true;
        return this;
    }

    /**
     * The network's subnet, e.g. {@code 10.77.0.0/24} (at least a /29). Default: one Docker's IPAM picks as free.
     * Docker assigns container addresses from its lower half; the upper half is the DHCP pool.
     *
     * @param cidr the subnet in CIDR notation
     * @return this builder
     * @throws IllegalArgumentException when it is not an IPv4 subnet
     */
    public DhcpNetworkBuilder subnet(String cidr) {
        this.subnet = Subnet.parse(cidr);
        return this;
    }

    /**
     * Shapes the network's subnet, as {@link DhcpServerBuilder#subnet(String, Consumer)} would: lease time,
     * T1/T2, DNS, domain, options, exclusions, more pools. The pool and the router are set before these steps
     * run. Steps add up.
     *
     * @param step what to do to the subnet's builder
     * @return this builder
     */
    public DhcpNetworkBuilder subnet(Consumer<SubnetBuilder> step) {
        subnetSteps.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /**
     * The DHCP pool, inside the upper half of the subnet. Default: the upper half but its first address (which
     * would end in .0 or .128) and the broadcast address.
     *
     * @param first the first address handed out
     * @param last  the last address handed out
     * @return this builder
     * @throws IllegalArgumentException when either is not an IPv4 address, or {@code last} comes first
     */
    public DhcpNetworkBuilder pool(String first, String last) {
        this.pool = Range.of(first, last);
        return this;
    }

    /**
     * The DHCP pool written {@code FIRST-LAST}, e.g. {@code 10.77.0.130-10.77.0.250}; see
     * {@link #pool(String, String)}.
     *
     * @param range the first and the last address handed out, joined by a dash
     * @return this builder
     * @throws IllegalArgumentException when it is not written so
     */
    public DhcpNetworkBuilder pool(String range) {
        this.pool = Range.parse(range);
        return this;
    }

    /**
     * The Docker network name starts with this (a random suffix follows). Default {@code dhcp-embedded-}.
     *
     * @param prefix the prefix
     * @return this builder
     */
    public DhcpNetworkBuilder namePrefix(String prefix) {
        this.namePrefix = Objects.requireNonNull(prefix);
        return this;
    }

    /**
     * Serve from the network's bridge on this host instead of through the agent container: the server binds port
     * 67 of the bridge interface. Needs root (or CAP_NET_BIND_SERVICE and CAP_NET_RAW) and a Docker engine whose
     * bridges are interfaces of this host: rootful Docker on Linux.
     *
     * @return this builder
     */
    public DhcpNetworkBuilder serveFromHostBridge() {
        this.hostBridge = true;
        return this;
    }

    /**
     * The agent's image. Default {@code dev.dhcpembedded/dhcp-agent:<this version>}; Testcontainers' image-name
     * substitution (e.g. a registry prefix) applies to it as to any image.
     *
     * @param image the image
     * @return this builder
     */
    public DhcpNetworkBuilder agentImage(DockerImageName image) {
        this.agentImage = Objects.requireNonNull(image, "image");
        return this;
    }

    /**
     * Same as {@link #agentImage(DockerImageName)}, from a name such as {@code registry.example/dhcp-agent:1.0}.
     *
     * @param image the image's name
     * @return this builder
     */
    public DhcpNetworkBuilder agentImage(String image) {
        return agentImage(DockerImageName.parse(image));
    }

    /**
     * Offer no router (option 3). By default the gateway, i.e. the bridge on the host, is offered.
     *
     * @return this builder
     */
    public DhcpNetworkBuilder withoutRouter() {
        this.router = false;
        return this;
    }

    /**
     * Anything of the server's builder: static leases, global options, authoritative, a TestClock, more
     * subnets... Steps add up, and run when the network starts, before the network's own subnets are added.
     * Binding is not yours: the server always serves the network, through its agent or from its bridge.
     *
     * @param step what to do to the server's builder
     * @return this builder
     */
    public DhcpNetworkBuilder server(Consumer<DhcpServerBuilder> step) {
        serverSteps.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /**
     * The network, not yet started; later changes to this builder do not reach it.
     *
     * @return the network
     */
    public DhcpNetwork build() {
        DhcpNetworkBuilder copy = new DhcpNetworkBuilder();
        copy.subnet = subnet;
        copy.pool = pool;
        copy.router = router;
        copy.namePrefix = namePrefix;
        copy.hostBridge = hostBridge;
        copy.agentImage = agentImage;
        copy.serverSteps.addAll(serverSteps);
        copy.subnetSteps.addAll(subnetSteps);
        copy.ipv6 = ipv6;
        copy.subnet6 = subnet6;
        copy.subnet6Steps.addAll(subnet6Steps);
        return new DhcpNetwork(copy);
    }
}
