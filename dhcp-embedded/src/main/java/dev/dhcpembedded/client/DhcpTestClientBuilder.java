package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.OptionCode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link DhcpTestClient}. Only the server is required:
 * <pre>{@code
 * try (DhcpTestClient client = DhcpTestClient.builder().server("127.0.0.1", server.port()).hostname("probe").build()) {
 *     ClientLease lease = client.dora();
 * }
 * }</pre>
 */
public final class DhcpTestClientBuilder {

    /** The default parameter request list (55): 1, 3, 6, 15, 51, 54, 58, 59, 119, 121. */
    public static final List<Integer> DEFAULT_PARAMETER_REQUEST_LIST = List.of(1, 3, 6, 15, 51, 54, 58, 59, 119, 121);
    /** How long the client waits for a reply to each transmission unless {@link #timeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** How many times a request is sent unless {@link #attempts(int)} says otherwise. */
    public static final int DEFAULT_ATTEMPTS = 3;
    /** The maximum message size (57) sent unless {@link #maxMessageSize(int)} says otherwise, in bytes. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1500;

    private InetSocketAddress server;
    private InetSocketAddress local = new InetSocketAddress(Ipv4.parse("127.0.0.1"), 0);
    private MacAddress mac;
    private DhcpOption clientIdentifier;
    private String hostname;
    private String vendorClass;
    private List<Integer> parameterRequestList = DEFAULT_PARAMETER_REQUEST_LIST;
    private boolean broadcast;
    private OptionalInt maxMessageSize = OptionalInt.of(DEFAULT_MAX_MESSAGE_SIZE);
    private final Map<OptionCode, DhcpOption> extraOptions = new LinkedHashMap<>();
    private int giaddr;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int attempts = DEFAULT_ATTEMPTS;
    private RandomGenerator random;
    private IntSupplier xids;
    private Clock clock = Clock.systemUTC();

    DhcpTestClientBuilder() {
    }

    /**
     * Where every message goes (on loopback, the server answers to the client's own address and port). Required.
     *
     * @param address the server's IPv4 address and port
     * @return this builder
     * @throws IllegalArgumentException if it is unresolved or not IPv4
     */
    public DhcpTestClientBuilder server(InetSocketAddress address) {
        Objects.requireNonNull(address, "server address");
        if (address.isUnresolved() || !(address.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException("the server must be an IPv4 address and port, got " + address);
        }
        this.server = address;
        return this;
    }

    /**
     * Where every message goes (on loopback, the server answers to the client's own address and port). Required.
     *
     * @param address an IPv4 literal such as {@code 127.0.0.1} (no DNS lookup)
     * @param port the server's UDP port
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal or the port is out of range
     */
    public DhcpTestClientBuilder server(String address, int port) {
        return server(new InetSocketAddress(Ipv4.parse(address), port));
    }

    /**
     * Where every message goes (on loopback, the server answers to the client's own address and port). Required.
     *
     * @param address the server's IPv4 address
     * @param port the server's UDP port
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not IPv4 or the port is out of range
     */
    public DhcpTestClientBuilder server(InetAddress address, int port) {
        return server(new InetSocketAddress(address, port));
    }

    /**
     * The local address and port to bind; default 127.0.0.1 and an ephemeral port.
     *
     * @param address the local address and port (0 for an ephemeral one)
     * @return this builder
     */
    public DhcpTestClientBuilder bind(InetSocketAddress address) {
        this.local = Objects.requireNonNull(address, "local address");
        return this;
    }

    /**
     * The local address and port to bind; default 127.0.0.1 and an ephemeral port.
     *
     * @param address an IPv4 literal such as {@code 127.0.0.1}
     * @param port the local port, 0 for an ephemeral one
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal or the port is out of range
     */
    public DhcpTestClientBuilder bind(String address, int port) {
        return bind(new InetSocketAddress(Ipv4.parse(address), port));
    }

    /**
     * chaddr; default a random locally administered address {@code 02:xx:xx:xx:xx:xx} drawn from the random source.
     *
     * @param mac the client's hardware address
     * @return this builder
     */
    public DhcpTestClientBuilder mac(MacAddress mac) {
        this.mac = Objects.requireNonNull(mac, "mac");
        return this;
    }

    /**
     * chaddr; default a random locally administered address {@code 02:xx:xx:xx:xx:xx} drawn from the random source.
     *
     * @param mac a MAC such as {@code 02:00:00:00:00:42}
     * @return this builder
     * @throws IllegalArgumentException if {@code mac} is not a MAC address
     */
    public DhcpTestClientBuilder mac(String mac) {
        return mac(MacAddress.parse(mac));
    }

    /**
     * Option 61 with its type byte first, as on the wire; not sent unless configured.
     *
     * @param typeAndId the type byte, then the identifier
     * @return this builder
     * @throws dev.dhcpembedded.codec.DhcpCodecException if it is not a valid option 61 (e.g. under 2 bytes)
     */
    public DhcpTestClientBuilder clientIdentifier(byte[] typeAndId) {
        this.clientIdentifier = DhcpOption.of(OptionCode.CLIENT_IDENTIFIER, typeAndId).validated();
        return this;
    }

    /**
     * Option 61 of this type and identifier; not sent unless configured.
     *
     * @param type the type byte (1 is Ethernet)
     * @param id the identifier after the type
     * @return this builder
     * @throws dev.dhcpembedded.codec.DhcpCodecException if it is not a valid option 61
     */
    public DhcpTestClientBuilder clientIdentifier(int type, byte[] id) {
        this.clientIdentifier = DhcpOptions.clientIdentifier(type, id);
        return this;
    }

    /**
     * Option 61 of type 1 (Ethernet) and this MAC.
     *
     * @param mac the MAC in the identifier
     * @return this builder
     */
    public DhcpTestClientBuilder clientIdentifier(MacAddress mac) {
        this.clientIdentifier = DhcpOptions.clientIdentifier(mac);
        return this;
    }

    /**
     * Option 12 in DISCOVER, REQUEST and INFORM; none by default.
     *
     * @param hostname the host name
     * @return this builder
     * @throws dev.dhcpembedded.codec.DhcpCodecException if it is not a valid option 12 (empty, control characters)
     */
    public DhcpTestClientBuilder hostname(String hostname) {
        DhcpOptions.hostname(hostname);
        this.hostname = hostname;
        return this;
    }

    /**
     * Option 60 in DISCOVER, REQUEST and INFORM; none by default.
     *
     * @param vendorClass the vendor class identifier
     * @return this builder
     * @throws dev.dhcpembedded.codec.DhcpCodecException if it is not a valid option 60
     */
    public DhcpTestClientBuilder vendorClass(String vendorClass) {
        DhcpOptions.vendorClassIdentifier(vendorClass);
        this.vendorClass = vendorClass;
        return this;
    }

    /**
     * Option 55; no codes means no option 55. Default {@link #DEFAULT_PARAMETER_REQUEST_LIST}.
     *
     * @param codes the codes the client asks for, in order, 1 to 254 each
     * @return this builder
     * @throws IllegalArgumentException if a code is outside 1..254
     */
    public DhcpTestClientBuilder parameterRequestList(int... codes) {
        List<Integer> list = new ArrayList<>(codes.length);
        for (int code : codes) {
            if (code < 1 || code > 254) {
                throw new IllegalArgumentException("option code " + code + " is outside 1..254");
            }
            list.add(code);
        }
        this.parameterRequestList = List.copyOf(list);
        return this;
    }

    /**
     * Option 55; no codes means no option 55. Default {@link #DEFAULT_PARAMETER_REQUEST_LIST}.
     *
     * @param codes the codes the client asks for, in order
     * @return this builder
     * @throws IllegalArgumentException if a code is PAD (0) or END (255)
     */
    public DhcpTestClientBuilder parameterRequestList(OptionCode... codes) {
        int[] ints = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            ints[i] = codes[i].code();
        }
        return parameterRequestList(ints);
    }

