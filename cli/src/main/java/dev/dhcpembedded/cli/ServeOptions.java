package dev.dhcpembedded.cli;

import dev.dhcpembedded.config.ConfigKey;
import dev.dhcpembedded.config.Syntax;
import dev.dhcpembedded.config.TextConfiguration;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The server-running flags of SPEC §5. The server's flags are the keys of the core's text configuration
 * ({@link ConfigKey}, documented in docs/configuration.md), applied by {@link TextConfiguration}; the rest
 * ({@code --pcap}, {@code --report}, {@code --max-seconds}, {@code --quiet}) are the runner's.
 */
final class ServeOptions {

    @Option(names = "--bind", paramLabel = "ADDR:PORT", description = "listen on that loopback address and port "
            + "(default 127.0.0.1:0; [::1]:0 for DHCPv6 on loopback); give it twice to set both")
    List<String> binds = new ArrayList<>();

    @Option(names = "--interface", paramLabel = "NAME", description = "listen on port 67 of interface NAME only (overrides --bind)")
    String interfaceName;

    @Option(names = "--subnet", paramLabel = "CIDR", description = "an IPv4 subnet served")
    String subnet;

    @Option(names = "--subnet6", paramLabel = "PREFIX", description = "an IPv6 prefix served by DHCPv6")
    String subnet6;

    @Option(names = "--pool6", paramLabel = "FIRST-LAST", description = "a DHCPv6 address pool (repeatable; default "
            + "PREFIX::100 to PREFIX::ffff)")
    List<String> pools6 = new ArrayList<>();

    @Option(names = "--pd", paramLabel = "PREFIX/LEN", description = "prefixes delegated from PREFIX, e.g. "
            + "2001:db8:100::/48/56")
    String pd;

    @Option(names = "--dns6", paramLabel = "ADDR[,ADDR...]", split = ",", description = "DHCPv6 DNS servers "
            + "(option 23; --domain gives option 24)")
    List<String> dns6 = new ArrayList<>();

    @Option(names = "--static6", paramLabel = "DUID=ADDR", description = "a DHCPv6 static lease (repeatable): "
            + "DUID=ADDR, DUID=PREFIX/LEN or DUID=ADDR,PREFIX/LEN, the DUID in hex")
    List<String> staticLeases6 = new ArrayList<>();

    @Option(names = "--rapid-commit6", description = "answer a SOLICIT that carries option 14 with REPLY")
    boolean rapidCommit6;

    @Option(names = "--ra", paramLabel = "MODE", description = "interface mode: send Router Advertisements: managed, "
            + "other, slaac, none (default)")
    String ra;

    @Option(names = "--pool", paramLabel = "FIRST-LAST", description = "a pool of the subnet (repeatable; default: all hosts but router and server id)")
    List<String> pools = new ArrayList<>();

    @Option(names = "--static", paramLabel = "MAC=IP", description = "a static lease (repeatable)")
    List<String> staticLeases = new ArrayList<>();

    @Option(names = "--second-server", paramLabel = "IP=FIRST-LAST", description = "a second DHCP server on the link "
            + "with its own server identifier IP and pool (the subnet's other options); on --interface it sends from "
            + "its own MAC and IP")
    String secondServer;

    @Option(names = "--router", paramLabel = "IP", description = "the router (option 3)")
    String router;

