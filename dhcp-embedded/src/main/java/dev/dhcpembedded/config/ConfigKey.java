package dev.dhcpembedded.config;

import java.util.Optional;

/**
 * Every key of the server's text configuration, with its command-line flag, its {@code @DhcpServerTest} attribute
 * and the syntax of its value. {@code docs/configuration.md} documents each key in one table.
 */
public enum ConfigKey {

    /** Listen on that loopback address and port; twice for IPv4 and IPv6 ({@code [::1]:0}). Command line only. */
    BIND("bind", "--bind", null, Kind.REPEATED, "ADDR:PORT", "127.0.0.1:0"),
    /** Serve UDP port 67 (547 for DHCPv6) of that interface only, instead of loopback. */
    INTERFACE("interface", "--interface", "bindInterface", Kind.TEXT, "NAME", "veth-srv"),
    /** The IPv4 subnet served. */
    SUBNET("subnet", "--subnet", "subnet", Kind.TEXT, "CIDR", "10.20.0.0/24"),
    /** A pool of the subnet; none: every host address but the router and the server identifier. */
    POOL("pool", "--pool", "pool", Kind.REPEATED, "FIRST-LAST", "10.20.0.100-10.20.0.199"),
    /** An address inside a pool that is never handed out. Annotation only. */
    EXCLUDE("exclude", null, "exclude", Kind.REPEATED, "IP", "10.20.0.150"),
    /** A static lease. */
    STATIC("static", "--static", "staticLeases", Kind.REPEATED, "MAC=IP", "02:00:00:00:00:42=10.20.0.42"),
    /** A second server on the link: its server identifier and its pool, the subnet's other options. */
    SECOND_SERVER("second-server", "--second-server", "secondServer", Kind.TEXT, "IP=FIRST-LAST",
            "10.20.0.2=10.20.0.200-10.20.0.249"),
    /** The router (option 3). */
    ROUTER("router", "--router", "router", Kind.TEXT, "IP", "10.20.0.1"),
    /** DNS servers (option 6). */
    DNS("dns", "--dns", "dns", Kind.LIST, "IP[,IP...]", "10.20.0.53"),
    /** The domain name (15); DHCPv6's domain search list (24) and the Router Advertisements' DNSSL too. */
    DOMAIN("domain", "--domain", "domain", Kind.TEXT, "NAME", "lab.test"),
    /** The lease time in seconds; DHCPv6's preferred and valid lifetimes too. */
    LEASE("lease", "--lease", "leaseSeconds", Kind.NUMBER, "SECONDS", "600"),
    /** The server identifier (option 54). */
    SERVER_ID("server-id", "--server-id", "serverId", Kind.TEXT, "IP", "10.20.0.1"),
    /** NAK requests for addresses the server has no record of. */
    AUTHORITATIVE("authoritative", "--authoritative", "authoritative", Kind.SWITCH, "", "true"),
    /** Rapid commit (option 80, RFC 4039). */
    RAPID_COMMIT("rapid-commit", "--rapid-commit", "rapidCommit", Kind.SWITCH, "", "true"),
    /** Serve BOOTP (RFC 951). Annotation only. */
    BOOTP("bootp", null, "bootp", Kind.SWITCH, "", "true"),
    /** Answer netboot clients (PXE, iPXE) and serve this directory by TFTP (and HTTP). */
    TFTP_ROOT("tftp-root", "--tftp-root", "tftpRoot", Kind.TEXT, "DIR", "/srv/tftp"),
    /** The boot file, for every architecture or for one (option 93, e.g. 0 BIOS, 7 UEFI x64). */
    BOOT_FILE("boot-file", "--boot-file", "bootFile", Kind.REPEATED, "[ARCH=]FILE", "7=ipxe.efi"),
    /** The script iPXE gets once chainloaded: a file of the root (served by HTTP) or a URL. */
    IPXE_SCRIPT("ipxe-script", "--ipxe-script", "ipxeScript", Kind.TEXT, "FILE|URL", "boot.ipxe"),
    /** The IPv6 prefix served by DHCPv6. */
    SUBNET6("subnet6", "--subnet6", "subnet6", Kind.TEXT, "PREFIX", "2001:db8:1::/64"),
    /** A DHCPv6 address pool; none: PREFIX::100 to PREFIX::ffff. */
    POOL6("pool6", "--pool6", "pool6", Kind.REPEATED, "FIRST-LAST", "2001:db8:1::100-2001:db8:1::1ff"),
    /** Prefixes of length DELEGATED delegated from PREFIX/LEN. */
    PD("pd", "--pd", "prefixDelegation", Kind.TEXT, "PREFIX/LEN/DELEGATED", "2001:db8:100::/48/56"),
    /** DHCPv6 DNS servers (option 23). */
    DNS6("dns6", "--dns6", "dns6", Kind.LIST, "ADDR[,ADDR...]", "2001:db8:1::53"),
    /** A DHCPv6 static lease, the DUID in hex. */
    STATIC6("static6", "--static6", "staticLeases6", Kind.REPEATED, "DUID=ADDR[,PREFIX/LEN]",
            "00:03:00:01:02:00:00:00:00:42=2001:db8:1::42"),
    /** Answer a SOLICIT that carries rapid commit (14) with REPLY. */
    RAPID_COMMIT6("rapid-commit6", "--rapid-commit6", "rapidCommit6", Kind.SWITCH, "", "true"),
    /** Router Advertisements on the interface: managed, other, slaac or none. */
    RA("ra", "--ra", "ra", Kind.TEXT, "MODE", "managed"),
    /** Journal entries kept in memory. Command line only. */
    JOURNAL("journal", "--journal", null, Kind.NUMBER, "N", "10000"),
    /** The bytes the journal may take in memory; past them the oldest entries go. Command line only. */
    JOURNAL_BYTES("journal-bytes", "--journal-bytes", null, Kind.NUMBER, "BYTES", "67108864"),
    /** The socket receive buffer asked of the kernel, in bytes (0: the kernel's default). Command line only. */
    RECEIVE_BUFFER("receive-buffer", "--receive-buffer", null, Kind.NUMBER, "BYTES", "4194304");

