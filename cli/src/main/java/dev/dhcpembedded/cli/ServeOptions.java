package dev.dhcpembedded.cli;

import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.engine.AddressText;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.config.StaticLease6Text;
import dev.dhcpembedded.internal.config.RaMode;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.SubnetBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The server-running flags of SPEC §5, and how they shape a {@link DhcpServerBuilder}. */
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
    String ra = "none";

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

    @Option(names = "--lease", paramLabel = "SECONDS", description = "the lease time in seconds (default 3600)")
    Long leaseSeconds;

    @Option(names = "--server-id", paramLabel = "IP", description = "the server identifier (option 54; default: the router, else the subnet's first host)")
    String serverId;

    @Option(names = "--authoritative", description = "NAK requests for addresses it does not know")
    boolean authoritative;

    @Option(names = "--rapid-commit", description = "answer a DISCOVER that carries option 80 with ACK (RFC 4039)")
    boolean rapidCommit;

    @Option(names = "--pcap", paramLabel = "FILE", description = "write all traffic seen and sent to FILE when it stops")
    Path pcap;

    @Option(names = "--max-seconds", paramLabel = "N", description = "stop by itself after N seconds")
    Long maxSeconds;

    @Option(names = "--journal", paramLabel = "N", description = "journal entries kept in memory (default 10000)")
    Integer journalCapacity;

    @Option(names = "--receive-buffer", paramLabel = "BYTES",
            description = "socket receive buffer to ask the kernel for (default 4194304; 0: the kernel's default)")
    Integer receiveBuffer;

    @Option(names = "--quiet", description = "print no transcript line")
    boolean quiet;

    /** The options of --subnet, for the subnet and for the second server alike. */
    private void subnetOptions(SubnetBuilder s) {
        if (router != null) {
            s.router(router);
        }
        if (!dns.isEmpty()) {
            s.dns(dns.toArray(String[]::new));
        }
        if (domain != null) {
            s.domainName(domain);
        }
        if (leaseSeconds != null) {
            s.leaseTime(Duration.ofSeconds(leaseSeconds));
        }
    }

    /** Checks the values and builds the (not yet started) server; throws IllegalArgumentException on bad ones. */
    DhcpServer buildServer() {
        if (subnet == null && subnet6 == null) {
            throw new IllegalArgumentException("--subnet CIDR is required (or --subnet6 PREFIX for DHCPv6), e.g. "
                    + "--subnet 10.20.0.0/24 or --subnet6 2001:db8:1::/64");
        }
        RaMode raMode = RaMode.parse("--ra", ra);
        if (raMode != RaMode.NONE && subnet6 == null) {
            throw new IllegalArgumentException("--ra " + ra + " needs --subnet6 PREFIX (the prefix it advertises)");
        }
        if (raMode != RaMode.NONE && interfaceName == null) {
            throw new IllegalArgumentException("--ra " + ra + " needs --interface NAME: there is no Router "
                    + "Advertisement in loopback mode, where the client is told the server's address");
        }
        if (subnet6 == null && (!pools6.isEmpty() || pd != null || !dns6.isEmpty() || rapidCommit6
                || !staticLeases6.isEmpty())) {
            throw new IllegalArgumentException("--pool6, --pd, --dns6, --static6 and --rapid-commit6 need --subnet6 "
                    + "PREFIX");
        }
        if (leaseSeconds != null && leaseSeconds <= 0) {
            throw new IllegalArgumentException("--lease " + leaseSeconds + " must be a positive number of seconds");
        }
        if (maxSeconds != null && maxSeconds <= 0) {
            throw new IllegalArgumentException("--max-seconds " + maxSeconds + " must be positive");
        }
        DhcpServerBuilder builder = DhcpServer.builder();
        InetSocketAddress bind4 = null;
        InetSocketAddress bind6 = null;
        for (String bind : binds) {
            if (bind.startsWith("[")) {
                if (bind6 != null) {
                    throw new IllegalArgumentException("--bind " + bind + ": a second IPv6 address");
                }
                bind6 = parseBind6(bind);
            } else {
                if (bind4 != null) {
                    throw new IllegalArgumentException("--bind " + bind + ": a second IPv4 address");
                }
                bind4 = parseBind(bind);
            }
        }
        if (interfaceName != null) {
            builder.bindInterface(interfaceName);
        } else if (bind4 != null) {
            builder.bind(bind4);
        }
        if (bind6 != null) {
            builder.bind6(bind6);
        }
        if (subnet6 != null) {
            subnet6(builder);
        }
        if (subnet == null) {
            // --lease and --domain serve DHCPv6 too (lifetimes, option 24)
            if (!pools.isEmpty() || !staticLeases.isEmpty() || router != null || !dns.isEmpty()
                    || (leaseSeconds != null && subnet6 == null) || serverId != null || authoritative
                    || secondServer != null) {
                throw new IllegalArgumentException("--pool, --static, --router, --dns, --lease, --server-id, "
                        + "--authoritative and --second-server need --subnet CIDR");
            }
            if (journalCapacity != null) {
                builder.journalCapacity(journalCapacity);
            }
            return builder.build();
        }
        builder.subnet(subnet, s -> {
            pools.forEach(s::pool); // none: the core's default pool, every host but the router and the server id
            subnetOptions(s);
        });
        if (secondServer != null) {
            AddressText.AddressAndPool second = AddressText.secondServer(secondServer);
            builder.secondServer(second.address(), s -> {
                s.pool(second.pool());
                subnetOptions(s);
            });
        }
        for (String entry : staticLeases) {
            AddressText.MacAndAddress lease = AddressText.staticLease(entry);
            builder.staticLease(lease.mac(), lease.address());
        }
        if (serverId != null) {
            builder.serverId(serverId);
        }
        if (journalCapacity != null) {
            builder.journalCapacity(journalCapacity);
        }
        if (receiveBuffer != null) {
            if (receiveBuffer < 0) {
                throw new IllegalArgumentException("--receive-buffer " + receiveBuffer
                        + " must be 0 (the kernel's default) or a size in bytes");
            }
            builder.receiveBuffer(receiveBuffer);
        }
        return builder.authoritative(authoritative).rapidCommit(rapidCommit).build();
    }

    private void subnet6(DhcpServerBuilder builder) {
        Prefix6 prefix;
        try {
            prefix = Prefix6.parse(subnet6);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--subnet6 " + subnet6 + ": " + e.getMessage());
        }
        if (prefix.length() > 126) {
            throw new IllegalArgumentException("--subnet6 " + subnet6 + " has no room for clients; use /126 or wider");
        }
        String pdPool;
        int pdLength;
        if (pd != null) {
            int slash = pd.lastIndexOf('/');
            try {
                pdPool = pd.substring(0, slash);
                pdLength = Integer.parseInt(pd.substring(slash + 1));
                Prefix6.parse(pdPool);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--pd '" + pd + "' must be PREFIX/LEN/DELEGATED, e.g. "
                        + "2001:db8:100::/48/56");
            }
        } else {
            pdPool = null;
            pdLength = 0;
        }
        builder.rapidCommit6(rapidCommit6);
        builder.subnet6(subnet6, s -> {
            if (pools6.isEmpty()) {
                s.defaultPool();
            }
            pools6.forEach(s::pool);
            if (pdPool != null) {
                s.prefixDelegation(pdPool, pdLength);
            }
            if (!dns6.isEmpty()) {
                s.dns(dns6.toArray(String[]::new));
            }
            if (domain != null) {
                s.domainSearch(domain);
            }
            if (leaseSeconds != null) {
                s.preferredLifetime(Duration.ofSeconds(leaseSeconds)).validLifetime(Duration.ofSeconds(leaseSeconds));
            }
        });
        for (String entry : staticLeases6) {
            StaticLease6Text.parse(entry).addTo(builder);
        }
        RaMode raMode = RaMode.parse("--ra", ra);
        if (raMode != RaMode.NONE) {
            builder.routerAdvertisements(raMode.shape(subnet6, dns6, domain));
        }
    }

    private static InetSocketAddress parseBind6(String bind) {
        int close = bind.indexOf("]:");
        if (close < 0) {
            throw new IllegalArgumentException("--bind '" + bind + "' must be [ADDR]:PORT, e.g. [::1]:0");
        }
        int port = parsePort(bind, bind.substring(close + 2));
        InetAddress address;
        try {
            address = Ipv6.parse(bind.substring(1, close));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bind '" + bind + "' has no valid IPv6 address");
        }
        return loopbackOnly(bind, address, port);
    }

    /** The port of {@code --bind}: a number from 0 (ephemeral) to 65535. */
    private static int parsePort(String bind, String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bind '" + bind + "' has no valid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--bind port " + port + " is outside 0..65535");
        }
        return port;
    }

    /** {@code --bind} serves loopback only: a real interface is named with {@code --interface}. */
    private static InetSocketAddress loopbackOnly(String bind, InetAddress address, int port) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("--bind " + bind + " is not a loopback address; use --interface NAME "
                    + "to serve a real interface");
        }
        return new InetSocketAddress(address, port);
    }

    private static InetSocketAddress parseBind(String bind) {
        int colon = bind.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--bind '" + bind + "' must be ADDR:PORT, e.g. 127.0.0.1:0");
        }
        int port = parsePort(bind, bind.substring(colon + 1));
        InetAddress address;
        try {
            address = InetAddress.getByAddress(Ipv4.parse(bind.substring(0, colon)).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind '" + bind + "' has no valid address");
        }
        return loopbackOnly(bind, address, port);
    }
}
