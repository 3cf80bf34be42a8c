package dev.dhcpembedded.lab;

import static dev.dhcpembedded.lab.ClientCommandSupport.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * systemd-networkd run as a plain process inside the lab's namespace. The launcher it builds runs networkd in a
 * private mount namespace (the one {@code ip netns exec} makes) where /run/systemd/network holds only this
 * lab's .network file, /etc/systemd/network is empty, /run/systemd/netif is {@link #stateDir()}'s
 * {@code netif} (so the test reads the lease and link state files networkd writes), the system bus is hidden,
 * and /sys is read-only so that networkd does not wait for udev. Logs (debug level) go to stderr. SIGTERM
 * stops it; it then sends RELEASE unless {@link #noRelease()}.
 */
public final class NetworkdCommand {
    /** Where Debian's systemd package puts it. */
    public static final String BINARY = "/lib/systemd/systemd-networkd";

    private final String iface;
    private final Path stateDir;
    private String clientIdentifier = "duid";
    private String hostname;
    private boolean sendRelease = true;
    private final List<Integer> requestOptions = new ArrayList<>();
    private final List<String> extraDhcp4 = new ArrayList<>();
    private boolean ipv6;

    NetworkdCommand(String iface, Path stateDir) {
        this.iface = Objects.requireNonNull(iface);
        this.stateDir = Objects.requireNonNull(stateDir);
    }

    /** {@code ClientIdentifier=mac} (option 61 = 01 + MAC) instead of networkd's default DUID-based one. */
    public NetworkdCommand macClientIdentifier() {
        this.clientIdentifier = "mac";
        return this;
    }

    /** {@code Hostname=NAME} and {@code SendHostname=yes}. */
    public NetworkdCommand hostname(String name) {
        this.hostname = name;
        return this;
    }

    /** {@code SendRelease=no}: stop without RELEASE. */
    public NetworkdCommand noRelease() {
        this.sendRelease = false;
        return this;
    }

    /** {@code RequestOptions=}: more codes for the parameter request list (55). */
    public NetworkdCommand requestOptions(int... codes) {
        for (int code : codes) {
            requestOptions.add(code);
        }
        return this;
    }

    /**
     * IPv6 beside IPv4: {@code LinkLocalAddressing=ipv6}, {@code IPv6AcceptRA=yes} (DHCPv6 starts as the Router
     * Advertisement says: SOLICIT on M, INFORMATION-REQUEST on O only), DNS and domains from DHCPv6, and IA_PD
     * asked for ({@code UseDelegatedPrefix=yes}: networkd logs the prefix and installs an unreachable route
     * for it). networkd 252 sends no DHCPv6 RELEASE when stopped ({@code SendRelease=} came later).
     */
    public NetworkdCommand ipv6() {
        this.ipv6 = true;
        return this;
    }

    /** A raw line for the {@code [DHCPv4]} section, e.g. {@code VendorClassIdentifier=acme}. */
    public NetworkdCommand dhcp4(String line) {
        extraDhcp4.add(line);
        return this;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The .network file written by {@link #build()}. */
    public Path networkFile() {
        return stateDir.resolve("network").resolve("50-" + iface + ".network");
    }

    /** Where networkd writes its lease files ({@code ADDRESS=}, {@code CLIENTID=}, ...), one per ifindex. */
    public Path leasesDir() {
        return stateDir.resolve("netif").resolve("leases");
    }

    /** Where networkd writes its link state files ({@code DNS=}, {@code DOMAINS=}, ...), one per ifindex. */
    public Path linksDir() {
        return stateDir.resolve("netif").resolve("links");
    }

    /** The command line (run it in the namespace); also writes the .network file and the launcher. */
    public List<String> build() {
        StringBuilder n = new StringBuilder();
        n.append("[Match]\nName=").append(iface).append("\n\n");
        if (ipv6) {
            n.append("[Network]\nDHCP=ipv4\nLinkLocalAddressing=ipv6\nIPv6AcceptRA=yes\n\n");
            n.append("[IPv6AcceptRA]\nDHCPv6Client=yes\nUseDNS=yes\nUseDomains=yes\n\n");
            n.append("[DHCPv6]\nUseDNS=yes\nUseDomains=yes\nUseDelegatedPrefix=yes\n\n");
        } else {
            n.append("[Network]\nDHCP=ipv4\nLinkLocalAddressing=no\nIPv6AcceptRA=no\n\n");
        }
        n.append("[DHCPv4]\nClientIdentifier=").append(clientIdentifier).append('\n');
        n.append("SendRelease=").append(sendRelease ? "yes" : "no").append('\n');
        n.append("UseDNS=yes\nUseDomains=yes\nUseRoutes=yes\n");
        if (hostname != null) {
            n.append("SendHostname=yes\nHostname=").append(hostname).append('\n');
        }
        if (!requestOptions.isEmpty()) {
            n.append("RequestOptions=");
            requestOptions.forEach(c -> n.append(c).append(' '));
            n.append('\n');
        }
        extraDhcp4.forEach(l -> n.append(l).append('\n'));
        write(networkFile(), n.toString());
        Path netif = stateDir.resolve("netif");
        for (String sub : List.of("links", "leases", "lldp")) {
            try {
                Files.createDirectories(netif.resolve(sub));
            } catch (IOException e) {
                throw new LabException("cannot create " + netif.resolve(sub) + ": " + e.getMessage(), e);
            }
        }
        String launcher = "#!/bin/sh\n"
                + "# systemd-networkd for one lab interface; runs inside 'ip netns exec' (a private mount namespace)\n"
                + "set -e\n"
                + "chown -R systemd-network:systemd-network '" + netif + "' 2>/dev/null || true\n"
                + "mkdir -p /run/systemd/network /run/systemd/netif /run/dbus /etc/systemd/network\n"
                + "mount --bind '" + networkFile().getParent() + "' /run/systemd/network\n"
                + "mount --bind '" + netif + "' /run/systemd/netif\n"
                + "mount -t tmpfs tmpfs /etc/systemd/network\n"
                + "mount -t tmpfs tmpfs /run/dbus\n"
                + "mount --bind /sys /sys && mount -o remount,bind,ro /sys\n"
                + "export SYSTEMD_LOG_LEVEL=debug SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_COLOR=0\n"
                + "exec " + BINARY + "\n";
        Path script = stateDir.resolve("networkd-run.sh");
        write(script, launcher);
        try {
            Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new LabException("cannot make " + script + " executable: " + e.getMessage(), e);
        }
        return List.of("/bin/sh", script.toString());
    }
}
