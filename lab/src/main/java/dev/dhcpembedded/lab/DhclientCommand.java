package dev.dhcpembedded.lab;

import static dev.dhcpembedded.lab.ClientCommandSupport.binary;
import static dev.dhcpembedded.lab.ClientCommandSupport.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ISC dhclient in the foreground ({@code -d}), IPv4, with its own config, lease and pid files.
 * Keeps running after BOUND and renews by unicast at T1 (option 58); stop it with SIGTERM (no
 * RELEASE) or run {@link #releaseCommand()} (kills it via the pid file and sends RELEASE).
 */
public final class DhclientCommand {
    private final String iface;
    private final Path script;
    private final Path stateDir;
    private String hostname = "lab-client";
    private String clientIdHex;
    private boolean once;
    private int timeoutSeconds = 10;
    private final List<String> extraConf = new ArrayList<>();
    private final List<String> request = new ArrayList<>(List.of("subnet-mask", "broadcast-address", "routers",
            "domain-name", "domain-name-servers", "host-name", "interface-mtu", "rfc3442-classless-static-routes"));
    private Path resolvConf;

    DhclientCommand(String iface, Path script, Path stateDir) {
        this.iface = Objects.requireNonNull(iface);
        this.script = Objects.requireNonNull(script);
        this.stateDir = Objects.requireNonNull(stateDir);
    }

    /** {@code send host-name "NAME";} (default {@code lab-client}; null sends none). */
    public DhclientCommand hostname(String name) {
        this.hostname = name;
        return this;
    }

    /** {@code send dhcp-client-identifier} as hex bytes, e.g. {@code 01:02:00:00:00:00:42} (none by default). */
    public DhclientCommand clientId(String colonHex) {
        this.clientIdHex = colonHex;
        return this;
    }

    /** {@code -1}: try once; exit 2 when no lease came within {@link #timeout(Duration)}. */
    public DhclientCommand oneShot() {
        this.once = true;
        return this;
    }

    /** {@code timeout N;}: how long to try for a lease (default 10 s). */
    public DhclientCommand timeout(Duration t) {
        this.timeoutSeconds = (int) Math.max(1, t.toSeconds());
        return this;
    }

    /** Replaces the {@code request} list (dhclient.conf option names). */
    public DhclientCommand request(String... optionNames) {
        request.clear();
        request.addAll(List.of(optionNames));
        return this;
    }

    /** A raw dhclient.conf statement, e.g. {@code send vendor-class-identifier "x";}. */
    public DhclientCommand conf(String statement) {
        extraConf.add(statement);
        return this;
    }

    /** Let the script write DNS settings to this file ({@code -e DHCP_RESOLV_CONF=...}). */
    public DhclientCommand resolvConf(Path file) {
        this.resolvConf = file;
        return this;
    }

    public Path configFile() {
        return stateDir.resolve("dhclient.conf");
    }

    public Path leaseFile() {
        return stateDir.resolve("dhclient.leases");
    }

    public Path pidFile() {
        return stateDir.resolve("dhclient.pid");
    }

    /**
     * Writes a lease for {@code address} into the lease file, so the next start does INIT-REBOOT
     * (REQUEST with option 50, no 54, ciaddr 0) instead of DISCOVER.
     */
    public DhclientCommand previousLease(String address, String serverId) {
        String lease = "lease {\n  interface \"" + iface + "\";\n  fixed-address " + address + ";\n"
                + "  option subnet-mask 255.255.255.0;\n  option dhcp-server-identifier " + serverId + ";\n"
                + "  renew 4 2099/01/01 00:00:00;\n  rebind 4 2099/01/01 00:00:00;\n  expire 4 2099/01/01 00:00:00;\n}\n";
        write(leaseFile(), lease);
        return this;
    }

    /** The command line; also writes dhclient.conf and creates the lease file. */
    public List<String> build() {
        writeConfig();
        List<String> cmd = new ArrayList<>(List.of(binary("dhclient"), "-4", "-d", "-v"));
        if (once) {
            cmd.add("-1");
        }
        cmd.addAll(common());
        return List.copyOf(cmd);
    }

    /** {@code dhclient -r}: stops the running dhclient (via the pid file) and sends RELEASE. */
    public List<String> releaseCommand() {
        writeConfig();
        List<String> cmd = new ArrayList<>(List.of(binary("dhclient"), "-4", "-r", "-v"));
        cmd.addAll(common());
        return List.copyOf(cmd);
    }

    private List<String> common() {
        List<String> cmd = new ArrayList<>();
        if (resolvConf != null) {
            cmd.add("-e");
            cmd.add("DHCP_RESOLV_CONF=" + resolvConf);
        }
        cmd.addAll(List.of("-cf", configFile().toString(), "-sf", script.toString(), "-pf", pidFile().toString(),
                "-lf", leaseFile().toString(), iface));
        return cmd;
    }

    private void writeConfig() {
        StringBuilder c = new StringBuilder();
        c.append("option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\n");
        if (hostname != null) {
            c.append("send host-name \"").append(hostname).append("\";\n");
        }
        if (clientIdHex != null) {
            c.append("send dhcp-client-identifier ").append(clientIdHex).append(";\n");
        }
        c.append("request ").append(String.join(", ", request)).append(";\n");
        c.append("timeout ").append(timeoutSeconds).append(";\n");
        c.append("retry 1;\n");
        extraConf.forEach(s -> c.append(s).append('\n'));
        write(configFile(), c.toString());
        if (!Files.exists(leaseFile())) {
            write(leaseFile(), ""); // dhclient refuses to start when -lf does not exist
        }
    }
}
