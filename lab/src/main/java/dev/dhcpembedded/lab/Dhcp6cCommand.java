package dev.dhcpembedded.lab;

import static dev.dhcpembedded.lab.ClientCommandSupport.binary;
import static dev.dhcpembedded.lab.ClientCommandSupport.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * wide-dhcpv6's dhcp6c in the foreground ({@code -f -D}: debug log on stderr), asking for IA_NA 1 and IA_PD 2
 * (the prefix is logged, not assigned), DNS servers and domain list; it applies the address itself and runs
 * the script ({@link ClientScript#DHCP6C}) on each REPLY. SIGTERM makes it send RELEASE. It needs no Router Advertisement. Its DUID lives in {@code /var/lib/dhcpv6/dhcp6c_duid}.
 */
public final class Dhcp6cCommand {
    /** Where Debian's wide-dhcpv6-client puts it. */
    public static final String BINARY = "/usr/sbin/dhcp6c";

    private final String iface;
    private final Path script;
    private final Path stateDir;
    private boolean informationOnly;
    private boolean prefixDelegation = true;

    Dhcp6cCommand(String iface, Path script, Path stateDir) {
        this.iface = Objects.requireNonNull(iface);
        this.script = Objects.requireNonNull(script);
        this.stateDir = Objects.requireNonNull(stateDir);
    }

    /** {@code information-only;}: INFORMATION-REQUEST, no IA. */
    public Dhcp6cCommand informationOnly() {
        this.informationOnly = true;
        return this;
    }

    /** No {@code send ia-pd}. */
    public Dhcp6cCommand noPrefixDelegation() {
        this.prefixDelegation = false;
        return this;
    }

    public Path configFile() {
        return stateDir.resolve("dhcp6c.conf");
    }

    public Path pidFile() {
        return stateDir.resolve("dhcp6c.pid");
    }

    /** The command line; also writes the config file. */
    public List<String> build() {
        StringBuilder c = new StringBuilder();
        c.append("interface ").append(iface).append(" {\n");
        if (informationOnly) {
            c.append("  information-only;\n");
        } else {
            c.append("  send ia-na 1;\n");
            if (prefixDelegation) {
                c.append("  send ia-pd 2;\n");
            }
        }
        c.append("  request domain-name-servers;\n  request domain-name;\n");
        c.append("  script \"").append(script).append("\";\n};\n");
        if (!informationOnly) {
            c.append("id-assoc na 1 {\n};\n");
            if (prefixDelegation) {
                c.append("id-assoc pd 2 {\n};\n");
            }
        }
        write(configFile(), c.toString());
        return List.of(binary("dhcp6c"), "-f", "-D", "-c", configFile().toString(), "-p", pidFile().toString(),
                iface);
    }
}
