package dev.dhcpembedded.config;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.config.RaMode;
import dev.dhcpembedded.internal.config.StaticLease6Text;
import dev.dhcpembedded.internal.engine.AddressText;
import dev.dhcpembedded.internal.engine.Cidr;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.SubnetBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A server's configuration as text: values given to {@link ConfigKey keys} in one {@link Syntax}, applied to a
 * {@link DhcpServerBuilder} by {@link #applyTo(DhcpServerBuilder)}. The command line and {@code @DhcpServerTest}
 * both come here, so a key means the same, takes the same value and fails with the same message in both, naming
 * the key as the caller wrote it.
 *
 * <pre>{@code
 * DhcpServer server = TextConfiguration.of(Syntax.COMMAND_LINE)
 *         .set(ConfigKey.SUBNET, "10.20.0.0/24")
 *         .set(ConfigKey.POOL, "10.20.0.100-10.20.0.199")
 *         .set(ConfigKey.ROUTER, "10.20.0.1")
 *         .applyTo(DhcpServer.builder())
 *         .build();
 * }</pre>
 */
public final class TextConfiguration {

    /** Largest lease time: option 51 is 32 bits of seconds. */
    private static final long MAX_LEASE_SECONDS = 0xFFFFFFFFL;
    /** The keys that serve IPv4 only, in the order a message lists them. */
    private static final List<ConfigKey> NEED_SUBNET = List.of(ConfigKey.POOL, ConfigKey.EXCLUDE, ConfigKey.STATIC,
            ConfigKey.ROUTER, ConfigKey.DNS, ConfigKey.LEASE, ConfigKey.SERVER_ID, ConfigKey.AUTHORITATIVE,
            ConfigKey.BOOTP, ConfigKey.SECOND_SERVER);
    /** The keys that serve DHCPv6 only, in the order a message lists them. */
    private static final List<ConfigKey> NEED_SUBNET6 = List.of(ConfigKey.POOL6, ConfigKey.PD, ConfigKey.DNS6,
            ConfigKey.STATIC6, ConfigKey.RAPID_COMMIT6);

    private final Syntax syntax;
    private final Map<ConfigKey, List<String>> values = new EnumMap<>(ConfigKey.class);

    private TextConfiguration(Syntax syntax) {
        this.syntax = syntax;
    }

    /**
     * An empty configuration whose messages name keys in {@code syntax}.
     *
     * @param syntax how the caller writes keys
     * @return a configuration with no key set
     */
    public static TextConfiguration of(Syntax syntax) {
        return new TextConfiguration(Objects.requireNonNull(syntax, "syntax"));
    }

    /**
     * The syntax messages are written in.
     *
     * @return the caller's syntax
     */
    public Syntax syntax() {
        return syntax;
    }

    /**
     * Gives {@code key} the value {@code value}; a repeatable key adds it to those given before. A null or empty
     * value gives nothing (an annotation's empty default). A switch takes {@code true} or {@code false}.
     *
     * @param key the key
     * @param value its value as text, e.g. {@code 10.20.0.0/24}
     * @return this configuration
     * @throws IllegalArgumentException when a key that takes one value is given a second one, or a switch is
     *                                  given neither {@code true} nor {@code false}
     */
    public TextConfiguration set(ConfigKey key, String value) {
        Objects.requireNonNull(key, "key");
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (key.isSwitch() && !value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(syntax.name(key) + " is on or off: true or false, not " + value);
        }
        List<String> given = values.computeIfAbsent(key, k -> new ArrayList<>());
        if (!key.repeatable() && !given.isEmpty()) {
            throw new IllegalArgumentException(syntax.name(key) + " is given twice (" + given.get(0) + " and "
                    + value + "); give it once");
        }
        given.add(value);
        return this;
    }

    /**
     * Gives {@code key} each of {@code values} in turn, as {@link #set(ConfigKey, String)} does.
     *
     * @param key the key
     * @param values its values as text
     * @return this configuration
     */
    public TextConfiguration set(ConfigKey key, Collection<String> values) {
        for (String value : values) {
            set(key, value);
        }
        return this;
    }

    /**
     * Turns the switch {@code key} on or off.
     *
     * @param key a switch, such as {@link ConfigKey#AUTHORITATIVE}
     * @param on whether it is on
     * @return this configuration
     */
    public TextConfiguration set(ConfigKey key, boolean on) {
        if (!key.isSwitch()) {
            throw new IllegalArgumentException(syntax.name(key) + " takes a value " + key.value()
                    + ", not true or false");
        }
        values.remove(key);
        return set(key, Boolean.toString(on));
    }

    /**
     * Whether {@code key} was given a value (a switch: whether it is on).
     *
     * @param key the key
     * @return true when given
     */
    public boolean has(ConfigKey key) {
        List<String> given = values.get(key);
        return given != null && !(key.isSwitch() && given.get(0).equals("false"));
    }

    /**
     * The values given to {@code key}, in order; a list key's values split at their commas.
     *
     * @param key the key
     * @return its values, empty when none was given
     */
    public List<String> values(ConfigKey key) {
        List<String> given = values.getOrDefault(key, List.of());
        if (!key.isList()) {
            return List.copyOf(given);
        }
        List<String> items = new ArrayList<>();
        for (String value : given) {
            for (String item : value.split(",", -1)) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    private String one(ConfigKey key) {
        List<String> given = values.get(key);
        return given == null ? null : given.get(0);
    }

    /**
     * Checks every value and shapes {@code builder} by it. Values the builder checks only when it builds (an address
     * outside its subnet, a domain name that cannot be encoded) fail at {@link DhcpServerBuilder#build()}, with the
     * key named the same way.
     *
     * @param builder the server's builder
     * @return {@code builder}
     * @throws IllegalArgumentException naming the key as the caller wrote it and saying what to change
     */
    public DhcpServerBuilder applyTo(DhcpServerBuilder builder) {
        String subnet = one(ConfigKey.SUBNET);
        String subnet6 = one(ConfigKey.SUBNET6);
        if (subnet == null && subnet6 == null) {
            throw new IllegalArgumentException(syntax.placeholder(ConfigKey.SUBNET) + " is required (or "
                    + syntax.placeholder(ConfigKey.SUBNET6) + " for DHCPv6), e.g. " + syntax.example(ConfigKey.SUBNET)
                    + " or " + syntax.example(ConfigKey.SUBNET6));
        }
        RaMode ra = raMode();
        if (subnet6 == null) {
            requireAbsent(NEED_SUBNET6, ConfigKey.SUBNET6);
        }
        Long lease = number(ConfigKey.LEASE, 1, MAX_LEASE_SECONDS, "a whole number of seconds from 1 to "
                + MAX_LEASE_SECONDS);
        bind(builder);
        if (subnet6 != null) {
            subnet6(builder, subnet6, ra, lease);
        }
        if (subnet == null) {
            // lease and domain serve DHCPv6 too (lifetimes, option 24)
            List<ConfigKey> v4Only = new ArrayList<>(NEED_SUBNET);
            v4Only.remove(ConfigKey.LEASE);
            requireAbsent(v4Only, ConfigKey.SUBNET);
        } else {
            subnet(builder, subnet, lease);
        }
        netboot(builder, subnet != null);
        Long journal = number(ConfigKey.JOURNAL, 1, Integer.MAX_VALUE, "a number of entries, at least 1");
        Long journalBytes = number(ConfigKey.JOURNAL_BYTES, 1L << 20, Long.MAX_VALUE,
                "a size in bytes, at least 1048576 (1 MiB)");
        if (journal != null || journalBytes != null) {
            builder.journal(journal == null ? Journal.DEFAULT_CAPACITY : journal.intValue(),
                    journalBytes == null ? Journal.DEFAULT_MAX_BYTES : journalBytes);
        }
        Long receiveBuffer = number(ConfigKey.RECEIVE_BUFFER, 0, Integer.MAX_VALUE,
                "0 (the kernel's default) or a size in bytes");
        if (receiveBuffer != null) {
            named(ConfigKey.RECEIVE_BUFFER, receiveBuffer.toString(), () -> builder.receiveBuffer(
                    receiveBuffer.intValue()));
        }
        return builder.authoritative(has(ConfigKey.AUTHORITATIVE)).rapidCommit(has(ConfigKey.RAPID_COMMIT))
                .bootp(has(ConfigKey.BOOTP));
    }

    /** Netboot from the root, the boot files by architecture and the iPXE script; all three need the root. */
    private void netboot(DhcpServerBuilder builder, boolean hasSubnet) {
        String root = one(ConfigKey.TFTP_ROOT);
        if (root == null) {
            requireAbsent(List.of(ConfigKey.BOOT_FILE, ConfigKey.IPXE_SCRIPT), ConfigKey.TFTP_ROOT);
            return;
        }
        if (!hasSubnet) {
            throw new IllegalArgumentException(syntax.placeholder(ConfigKey.TFTP_ROOT) + " needs "
                    + syntax.placeholder(ConfigKey.SUBNET) + ": PXE is DHCPv4");
        }
        Map<Integer, String> byArch = new java.util.HashMap<>();
        String[] any = {null};
        for (String item : values.getOrDefault(ConfigKey.BOOT_FILE, List.of())) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                any[0] = item;
            } else {
                named(ConfigKey.BOOT_FILE, item, () -> byArch.put(Integer.parseInt(item.substring(0, eq)),
                        item.substring(eq + 1)));
            }
        }
        String script = one(ConfigKey.IPXE_SCRIPT);
        builder.netboot(n -> {
            n.tftpRoot(root);
            if (!byArch.isEmpty() || any[0] != null) {
                n.bootFile(arch -> byArch.getOrDefault(arch, any[0]));
            }
            if (script != null) {
                n.ipxeScript(script);
            }
        });
    }

    /** The Router Advertisement mode, checked against the keys it needs. */
    private RaMode raMode() {
        String text = one(ConfigKey.RA);
        if (text == null) {
            return RaMode.NONE;
        }
        RaMode ra = RaMode.parse(text).orElseThrow(() -> new IllegalArgumentException(
                syntax.given(ConfigKey.RA, text) + " must be " + RaMode.MODES));
        if (ra != RaMode.NONE && !has(ConfigKey.SUBNET6)) {
            throw new IllegalArgumentException(syntax.given(ConfigKey.RA, text) + " needs "
                    + syntax.placeholder(ConfigKey.SUBNET6) + " (the prefix it advertises)");
        }
        if (ra != RaMode.NONE && !has(ConfigKey.INTERFACE)) {
            throw new IllegalArgumentException(syntax.given(ConfigKey.RA, text) + " needs "
                    + syntax.placeholder(ConfigKey.INTERFACE) + ": there is no Router Advertisement in loopback "
                    + "mode, where the client is told the server's address");
        }
        return ra;
    }

    /** Fails when any of {@code keys} is given: they need {@code needed}. */
    private void requireAbsent(List<ConfigKey> keys, ConfigKey needed) {
        List<String> names = new ArrayList<>();
        boolean any = false;
        for (ConfigKey key : keys) {
            any |= has(key);
            if ((syntax == Syntax.COMMAND_LINE ? key.flag() : key.attribute()).isPresent()) {
                names.add(syntax.name(key));
            }
        }
        if (any) {
            String list = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1))
                    + " and " + names.get(names.size() - 1);
            throw new IllegalArgumentException(list + " need " + syntax.placeholder(needed));
        }
    }

    /** The number given to {@code key}, checked to be within {@code min} and {@code max}; null when not given. */
    private Long number(ConfigKey key, long min, long max, String what) {
        String text = one(key);
        if (text == null) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(syntax.given(key, text) + " must be " + what);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(syntax.given(key, text) + " must be " + what);
        }
        return n;
    }

    // ---- where it listens ----

    private void bind(DhcpServerBuilder builder) {
        InetSocketAddress bind4 = null;
        InetSocketAddress bind6 = null;
        for (String bind : values(ConfigKey.BIND)) {
            if (bind.startsWith("[")) {
                if (bind6 != null) {
                    throw new IllegalArgumentException(syntax.given(ConfigKey.BIND, bind) + ": a second IPv6 address");
                }
                bind6 = parseBind6(bind);
            } else {
                if (bind4 != null) {
                    throw new IllegalArgumentException(syntax.given(ConfigKey.BIND, bind) + ": a second IPv4 address");
                }
                bind4 = parseBind(bind);
            }
        }
        String interfaceName = one(ConfigKey.INTERFACE);
        if (interfaceName != null) {
            builder.bindInterface(interfaceName);
        } else if (bind4 != null) {
            builder.bind(bind4);
        }
        if (bind6 != null) {
            builder.bind6(bind6);
        }
    }

    private InetSocketAddress parseBind6(String bind) {
        int close = bind.indexOf("]:");
        if (close < 0) {
            throw badBind(bind, "must be [ADDR]:PORT, e.g. [::1]:0");
        }
        int port = parsePort(bind, bind.substring(close + 2));
        InetAddress address;
        try {
            address = Ipv6.parse(bind.substring(1, close));
        } catch (IllegalArgumentException e) {
            throw badBind(bind, "has no valid IPv6 address");
        }
        return loopbackOnly(bind, address, port);
    }

    private InetSocketAddress parseBind(String bind) {
        int colon = bind.lastIndexOf(':');
        if (colon < 0) {
            throw badBind(bind, "must be ADDR:PORT, e.g. 127.0.0.1:0");
        }
        int port = parsePort(bind, bind.substring(colon + 1));
        InetAddress address;
        try {
            address = InetAddress.getByAddress(Ipv4.parse(bind.substring(0, colon)).getAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw badBind(bind, "has no valid address");
        }
        return loopbackOnly(bind, address, port);
    }

    /** A port: a number from 0 (ephemeral) to 65535. */
    private int parsePort(String bind, String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw badBind(bind, "has no valid port");
        }
        if (port < 0 || port > 65535) {
            throw badBind(bind, "has port " + port + ", outside 0..65535");
        }
        return port;
    }

    /** {@code bind} serves loopback only: a real interface is the key {@code interface}. */
    private InetSocketAddress loopbackOnly(String bind, InetAddress address, int port) {
        if (!address.isLoopbackAddress()) {
            throw badBind(bind, "is not a loopback address; use " + syntax.placeholder(ConfigKey.INTERFACE)
                    + " to serve a real interface");
        }
        return new InetSocketAddress(address, port);
    }

    private IllegalArgumentException badBind(String bind, String what) {
        return new IllegalArgumentException(syntax.given(ConfigKey.BIND, bind) + " " + what);
    }

    // ---- DHCPv4 ----

    private void subnet(DhcpServerBuilder builder, String subnet, Long lease) {
        named(ConfigKey.SUBNET, subnet, () -> Cidr.parse(subnet));
        List<String> pools = values(ConfigKey.POOL);
        for (String pool : pools) {
            named(ConfigKey.POOL, pool, () -> AddressText.range(pool));
        }
        List<String> excluded = values(ConfigKey.EXCLUDE);
        for (String address : excluded) {
            named(ConfigKey.EXCLUDE, address, () -> Ipv4.parseInt(address));
        }
        String router = one(ConfigKey.ROUTER);
        if (router != null) {
            named(ConfigKey.ROUTER, router, () -> Ipv4.parseInt(router));
        }
        builder.subnet(subnet, s -> {
            // no pool: the core's default one, every host but the router and the server identifier
            for (String pool : pools) {
                named(ConfigKey.POOL, pool, () -> s.pool(pool));
            }
            for (String address : excluded) {
                s.exclude(address);
            }
            subnetOptions(s, lease);
        });
        String second = one(ConfigKey.SECOND_SERVER);
        if (second != null) {
            AddressText.AddressAndPool parsed = named(ConfigKey.SECOND_SERVER, second,
                    () -> AddressText.secondServer(second));
            builder.secondServer(parsed.address(), s -> {
                s.pool(parsed.pool());
                subnetOptions(s, lease);
            });
        }
        for (String entry : values(ConfigKey.STATIC)) {
            AddressText.MacAndAddress parsed = named(ConfigKey.STATIC, entry, () -> AddressText.staticLease(entry));
            builder.staticLease(parsed.mac(), parsed.address());
        }
        String serverId = one(ConfigKey.SERVER_ID);
        if (serverId != null) {
            named(ConfigKey.SERVER_ID, serverId, () -> builder.serverId(serverId));
        }
    }

    /** The options of the subnet, for the subnet and for the second server alike. */
    private void subnetOptions(SubnetBuilder s, Long lease) {
        String router = one(ConfigKey.ROUTER);
        if (router != null) {
            s.router(router);
        }
        List<String> dns = values(ConfigKey.DNS);
        if (!dns.isEmpty()) {
            named(ConfigKey.DNS, String.join(",", dns), () -> s.dns(dns.toArray(String[]::new)));
        }
        String domain = one(ConfigKey.DOMAIN);
        if (domain != null) {
            named(ConfigKey.DOMAIN, domain, () -> s.domainName(domain));
        }
        if (lease != null) {
            s.leaseTime(Duration.ofSeconds(lease));
        }
    }

    // ---- DHCPv6 ----

    private void subnet6(DhcpServerBuilder builder, String subnet6, RaMode ra, Long lease) {
        Prefix6 prefix = named(ConfigKey.SUBNET6, subnet6, () -> Prefix6.parse(subnet6));
        if (prefix.length() > 126) {
            throw new IllegalArgumentException(syntax.given(ConfigKey.SUBNET6, subnet6)
                    + " has no room for clients; use /126 or wider");
        }
        String pd = one(ConfigKey.PD);
        String pdPool = null;
        int pdLength = 0;
        if (pd != null) {
            int slash = pd.lastIndexOf('/');
            try {
                if (slash < 0 || pd.indexOf('/') == slash) {
                    throw new IllegalArgumentException();
                }
                pdPool = pd.substring(0, slash);
                pdLength = Integer.parseInt(pd.substring(slash + 1));
                Prefix6.parse(pdPool);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(syntax.given(ConfigKey.PD, pd) + " must be written "
                        + ConfigKey.PD.value() + ", e.g. " + syntax.quote(ConfigKey.PD.example()));
            }
        }
        List<String> pools6 = values(ConfigKey.POOL6);
        List<String> dns6 = values(ConfigKey.DNS6);
        String domain = one(ConfigKey.DOMAIN);
        String delegated = pdPool;
        int delegatedLength = pdLength;
        builder.rapidCommit6(has(ConfigKey.RAPID_COMMIT6));
        builder.subnet6(subnet6, s -> {
            if (pools6.isEmpty()) {
                named(ConfigKey.SUBNET6, subnet6, s::defaultPool);
            }
            for (String pool : pools6) {
                named(ConfigKey.POOL6, pool, () -> s.pool(pool));
            }
            if (delegated != null) {
                named(ConfigKey.PD, pd, () -> s.prefixDelegation(delegated, delegatedLength));
            }
            if (!dns6.isEmpty()) {
                named(ConfigKey.DNS6, String.join(",", dns6), () -> s.dns(dns6.toArray(String[]::new)));
            }
            if (domain != null) {
                named(ConfigKey.DOMAIN, domain, () -> s.domainSearch(domain));
            }
            if (lease != null) {
                s.preferredLifetime(Duration.ofSeconds(lease)).validLifetime(Duration.ofSeconds(lease));
            }
        });
        for (String entry : values(ConfigKey.STATIC6)) {
            named(ConfigKey.STATIC6, entry, () -> StaticLease6Text.parse(entry).addTo(builder));
        }
        if (ra != RaMode.NONE) {
            builder.routerAdvertisements(ra.shape(subnet6, dns6, domain));
        }
    }

    // ---- messages ----

    /** Runs {@code action}; a bad value it finds fails naming {@code key} as the caller wrote it. */
    private <T> T named(ConfigKey key, String value, Supplier<T> action) {
        try {
            return action.get();
        } catch (NamedValueException e) {
            throw e;
        } catch (IllegalArgumentException | DhcpCodecException e) {
            throw new NamedValueException(syntax.given(key, value) + ": " + e.getMessage(), e);
        }
    }

    /** A bad value, its key already named: not named twice. */
    private static final class NamedValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NamedValueException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        values.forEach((key, given) -> {
            for (String value : given) {
                text.append(text.length() == 0 ? "" : " ").append(syntax.given(key, value));
            }
        });
        return text.toString();
    }
}
