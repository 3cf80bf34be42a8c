package dev.dhcpembedded.cli;

import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.internal.lease.AddressText;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.DhcpServer;
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

    @Option(names = "--bind", paramLabel = "ADDR:PORT", description = "listen on that loopback address and port (default 127.0.0.1:0)")
    String bind = "127.0.0.1:0";

    @Option(names = "--interface", paramLabel = "NAME", description = "listen on port 67 of interface NAME only (overrides --bind)")
    String interfaceName;

    @Option(names = "--subnet", paramLabel = "CIDR", description = "the subnet served (required)")
    String subnet;

    @Option(names = "--pool", paramLabel = "FIRST-LAST", description = "a pool of the subnet (repeatable; default: all hosts but router and server id)")
    List<String> pools = new ArrayList<>();

    @Option(names = "--static", paramLabel = "MAC=IP", description = "a static lease (repeatable)")
    List<String> staticLeases = new ArrayList<>();

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

    /** Checks the values and builds the (not yet started) server; throws IllegalArgumentException on bad ones. */
    DhcpServer buildServer() {
        if (subnet == null) {
            throw new IllegalArgumentException("--subnet CIDR is required, e.g. --subnet 10.20.0.0/24");
        }
        if (leaseSeconds != null && leaseSeconds <= 0) {
            throw new IllegalArgumentException("--lease " + leaseSeconds + " must be a positive number of seconds");
        }
        if (maxSeconds != null && maxSeconds <= 0) {
            throw new IllegalArgumentException("--max-seconds " + maxSeconds + " must be positive");
        }
        DhcpServerBuilder builder = DhcpServer.builder();
        if (interfaceName != null) {
            builder.bindInterface(interfaceName);
        } else {
            builder.bind(parseBind());
        }
        builder.subnet(subnet, s -> {
            pools.forEach(s::pool); // none: the core's default pool, every host but the router and the server id
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
        });
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

    private InetSocketAddress parseBind() {
        int colon = bind.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--bind '" + bind + "' must be ADDR:PORT, e.g. 127.0.0.1:0");
        }
        int port;
        try {
            port = Integer.parseInt(bind.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bind '" + bind + "' has no valid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--bind port " + port + " is outside 0..65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByAddress(Ipv4.parse(bind.substring(0, colon)).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind '" + bind + "' has no valid address");
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("--bind " + bind + " is not a loopback address; use --interface NAME "
                    + "to serve a real interface");
        }
        return new InetSocketAddress(address, port);
    }
}