    /**
     * The BROADCAST flag in DISCOVER, SELECTING and INIT-REBOOT REQUESTs, and INFORM; default off.
     *
     * @param broadcast whether to set it
     * @return this builder
     */
    public DhcpTestClientBuilder broadcast(boolean broadcast) {
        this.broadcast = broadcast;
        return this;
    }

    /**
     * Option 57 in DISCOVER, REQUEST and INFORM; default 1500.
     *
     * @param size the size in bytes, 576 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code size} is outside 576..65535
     */
    public DhcpTestClientBuilder maxMessageSize(int size) {
        DhcpOptions.maximumMessageSize(size);
        this.maxMessageSize = OptionalInt.of(size);
        return this;
    }

    /**
     * Sends no option 57.
     *
     * @return this builder
     */
    public DhcpTestClientBuilder noMaxMessageSize() {
        this.maxMessageSize = OptionalInt.empty();
        return this;
    }

    /**
     * An extra option for DISCOVER, REQUEST and INFORM (never DECLINE or RELEASE), after the others; a later one
     * with the same code replaces it. Options the state fixes (53, 50, 54) are not overridden.
     *
     * @param option the option
     * @return this builder
     */
    public DhcpTestClientBuilder option(DhcpOption option) {
        Objects.requireNonNull(option, "option");
        extraOptions.remove(option.code());
        extraOptions.put(option.code(), option);
        return this;
    }

