package dev.dhcpembedded.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Command lines for the three real DHCP clients, as verified in docs/real-clients.md. Each builder
 * runs its client in the foreground, keeps its state files under a lab directory, and hands it a
 * {@link ClientScript} that prints {@link DhcpEvent} lines. Run the result with
 * {@link HostLab#start(List)} or {@link HostLab#exec(Duration, List)}.
 */
public final class ClientCommands {

    private ClientCommands() {
    }

    /** busybox udhcpc on {@code iface} with {@code script} ({@link ClientScript#UDHCPC}). */
    public static Udhcpc udhcpc(String iface, Path script) {
        return new Udhcpc(iface, script);
    }

    /** ISC dhclient on {@code iface}; config, lease and pid files go to {@code stateDir}. */
    public static Dhclient dhclient(String iface, Path script, Path stateDir) {
        return new Dhclient(iface, script, stateDir);
    }

    /** dhcpcd (IPv4 only) on {@code iface}; its config goes to {@code stateDir}. */
    public static Dhcpcd dhcpcd(String iface, Path script, Path stateDir) {
        return new Dhcpcd(iface, script, stateDir);
    }

    /**
     * dhcpcd 9 for DHCPv6 on {@code iface}: it waits for a Router Advertisement, SOLICITs for IA_NA and IA_PD when
     * the RA says M, and sends INFORMATION-REQUEST when it says O only ({@link Dhcpcd6#stateless()}).
     */
    public static Dhcpcd6 dhcpcd6(String iface, Path script, Path stateDir) {
        return new Dhcpcd6(iface, script, stateDir);
    }

    /** wide-dhcpv6's {@code dhcp6c} on {@code iface} (it needs no Router Advertisement); files go to {@code stateDir}. */
    public static Dhcp6c dhcp6c(String iface, Path script, Path stateDir) {
        return new Dhcp6c(iface, script, stateDir);
    }

    /**
     * systemd-networkd (Debian's systemd 252, {@value Networkd#BINARY}) as a plain process for {@code iface}, with
     * its own .network file, state directory and a private view of /run; state goes to {@code stateDir}.
     */
    public static Networkd networkd(String iface, Path stateDir) {
        return new Networkd(iface, stateDir);
    }

    static String binary(String name) {
        return RealHostSupport.findBinary(name).map(Path::toString).orElse(name);
    }

    /**
     * busybox udhcpc, always in the foreground ({@code -f}). Renews by unicast at half the lease
     * (it ignores option 58), SIGUSR1 renews now, SIGUSR2 releases, SIGTERM releases only with
     * {@link #releaseOnExit()}.
     */
    public static final class Udhcpc {
        private final String iface;
        private final Path script;
        private final List<String> options = new ArrayList<>();
        private final Set<String> requested = new LinkedHashSet<>();
        private int retries = 3;
        private Duration pause = Duration.ofSeconds(1);
        private Path resolvConf;

        private Udhcpc(String iface, Path script) {
            this.iface = Objects.requireNonNull(iface);
            this.script = Objects.requireNonNull(script);
        }

        /** {@code -q -n}: exit once bound (no RELEASE is sent, even with -R), or exit 1 when no lease came. */
        public Udhcpc oneShot() {
            options.add("-q");
            options.add("-n");
            return this;
        }

        /** {@code -R}: send RELEASE when stopped with SIGTERM. */
        public Udhcpc releaseOnExit() {
            options.add("-R");
            return this;
        }

        /** {@code -B}: set the BOOTP broadcast flag (off by default). */
        public Udhcpc broadcastFlag() {
            options.add("-B");
            return this;
        }

        /** {@code -r IP}: ask for this address (option 50 in DISCOVER; this is not INIT-REBOOT). */
        public Udhcpc requestAddress(String ip) {
            options.add("-r");
            options.add(ip);
            return this;
        }

        /** {@code -x hostname:NAME}: send option 12 (not sent by default). */
        public Udhcpc hostname(String name) {
            options.add("-x");
            options.add("hostname:" + name);
            return this;
        }

        /** {@code -V VENDOR}: option 60 (default {@code udhcp 1.35.0}). */
        public Udhcpc vendorClass(String vendor) {
            options.add("-V");
            options.add(vendor);
            return this;
        }

        /** {@code -C}: do not send option 61 (sent by default as type 1 + MAC). */
        public Udhcpc noClientId() {
            options.add("-C");
            return this;
        }

        /** {@code -O staticroutes}: add 121 to the parameter request list (not requested by default). */
        public Udhcpc requestStaticRoutes() {
            return requestOption("staticroutes");
        }

        /** {@code -O OPT}: add an option (name or number) to the parameter request list. */
        public Udhcpc requestOption(String option) {
            requested.add(option);
            return this;
        }

        /** {@code -t N -T SEC}: DISCOVERs sent and the pause between them (default 3 and 1 s). */
        public Udhcpc discover(int count, Duration pauseBetween) {
            this.retries = count;
            this.pause = pauseBetween;
            return this;
        }

        /** Any other udhcpc argument. */
        public Udhcpc arg(String... more) {
            options.addAll(List.of(more));
            return this;
        }

        /** Let the script write DNS settings to this file (it never writes /etc/resolv.conf). */
        public Udhcpc resolvConf(Path file) {
            this.resolvConf = file;
            return this;
        }

        public List<String> build() {
            List<String> cmd = new ArrayList<>();
            if (resolvConf != null) {
                cmd.add("env");
                cmd.add("DHCP_RESOLV_CONF=" + resolvConf);
            }
            if (RealHostSupport.findBinary("udhcpc").isPresent() || RealHostSupport.findBinary("busybox").isEmpty()) {
                cmd.add(binary("udhcpc"));
            } else {
                cmd.add(binary("busybox"));
                cmd.add("udhcpc");
            }
            cmd.addAll(List.of("-f", "-i", iface, "-s", script.toString(),
                    "-t", Integer.toString(retries), "-T", Long.toString(Math.max(1, pause.toSeconds()))));
            cmd.addAll(options);
            for (String o : requested) {
                cmd.add("-O");
                cmd.add(o);
            }
            return List.copyOf(cmd);
        }
    }

    /**
     * ISC dhclient in the foreground ({@code -d}), IPv4, with its own config, lease and pid files.
     * Keeps running after BOUND and renews by unicast at T1 (option 58); stop it with SIGTERM (no
     * RELEASE) or run {@link #releaseCommand()} (kills it via the pid file and sends RELEASE).
     */
    public static final class Dhclient {
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

        private Dhclient(String iface, Path script, Path stateDir) {
            this.iface = Objects.requireNonNull(iface);
            this.script = Objects.requireNonNull(script);
            this.stateDir = Objects.requireNonNull(stateDir);
        }

        /** {@code send host-name "NAME";} (default {@code lab-client}; null sends none). */
        public Dhclient hostname(String name) {
            this.hostname = name;
            return this;
        }

        /** {@code send dhcp-client-identifier} as hex bytes, e.g. {@code 01:02:00:00:00:00:42} (none by default). */
        public Dhclient clientId(String colonHex) {
            this.clientIdHex = colonHex;
            return this;
        }

        /** {@code -1}: try once; exit 2 when no lease came within {@link #timeout(Duration)}. */
        public Dhclient oneShot() {
            this.once = true;
            return this;
        }

        /** {@code timeout N;}: how long to try for a lease (default 10 s). */
        public Dhclient timeout(Duration t) {
            this.timeoutSeconds = (int) Math.max(1, t.toSeconds());
            return this;
        }

        /** Replaces the {@code request} list (dhclient.conf option names). */
        public Dhclient request(String... optionNames) {
            request.clear();
            request.addAll(List.of(optionNames));
            return this;
        }

        /** A raw dhclient.conf statement, e.g. {@code send vendor-class-identifier "x";}. */
        public Dhclient conf(String statement) {
            extraConf.add(statement);
            return this;
        }

        /** Let the script write DNS settings to this file ({@code -e DHCP_RESOLV_CONF=...}). */
        public Dhclient resolvConf(Path file) {
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
        public Dhclient previousLease(String address, String serverId) {
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

    /**
     * dhcpcd 9 in the foreground ({@code -B}), IPv4 only, configured from its own file: MAC client id
     * (61), hostname, no ARP probe, no IPv4LL. dhcpcd sets addresses and routes itself; the script only
     * reports. Its lease file is {@code /var/lib/dhcpcd/<iface>.lease} (removed when the lab closes).
     */
    public static final class Dhcpcd {
        private final String iface;
        private final Path script;
        private final Path stateDir;
        private String hostname = "lab-client";
        private boolean once;
        private boolean arp;
        private String inform;
        private String requestAddress;
        private int timeoutSeconds = 10;
        private final List<String> extraConf = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private Path resolvConf;

        private Dhcpcd(String iface, Path script, Path stateDir) {
            this.iface = Objects.requireNonNull(iface);
            this.script = Objects.requireNonNull(script);
            this.stateDir = Objects.requireNonNull(stateDir);
        }

        /** {@code hostname NAME} (default {@code lab-client}; null sends none). */
        public Dhcpcd hostname(String name) {
            this.hostname = name;
            return this;
        }

        /** {@code -1}: exit once bound (no RELEASE). */
        public Dhcpcd oneShot() {
            this.once = true;
            return this;
        }

        /** Probe the offered address with ARP before using it (off by default: it adds seconds). */
        public Dhcpcd arpProbe() {
            this.arp = true;
            return this;
        }

        /**
         * {@code -s ADDR/LEN}: send INFORM for a static address. Put the address on the interface
         * first ({@link HostLab#addClientAddress(String)}): dhcpcd 9.4.1 crashed without it.
         */
        public Dhcpcd inform(String addressWithPrefix) {
            this.inform = addressWithPrefix;
            return this;
        }

        /** {@code -r ADDR}: request this address (option 50). */
        public Dhcpcd requestAddress(String address) {
            this.requestAddress = address;
            return this;
        }

        /** {@code -t N}: give up after N seconds without a lease (default 10). */
        public Dhcpcd timeout(Duration t) {
            this.timeoutSeconds = (int) Math.max(1, t.toSeconds());
            return this;
        }

        /** A raw dhcpcd.conf line, e.g. {@code vendorclassid acme}. */
        public Dhcpcd conf(String line) {
            extraConf.add(line);
            return this;
        }

        /** Any other dhcpcd argument. */
        public Dhcpcd arg(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** Let the script write DNS settings to this file ({@code -e DHCP_RESOLV_CONF=...}). */
        public Dhcpcd resolvConf(Path file) {
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

        /** {@code dhcpcd -x}: the running dhcpcd exits without RELEASE and keeps its lease file. */
        public List<String> exitCommand() {
            writeConfig();
            return List.of(binary("dhcpcd"), "-4", "-x", "-f", configFile().toString(), iface);
        }

        private void writeConfig() {
            StringBuilder c = new StringBuilder();
            c.append("clientid\n");
            if (hostname != null) {
                c.append("hostname ").append(hostname).append('\n');
            }
            c.append("option domain_name_servers, domain_name, classless_static_routes, interface_mtu, host_name\n");
            c.append("require dhcp_server_identifier\n");
            c.append("noipv4ll\n");
            if (!arp) {
                c.append("noarp\n");
            }
            extraConf.forEach(s -> c.append(s).append('\n'));
            write(configFile(), c.toString());
        }
    }

    /**
     * dhcpcd 9 in the foreground ({@code -B}), IPv6 only ({@code -6}), following Router Advertisements: with M it
     * SOLICITs for IA_NA 1 and IA_PD 2 (the prefix is requested, not assigned to another interface), with O only it
     * sends INFORMATION-REQUEST. It applies the address itself; the script ({@link ClientScript#DHCPCD6}) reports.
     * Its lease file is {@code /var/lib/dhcpcd/<iface>.lease6} (removed when the lab closes).
     */
    public static final class Dhcpcd6 {
        private final String iface;
        private final Path script;
        private final Path stateDir;
        private boolean stateless;
        private boolean prefixDelegation = true;
        private final List<String> extraConf = new ArrayList<>();

        private Dhcpcd6(String iface, Path script, Path stateDir) {
            this.iface = Objects.requireNonNull(iface);
            this.script = Objects.requireNonNull(script);
            this.stateDir = Objects.requireNonNull(stateDir);
        }

        /** No {@code ia_na}/{@code ia_pd} lines: dhcpcd does what the RA says (INFORMATION-REQUEST on O only). */
        public Dhcpcd6 stateless() {
            this.stateless = true;
            return this;
        }

        /** Ask for IA_NA only, no IA_PD. */
        public Dhcpcd6 noPrefixDelegation() {
            this.prefixDelegation = false;
            return this;
        }

        /** A raw dhcpcd.conf line. */
        public Dhcpcd6 conf(String line) {
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

    /**
     * wide-dhcpv6's dhcp6c in the foreground ({@code -f -D}: debug log on stderr), asking for IA_NA 1 and IA_PD 2
     * (the prefix is logged, not assigned), DNS servers and domain list; it applies the address itself and runs
     * the script ({@link ClientScript#DHCP6C}) on each REPLY. SIGTERM makes it send RELEASE. It needs no Router Advertisement. Its DUID lives in {@code /var/lib/dhcpv6/dhcp6c_duid}.
     */
    public static final class Dhcp6c {
        /** Where Debian's wide-dhcpv6-client puts it. */
        public static final String BINARY = "/usr/sbin/dhcp6c";

        private final String iface;
        private final Path script;
        private final Path stateDir;
        private boolean informationOnly;
        private boolean prefixDelegation = true;

        private Dhcp6c(String iface, Path script, Path stateDir) {
            this.iface = Objects.requireNonNull(iface);
            this.script = Objects.requireNonNull(script);
            this.stateDir = Objects.requireNonNull(stateDir);
        }

        /** {@code information-only;}: INFORMATION-REQUEST, no IA. */
        public Dhcp6c informationOnly() {
            this.informationOnly = true;
            return this;
        }

        /** No {@code send ia-pd}. */
        public Dhcp6c noPrefixDelegation() {
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

    /**
     * systemd-networkd run as a plain process inside the lab's namespace. The launcher it builds runs networkd in a
     * private mount namespace (the one {@code ip netns exec} makes) where /run/systemd/network holds only this
     * lab's .network file, /etc/systemd/network is empty, /run/systemd/netif is {@link #stateDir()}'s
     * {@code netif} (so the test reads the lease and link state files networkd writes), the system bus is hidden,
     * and /sys is read-only so that networkd does not wait for udev. Logs (debug level) go to stderr. SIGTERM
     * stops it; it then sends RELEASE unless {@link #noRelease()}.
     */
    public static final class Networkd {
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

        private Networkd(String iface, Path stateDir) {
            this.iface = Objects.requireNonNull(iface);
            this.stateDir = Objects.requireNonNull(stateDir);
        }

        /** {@code ClientIdentifier=mac} (option 61 = 01 + MAC) instead of networkd's default DUID-based one. */
        public Networkd macClientIdentifier() {
            this.clientIdentifier = "mac";
            return this;
        }

        /** {@code Hostname=NAME} and {@code SendHostname=yes}. */
        public Networkd hostname(String name) {
            this.hostname = name;
            return this;
        }

        /** {@code SendRelease=no}: stop without RELEASE. */
        public Networkd noRelease() {
            this.sendRelease = false;
            return this;
        }

        /** {@code RequestOptions=}: more codes for the parameter request list (55). */
        public Networkd requestOptions(int... codes) {
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
        public Networkd ipv6() {
            this.ipv6 = true;
            return this;
        }

        /** A raw line for the {@code [DHCPv4]} section, e.g. {@code VendorClassIdentifier=acme}. */
        public Networkd dhcp4(String line) {
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

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