    /** The shapes of a value. */
    enum Kind {
        /** One text value. */
        TEXT,
        /** One number. */
        NUMBER,
        /** On or off: {@code true} or {@code false}. */
        SWITCH,
        /** Given any number of times, one item each. */
        REPEATED,
        /** Given any number of times, items separated by commas. */
        LIST
    }

    private final String key;
    private final String flag;
    private final String attribute;
    private final Kind kind;
    private final String value;
    private final String example;

    ConfigKey(String key, String flag, String attribute, Kind kind, String value, String example) {
        this.key = key;
        this.flag = flag;
        this.attribute = attribute;
        this.kind = kind;
        this.value = value;
        this.example = example;
    }

    /**
     * The key's own name, e.g. {@code second-server}: the flag without its dashes when there is a flag.
     *
     * @return the key's name
     */
    public String key() {
        return key;
    }

    /**
     * The command line's flag, e.g. {@code --second-server}; empty for a key the command line does not offer.
     *
     * @return the flag, with its dashes
     */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /**
     * The attribute of {@code @DhcpServerTest}, e.g. {@code secondServer}; empty for a key the annotation does
     * not offer.
     *
     * @return the attribute's name
     */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /**
     * The form of the value, e.g. {@code IP=FIRST-LAST}; empty for a switch.
     *
     * @return the value's syntax
     */
    public String value() {
        return value;
    }

    /**
     * A valid value, e.g. {@code 10.20.0.2=10.20.0.200-10.20.0.249}.
     *
     * @return an example value
     */
    public String example() {
        return example;
    }

    /**
     * Whether the key may be given more than once, each value adding to the others ({@code --pool}, {@code --dns}).
     *
     * @return true for a repeatable key
     */
    public boolean repeatable() {
        return kind == Kind.REPEATED || kind == Kind.LIST;
    }

    /**
     * Whether the key is on or off, with no value on the command line ({@code --authoritative}) and
     * {@code true}/{@code false} in the annotation.
     *
     * @return true for a switch
     */
    public boolean isSwitch() {
        return kind == Kind.SWITCH;
    }

    /**
     * Whether the key's value is a whole number (the annotation writes it without quotes).
     *
     * @return true for a number
     */
    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** Whether a value holds several items separated by commas. */
    boolean isList() {
        return kind == Kind.LIST;
    }

    /**
     * The key named {@code name}: its key, flag or attribute ({@code second-server}, {@code --second-server},
     * {@code secondServer}).
     *
     * @param name a key, flag or attribute
     * @return the key, or empty when none has that name
     */
    public static Optional<ConfigKey> named(String name) {
        for (ConfigKey k : values()) {
            if (k.key.equals(name) || name.equals(k.flag) || name.equals(k.attribute)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