    @Option(names = "--dns", paramLabel = "IP[,IP...]", split = ",", description = "DNS servers (option 6)")
    List<String> dns = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "NAME", description = "the domain name (option 15)")
    String domain;

    @Option(names = "--lease", paramLabel = "SECONDS", description = "the lease time in seconds (default 3600); with --subnet6 also the DHCPv6 preferred and valid lifetimes")
    Long leaseSeconds;

    @Option(names = "--server-id", paramLabel = "IP", description = "the server identifier (option 54; default: the router, else the subnet's first host)")
    String serverId;

    @Option(names = "--authoritative", description = "NAK requests for addresses it does not know")
    boolean authoritative;

    @Option(names = "--rapid-commit", description = "answer a DISCOVER that carries option 80 with ACK (RFC 4039)")
    boolean rapidCommit;

    @Option(names = "--tftp-root", paramLabel = "DIR", description = "answer PXE and iPXE clients and serve DIR by TFTP")
    String tftpRoot;

    @Option(names = "--boot-file", paramLabel = "[ARCH=]FILE", description = "the boot file, for every client "
            + "architecture or for ARCH of option 93 (repeatable), e.g. 0=undionly.kpxe 7=ipxe.efi")
    List<String> bootFiles = new ArrayList<>();

    @Option(names = "--ipxe-script", paramLabel = "FILE|URL", description = "the script iPXE gets by HTTP")
    String ipxeScript;

    @Option(names = "--pcap", paramLabel = "FILE", description = "write all traffic seen and sent to FILE when it stops")
    Path pcap;

    @Option(names = "--report", paramLabel = "FILE", description = "write the exchange as an HTML page (a ladder "
            + "diagram, each message opening to its decoded fields) to FILE when it stops; it shows the entries the "
            + "journal kept (--journal)")
    Path report;

    @Option(names = "--max-seconds", paramLabel = "N", description = "stop by itself after N seconds")
    Long maxSeconds;

    @Option(names = "--journal", paramLabel = "N", description = "journal entries kept in memory (default 10000)")
    Integer journalCapacity;

    @Option(names = "--journal-bytes", paramLabel = "BYTES",
            description = "memory the journal may take (default 67108864)")
    Long journalBytes;

    @Option(names = "--receive-buffer", paramLabel = "BYTES",
            description = "socket receive buffer to ask the kernel for (default 4194304; 0: the kernel's default)")
    Integer receiveBuffer;

    @Option(names = "--quiet", description = "print no transcript line")
    boolean quiet;

    /**
     * The flags as the server's text configuration: each flag is the key of {@link ConfigKey} with that flag, and
     * the core checks and applies the values (docs/configuration.md).
     */
    TextConfiguration configuration() {
        TextConfiguration text = TextConfiguration.of(Syntax.COMMAND_LINE)
                .set(ConfigKey.BIND, binds)
                .set(ConfigKey.INTERFACE, interfaceName)
                .set(ConfigKey.SUBNET, subnet)
                .set(ConfigKey.POOL, pools)
                .set(ConfigKey.STATIC, staticLeases)
                .set(ConfigKey.SECOND_SERVER, secondServer)
                .set(ConfigKey.ROUTER, router)
                .set(ConfigKey.DNS, dns)
                .set(ConfigKey.DOMAIN, domain)
                .set(ConfigKey.LEASE, text(leaseSeconds))
                .set(ConfigKey.SERVER_ID, serverId)
                .set(ConfigKey.AUTHORITATIVE, authoritative)
                .set(ConfigKey.RAPID_COMMIT, rapidCommit)
                .set(ConfigKey.SUBNET6, subnet6)
                .set(ConfigKey.POOL6, pools6)
                .set(ConfigKey.PD, pd)
                .set(ConfigKey.DNS6, dns6)
                .set(ConfigKey.STATIC6, staticLeases6)
                .set(ConfigKey.RAPID_COMMIT6, rapidCommit6)
                .set(ConfigKey.RA, ra)
                .set(ConfigKey.TFTP_ROOT, tftpRoot)
                .set(ConfigKey.BOOT_FILE, bootFiles)
                .set(ConfigKey.IPXE_SCRIPT, ipxeScript)
                .set(ConfigKey.JOURNAL, text(journalCapacity))
                .set(ConfigKey.JOURNAL_BYTES, text(journalBytes))
                .set(ConfigKey.RECEIVE_BUFFER, text(receiveBuffer));
        return text;
    }

    private static String text(Number n) {
        return n == null ? null : n.toString();
    }

    /** Checks the values and builds the (not yet started) server; throws IllegalArgumentException on bad ones. */
    DhcpServer buildServer() {
        DhcpServerBuilder builder = configuration().applyTo(DhcpServer.builder());
        if (maxSeconds != null && maxSeconds <= 0) {
            throw new IllegalArgumentException("--max-seconds " + maxSeconds + " must be positive");
        }
        return builder.build();
    }
}
