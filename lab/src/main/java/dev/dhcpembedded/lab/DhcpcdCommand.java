package dev.dhcpembedded.lab;

import static dev.dhcpembedded.lab.ClientCommandSupport.binary;
import static dev.dhcpembedded.lab.ClientCommandSupport.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * dhcpcd 9 in the foreground ({@code -B}), IPv4 only, configured from its own file: MAC client id
 * (61), hostname, no ARP probe, no IPv4LL, asking for options 6, 15, 121, 26, 12, 119, 252 and 43, and
 * requiring a server identifier (54); {@link #requireServerIdentifier(boolean)} and {@link #noDefaultConf()}
 * change that. dhcpcd sets addresses and routes itself. Its {@code -c} script ({@link ClientScript#DHCPCD})
 * replaces dhcpcd's hooks: it puts the MTU (26) on the interface as dhcpcd's {@code 10-mtu} hook would, touches no
 * {@code resolv.conf}, and reports every option dhcpcd passed it ({@link DhcpEvent#options()}); other hooks do not
 * run. Its lease file is {@code /var/lib/dhcpcd/<iface>.lease} (removed when the lab closes).
 */
public final class DhcpcdCommand {
    private final String iface;
    private final Path script;
    private final Path stateDir;
    private String hostname = "lab-client";
    private boolean once;
    private boolean arp;
    private String inform;
    private String requestAddress;
    private int timeoutSeconds = 10;
    private boolean requireServerId = true;
    private boolean defaultConf = true;
    private final List<String> extraConf = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Path resolvConf;

    DhcpcdCommand(String iface, Path script, Path stateDir) {
        this.iface = Objects.requireNonNull(iface);
        this.script = Objects.requireNonNull(script);
        this.stateDir = Objects.requireNonNull(stateDir);
    }

    /** {@code hostname NAME} (default {@code lab-client}; null sends none). */
    public DhcpcdCommand hostname(String name) {
        this.hostname = name;
        return this;
    }

    /** {@code -1}: exit once bound (no RELEASE). */
    public DhcpcdCommand oneShot() {
        this.once = true;
        return this;
    }

    /** Probe the offered address with ARP before using it (off by default: it adds seconds). */
    public DhcpcdCommand arpProbe() {
        this.arp = true;
        return this;
    }

    /**
     * {@code -s ADDR/LEN}: send INFORM for a static address. Put the address on the interface
     * first ({@link HostLab#addClientAddress(String)}): dhcpcd 9.4.1 crashed without it.
     */
    public DhcpcdCommand inform(String addressWithPrefix) {
        this.inform = addressWithPrefix;
        return this;
    }

    /** {@code -r ADDR}: request this address (option 50). */
    public DhcpcdCommand requestAddress(String address) {
        this.requestAddress = address;
        return this;
    }

    /** {@code -t N}: give up after N seconds without a lease (default 10). */
    public DhcpcdCommand timeout(Duration t) {
        this.timeoutSeconds = (int) Math.max(1, t.toSeconds());
        return this;
    }

    /**
     * Whether dhcpcd ignores offers without a server identifier (54): {@code require dhcp_server_identifier}, on
     * by default as in dhcpcd's own sample configuration. Off, dhcpcd takes such an offer, which a test of a
     * server that omits 54 needs.
     *
     * @param required false to accept offers without option 54
     * @return this command
     */
    public DhcpcdCommand requireServerIdentifier(boolean required) {
        this.requireServerId = required;
        return this;
    }

    /**
     * Writes only the lines given with {@link #conf(String)} into dhcpcd.conf, none of the defaults (client id,
     * hostname, the options asked for, {@code require dhcp_server_identifier}, {@code noipv4ll}, {@code noarp}).
     *
     * @return this command
     */
    public DhcpcdCommand noDefaultConf() {
        this.defaultConf = false;
        return this;
    }

    /** A raw dhcpcd.conf line, e.g. {@code vendorclassid acme}, written after the defaults. */
    public DhcpcdCommand conf(String line) {
        extraConf.add(line);
        return this;
    }

    /** Any other dhcpcd argument. */
    public DhcpcdCommand arg(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** Let the script write DNS settings to this file ({@code -e DHCP_RESOLV_CONF=...}). */
    public DhcpcdCommand resolvConf(Path file) {
        this.resolvConf = file;
        return this;
    }

    public Path configFile() {
        return stateDir.resolve("dhcpcd.conf");
    }

    /** Where dhcpcd keeps the lease; a later start reads it and does INIT-REBOOT. */
    public Path leaseFile() {
        return DhcpcdFiles.leaseFile(iface);
    }

    /** The command line; also writes dhcpcd.conf. */
    public List<String> build() {
        writeConfig();
        List<String> cmd = new ArrayList<>(List.of(binary("dhcpcd"), "-4", "-B"));
        if (once) {
            cmd.add("-1");
        }
        if (resolvConf != null) {
            cmd.add("-e");
            cmd.add("DHCP_RESOLV_CONF=" + resolvConf);
        }
        cmd.addAll(List.of("-f", configFile().toString(), "-c", script.toString(), "-t", Integer.toString(timeoutSeconds)));
        if (inform != null) {
            cmd.add("-s");
            cmd.add(inform);
        }
        if (requestAddress != null) {
            cmd.add("-r");
            cmd.add(requestAddress);
        }
        cmd.addAll(args);
        cmd.add(iface);
        return List.copyOf(cmd);
    }

    /** {@code dhcpcd -k}: the running dhcpcd sends RELEASE, deletes its lease file and exits. */
    public List<String> releaseCommand() {
        writeConfig();
        return List.of(binary("dhcpcd"), "-4", "-k", "-f", configFile().toString(), iface);
    }

    /**
     * {@code dhcpcd -N}: the running dhcpcd renews its lease now (a unicast REQUEST, RENEWING).
     *
     * @return the command line
     */
    public List<String> renewCommand() {
        writeConfig();
        return List.of(binary("dhcpcd"), "-4", "-N", "-f", configFile().toString(), iface);
    }

    /**
     * {@code dhcpcd -n}: the running dhcpcd reloads its configuration and rebinds the interface.
     *
     * @return the command line
     */
    public List<String> rebindCommand() {
        writeConfig();
        return List.of(binary("dhcpcd"), "-4", "-n", "-f", configFile().toString(), iface);
    }

    /** {@code dhcpcd -x}: the running dhcpcd exits without RELEASE and keeps its lease file. */
    public List<String> exitCommand() {
        writeConfig();
        return List.of(binary("dhcpcd"), "-4", "-x", "-f", configFile().toString(), iface);
    }

    private void writeConfig() {
        StringBuilder c = new StringBuilder();
        if (defaultConf) {
            c.append("clientid\n");
            if (hostname != null) {
                c.append("hostname ").append(hostname).append('\n');
            }
            c.append("option domain_name_servers, domain_name, classless_static_routes, interface_mtu, host_name,"
                    + " domain_search, wpad_url, vendor_encapsulated_options\n");
            if (requireServerId) {
                c.append("require dhcp_server_identifier\n");
            }
            c.append("noipv4ll\n");
            if (!arp) {
                c.append("noarp\n");
            }
        }
        extraConf.forEach(s -> c.append(s).append('\n'));
        write(configFile(), c.toString());
    }
}