    /**
     * Acts as a relay agent: giaddr set (and hops 1) in every message.
     *
     * @param relay the relay's address
     * @return this builder
     */
    public DhcpTestClientBuilder giaddr(Inet4Address relay) {
        this.giaddr = Ipv4.toInt(Objects.requireNonNull(relay, "giaddr"));
        return this;
    }

    /**
     * Acts as a relay agent: giaddr set (and hops 1) in every message.
     *
     * @param relay the relay's address, an IPv4 literal
     * @return this builder
     * @throws IllegalArgumentException if {@code relay} is not an IPv4 literal
     */
    public DhcpTestClientBuilder giaddr(String relay) {
        return giaddr(Ipv4.parse(relay));
    }

    /**
     * How long to wait for a reply to each transmission; default 2 s.
     *
     * @param timeout a positive time
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public DhcpTestClientBuilder timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * How many times a request is sent before giving up, the first included (1 = no retransmission); default 3.
     *
     * @param attempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is below 1
     */
    public DhcpTestClientBuilder attempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        return this;
    }

    /**
     * The source of xids and of the default MAC; seed it for a reproducible client. Default
     * {@code RandomGenerator.getDefault()}.
     *
     * @param random the source
     * @return this builder
     */
    public DhcpTestClientBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Where xids come from, one per new transaction; overrides {@link #random(RandomGenerator)} for xids.
     *
     * @param xids the xid source
     * @return this builder
     */
    public DhcpTestClientBuilder xids(IntSupplier xids) {
        this.xids = Objects.requireNonNull(xids, "xids");
        return this;
    }

    /**
     * The clock that stamps {@link Exchange#time()}, fills 'secs' and dates leases; default the system clock.
     * Waiting for replies always uses real time.
     *
     * @param clock the clock
     * @return this builder
     */
    public DhcpTestClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Binds the socket and returns the client.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no server was given
     * @throws java.io.UncheckedIOException if the socket cannot be bound
     */
    public DhcpTestClient build() {
        if (server == null) {
            throw new IllegalStateException("the server address is required: builder().server(\"127.0.0.1\", port)");
        }
        RandomGenerator source = random != null ? random : RandomGenerator.getDefault();
        IntSupplier xidSource = xids != null ? xids : source::nextInt;
        MacAddress chaddr = mac != null ? mac : randomMac(source);
        ClientSettings settings = new ClientSettings(new Link(server, local, clock, Waiting.real()), chaddr,
                Optional.ofNullable(clientIdentifier),
                Optional.ofNullable(hostname), Optional.ofNullable(vendorClass), parameterRequestList, broadcast,
                maxMessageSize, List.copyOf(extraOptions.values()), giaddr, timeout, attempts, xidSource);
        return new DhcpTestClient(settings);
    }

    private static MacAddress randomMac(RandomGenerator random) {
        byte[] bytes = new byte[6];
        bytes[0] = 0x02;
        for (int i = 1; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return MacAddress.of(bytes);
    }
}
