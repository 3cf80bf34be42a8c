package dev.dhcpembedded.lab;

import static dev.dhcpembedded.lab.ClientCommandSupport.binary;
import static dev.dhcpembedded.lab.ClientCommandSupport.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * dhcpcd 9 in the foreground ({@code -B}), IPv6 only ({@code -6}), following Router Advertisements: with M it
 * SOLICITs for IA_NA 1 and IA_PD 2 (the prefix is requested, not assigned to another interface), with O only it
 * sends INFORMATION-REQUEST. It applies the address itself; the script ({@link ClientScript#DHCPCD6}) reports.
 * Its lease file is {@code /var/lib/dhcpcd/<iface>.lease6} (removed when the lab closes).
 */
public final class Dhcpcd6Command {
    private final String iface;
    private final Path script;
    private final Path stateDir;
    private boolean stateless;
    private boolean prefixDelegation = true;
    private final List<String> extraConf = new ArrayList<>();

    Dhcpcd6Command(String iface, Path script, Path stateDir) {
        this.iface = Objects.requireNonNull(iface);
        this.script = Objects.requireNonNull(script);
        this.stateDir = Objects.requireNonNull(stateDir);
    }

    /** No {@code ia_na}/{@code ia_pd} lines: dhcpcd does what the RA says (INFORMATION-REQUEST on O only). */
    public Dhcpcd6Command stateless() {
        this.stateless = true;
        return this;
    }

    /** Ask for IA_NA only, no IA_PD. */
    public Dhcpcd6Command noPrefixDelegation() {
        this.prefixDelegation = false;
        return this;
    }

    /**
     * Whether dhcpcd asks for an IA_NA address (not {@link #stateless()}).
     *
     * @return whether it does
     */
    public boolean asksForAddress() {
        return !stateless;
    }

    /**
     * Whether dhcpcd asks for a delegated prefix (neither {@link #stateless()} nor {@link #noPrefixDelegation()}).
     *
     * @return whether it does
     */
    public boolean asksForPrefix() {
        return !stateless && prefixDelegation;
    }

    /** A raw dhcpcd.conf line. */
    public Dhcpcd6Command conf(String line) {
        extraConf.add(line);
        return this;
    }

    public Path configFile() {
        return stateDir.resolve("dhcpcd6.conf");
    }

    /** The command line; also writes the config file. */
    public List<String> build() {
        writeConfig();
        return List.of(binary("dhcpcd"), "-6", "-B", "-d", "-f", configFile().toString(), "-c", script.toString(),
                iface);
    }

    /** {@code dhcpcd -6 -k}: the running dhcpcd sends RELEASE and exits. */
    public List<String> releaseCommand() {
        writeConfig();
        return List.of(binary("dhcpcd"), "-6", "-k", "-f", configFile().toString(), iface);
    }

    private void writeConfig() {
        StringBuilder c = new StringBuilder();
        c.append("duid\nipv6only\nipv6rs\nnoipv4ll\n");
        c.append("option dhcp6_name_servers, dhcp6_domain_search\n");
        if (!stateless) {
            c.append("ia_na 1\n");
            if (prefixDelegation) {
                c.append("ia_pd 2 -\n");
            }
        }
        extraConf.forEach(l -> c.append(l).append('\n'));
        write(configFile(), c.toString());
    }
}
