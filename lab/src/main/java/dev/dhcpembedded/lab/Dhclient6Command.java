package dev.dhcpembedded.lab;

import static dev.dhcpembedded.lab.ClientCommandSupport.binary;
import static dev.dhcpembedded.lab.ClientCommandSupport.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ISC dhclient for DHCPv6 ({@code -6}) in the foreground ({@code -d}), asking for IA_NA ({@code -N}) and, when
 * asked, IA_PD ({@code -P}), DNS servers and domain list, with its own config, lease and pid files. It needs no
 * Router Advertisement; start it once the interface's link-local address has passed DAD. The script
 * ({@link ClientScript#DHCLIENT6}) applies the address and prints one {@link Dhcp6Event} per address or prefix.
 */
public final class Dhclient6Command {
    private final String iface;
    private final Path script;
    private final Path stateDir;
    private boolean once;
    private boolean prefixDelegation;
    private final List<String> extraConf = new ArrayList<>();

    Dhclient6Command(String iface, Path script, Path stateDir) {
        this.iface = Objects.requireNonNull(iface);
        this.script = Objects.requireNonNull(script);
        this.stateDir = Objects.requireNonNull(stateDir);
    }

    /**
     * {@code -1}: try once; exit when no lease came.
     *
     * @return this
     */
    public Dhclient6Command oneShot() {
        this.once = true;
        return this;
    }

    /**
     * Asks for a delegated prefix as well ({@code -P}, IA_PD); the prefix is reported, not assigned.
     *
     * @return this
     */
    public Dhclient6Command prefixDelegation() {
        this.prefixDelegation = true;
        return this;
    }

    /**
     * Whether the client asks for a delegated prefix ({@link #prefixDelegation()}).
     *
     * @return whether it does
     */
    public boolean asksForPrefix() {
        return prefixDelegation;
    }

    /**
     * A raw dhclient.conf statement.
     *
     * @param statement e.g. {@code send dhcp6.user-class "x";}
     * @return this
     */
    public Dhclient6Command conf(String statement) {
        extraConf.add(statement);
        return this;
    }

    /**
     * The dhclient.conf it writes.
     *
     * @return the path
     */
    public Path configFile() {
        return stateDir.resolve("dhclient6.conf");
    }

    /**
     * The lease file.
     *
     * @return the path
     */
    public Path leaseFile() {
        return stateDir.resolve("dhclient6.leases");
    }

    /**
     * The pid file.
     *
     * @return the path
     */
    public Path pidFile() {
        return stateDir.resolve("dhclient6.pid");
    }

    /**
     * The command line; also writes dhclient.conf and creates the lease file.
     *
     * @return the command
     */
    public List<String> build() {
        writeConfig();
        List<String> cmd = new ArrayList<>(List.of(binary("dhclient"), "-6", "-d", "-v"));
        if (once) {
            cmd.add("-1");
        }
        cmd.addAll(common());
        return List.copyOf(cmd);
    }

    /**
     * {@code dhclient -6 -r}: stops the running dhclient (via the pid file) and sends RELEASE.
     *
     * @return the command
     */
    public List<String> releaseCommand() {
        writeConfig();
        List<String> cmd = new ArrayList<>(List.of(binary("dhclient"), "-6", "-r", "-v"));
        cmd.addAll(common());
        return List.copyOf(cmd);
    }

    private List<String> common() {
        List<String> cmd = new ArrayList<>(List.of("-N"));
        if (prefixDelegation) {
            cmd.add("-P");
        }
        cmd.addAll(List.of("-cf", configFile().toString(), "-sf", script.toString(), "-pf", pidFile().toString(),
                "-lf", leaseFile().toString(), iface));
        return cmd;
    }

    private void writeConfig() {
        StringBuilder c = new StringBuilder("also request dhcp6.name-servers, dhcp6.domain-search;\n");
        extraConf.forEach(s -> c.append(s).append('\n'));
        write(configFile(), c.toString());
        if (!Files.exists(leaseFile())) {
            write(leaseFile(), ""); // dhclient refuses to start when -lf does not exist
        }
    }
}
