package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
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
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link Dhcp6TestClient}. Only the server is required:
 * <pre>{@code
 * try (Dhcp6TestClient client = Dhcp6TestClient.builder().server(server.v6().address()).iaNa(1).iaPd(2).build()) {
 *     ClientLease6 lease = client.solicitRequest();
 * }
 * }</pre>
 */
public final class Dhcp6TestClientBuilder {

    /** The option request option (6) unless {@link #oro(int...)} says otherwise: DNS servers (23), domain list (24). */
    public static final List<Integer> DEFAULT_ORO = List.of(23, 24);
    /**
     * How many times a message is sent at most unless {@link #attempts(int)} says otherwise; RFC 8415's MRC and MRD
     * end an exchange sooner where they are lower (RELEASE and DECLINE: 4 transmissions; CONFIRM: 10 s).
     */
    public static final int DEFAULT_ATTEMPTS = 4;
    /** How long a reply may take in real time on a clock the client moves, unless {@link #replyWait} says otherwise. */
    public static final Duration DEFAULT_REPLY_WAIT = Duration.ofSeconds(1);

    /** Options the client sets itself: client and server id, IAs, ORO, elapsed time, relay message, rapid commit. */
    private static final Set<Dhcp6OptionCode> OWN_OPTIONS = Set.of(Dhcp6OptionCode.CLIENTID, Dhcp6OptionCode.SERVERID,
            Dhcp6OptionCode.IA_NA, Dhcp6OptionCode.IA_TA, Dhcp6OptionCode.IAADDR, Dhcp6OptionCode.ORO,
            Dhcp6OptionCode.ELAPSED_TIME, Dhcp6OptionCode.RELAY_MSG, Dhcp6OptionCode.RAPID_COMMIT,
            Dhcp6OptionCode.IA_PD, Dhcp6OptionCode.IAPREFIX);

    private InetSocketAddress server;
    private InetSocketAddress local = new InetSocketAddress(Ipv6.parse("::1"), 0);
    private Duid duid;
    private final List<Long> iaNa = new ArrayList<>();
    private final List<Long> iaPd = new ArrayList<>();
    private List<Integer> oro = DEFAULT_ORO;
    private final Map<Integer, Dhcp6Option> extraOptions = new LinkedHashMap<>();
    private Relay6 relay;
    private int attempts = DEFAULT_ATTEMPTS;
    private RandomGenerator random;
    private IntSupplier xids;
    private Clock clock = Clock.systemUTC();
    private Consumer<Duration> advance;
    private Duration replyWait = DEFAULT_REPLY_WAIT;

    Dhcp6TestClientBuilder() {
    }

    /**
     * Where every message goes (on loopback, the server answers to the client's own address and port). Required.
     *
     * @param address the server's IPv6 address and port, e.g. {@code server.v6().address()}
     * @return this builder
     * @throws IllegalArgumentException if it is unresolved or not IPv6
     */
    public Dhcp6TestClientBuilder server(InetSocketAddress address) {
        Objects.requireNonNull(address, "server address");
        if (address.isUnresolved() || !(address.getAddress() instanceof Inet6Address)) {
            throw new IllegalArgumentException("the server must be an IPv6 address and port, such as "
                    + "server.v6().address(), got " + address);
        }
        this.server = address;
        return this;
    }

    /**
     * Where every message goes. Required.
     *
     * @param address an IPv6 literal such as {@code ::1} (no DNS lookup)
     * @param port the server's UDP port
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not an IPv6 literal or the port is out of range
     */
    public Dhcp6TestClientBuilder server(String address, int port) {
        return server(new InetSocketAddress(Ipv6.parse(address), port));
    }

    /**
     * Where every message goes. Required.
     *
     * @param address the server's IPv6 address
     * @param port the server's UDP port
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not IPv6 or the port is out of range
     */
    public Dhcp6TestClientBuilder server(InetAddress address, int port) {
        return server(new InetSocketAddress(address, port));
    }

    /**
     * The local address and port to bind; default {@code ::1} and an ephemeral port.
     *
     * @param address the local address and port (0 for an ephemeral one)
     * @return this builder
     */
    public Dhcp6TestClientBuilder bind(InetSocketAddress address) {
        this.local = Objects.requireNonNull(address, "local address");
        return this;
    }

    /**
     * The client identifier (option 1): DUID-LLT, DUID-EN, DUID-LL or DUID-UUID, e.g.
     * {@code Duid.ll(MacAddress.parse("02:00:00:00:00:42"))}; default a DUID-LL of a random locally administered
     * MAC drawn from the random source.
     *
     * @param duid the DUID
     * @return this builder
     */
    public Dhcp6TestClientBuilder duid(Duid duid) {
        this.duid = Objects.requireNonNull(duid, "duid");
        return this;
    }

    /**
     * The client identifier (option 1) in hex, type included, e.g. {@code 00:03:00:01:02:00:00:00:00:42}.
     *
     * @param hex the DUID's bytes
     * @return this builder
     * @throws IllegalArgumentException if it is not hex or not a valid DUID
     */
    public Dhcp6TestClientBuilder duid(String hex) {
        try {
            return duid(Duid.parse(hex));
        } catch (dev.dhcpembedded.codec.DhcpCodecException e) {
            throw new IllegalArgumentException("not a DUID: " + hex + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * An IA_NA (addresses) with this IAID; call again for more. With no IA configured the client has one IA_NA,
     * IAID 1.
     *
     * @param iaid the identity association identifier, 0 to 2^32-1, unique among the IA_NAs
     * @return this builder
     * @throws IllegalArgumentException if the IAID is out of range or already configured
     */
    public Dhcp6TestClientBuilder iaNa(long iaid) {
        add(iaNa, iaid, "IA_NA");
        return this;
    }

    /**
     * An IA_PD (delegated prefixes) with this IAID; call again for more.
     *
     * @param iaid the identity association identifier, 0 to 2^32-1, unique among the IA_PDs
     * @return this builder
     * @throws IllegalArgumentException if the IAID is out of range or already configured
     */
    public Dhcp6TestClientBuilder iaPd(long iaid) {
        add(iaPd, iaid, "IA_PD");
        return this;
    }

    private static void add(List<Long> ias, long iaid, String kind) {
        if (iaid < 0 || iaid > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("IAID " + iaid + " is outside 0..4294967295");
        }
        if (ias.contains(iaid)) {
            throw new IllegalArgumentException(kind + " " + iaid + " is configured twice; give each IA its own IAID");
        }
        ias.add(iaid);
    }

    /**
     * The option request option (6); default {@link #DEFAULT_ORO}. SOLICIT adds SOL_MAX_RT (82) and
     * INFORMATION-REQUEST adds INF_MAX_RT (83), as RFC 8415 section 18.2 asks.
     *
     * @param codes the option codes the client asks for, in order, 1 to 65535 each
     * @return this builder
     * @throws IllegalArgumentException if a code is outside 1..65535
     */
    public Dhcp6TestClientBuilder oro(int... codes) {
        List<Integer> list = new ArrayList<>(codes.length);
        for (int code : codes) {
            if (code < 1 || code > 0xFFFF) {
                throw new IllegalArgumentException("option code " + code + " is outside 1..65535");
            }
            list.add(code);
        }
        this.oro = List.copyOf(list);
        return this;
    }

    /**
     * An extra option for every message that asks for configuration (SOLICIT, REQUEST, RENEW, REBIND,
     * INFORMATION-REQUEST), after the others; a later one with the same code replaces it.
     *
     * @param option the option, e.g. {@code Dhcp6Option.fqdn(...)} or a vendor class
     * @return this builder
     * @throws IllegalArgumentException for an option the client sets itself (1, 2, 3, 4, 5, 6, 8, 9, 14, 25, 26)
     */
    public Dhcp6TestClientBuilder option(Dhcp6Option option) {
        Objects.requireNonNull(option, "option");
        if (OWN_OPTIONS.contains(option.code())) {
            throw new IllegalArgumentException("the client sets option " + option.code()
                    + " itself; configure it with duid(), iaNa(), iaPd() or oro(), ask for rapid commit with "
                    + "solicitWithRapidCommit(), or send a crafted message with "
                    + "newMessage() and send()");
        }
        extraOptions.remove(option.code().code());
        extraOptions.put(option.code().code(), option);
        return this;
    }

    /**
     * Sends every message through a relay agent: inside a RELAY-FORW with these addresses, and reads the answer out
     * of the RELAY-REPL. The link address tells the server which subnet6 the client is on.
     *
     * @param linkAddress the relay's link address, e.g. {@code 2001:db8:1::1}
     * @param peerAddress the client's address as the relay saw it, e.g. {@code fe80::42}
     * @return this builder
     * @throws IllegalArgumentException if an address is not an IPv6 literal
     */
    public Dhcp6TestClientBuilder relay(String linkAddress, String peerAddress) {
        return relay(Ipv6.parse(linkAddress), Ipv6.parse(peerAddress), null);
    }

    /**
     * Sends every message through a relay agent, with an interface-id (option 18) the server must echo.
     *
     * @param linkAddress the relay's link address
     * @param peerAddress the client's address as the relay saw it
     * @param interfaceId the interface-id's bytes, or null for none
     * @return this builder
     */
    public Dhcp6TestClientBuilder relay(Inet6Address linkAddress, Inet6Address peerAddress, byte[] interfaceId) {
        this.relay = new Relay6(Objects.requireNonNull(linkAddress, "linkAddress"),
                Objects.requireNonNull(peerAddress, "peerAddress"), interfaceId);
        return this;
    }

    /**
     * The most transmissions of one message, the first included (1 = no retransmission); default
     * {@link #DEFAULT_ATTEMPTS}. RFC 8415's MRC and MRD end an exchange sooner where they are lower.
     *
     * @param attempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is below 1
     */
    public Dhcp6TestClientBuilder attempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        return this;
    }

    /**
     * The source of transaction ids, of RAND in retransmission timeouts and of the default DUID; seed it for a
     * reproducible client. Default {@code RandomGenerator.getDefault()}.
     *
     * @param random the source
     * @return this builder
     */
    public Dhcp6TestClientBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Where transaction ids come from, one per new exchange (the low 24 bits are used); overrides
     * {@link #random(RandomGenerator)} for them.
     *
     * @param xids the transaction id source
     * @return this builder
     */
    public Dhcp6TestClientBuilder xids(IntSupplier xids) {
        this.xids = Objects.requireNonNull(xids, "xids");
        return this;
    }

    /**
     * The clock that stamps {@link Exchange#time()} and dates leases; default the system clock. Retransmission
     * timeouts then pass in real time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Dhcp6TestClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.advance = null;
        return this;
    }

    /**
     * A clock the client moves itself, such as a TestClock: {@code .clock(clock, clock::advance)}. Retransmission
     * timeouts, MRD and the elapsed time option are read on it; when no reply came within
     * {@link #replyWait(Duration)} of real time, the client advances the clock to the retransmission time and sends
     * again at once. The server on the same clock sees RFC 8415's timing, and the test does not wait for it.
     *
     * @param clock the clock
     * @param advance moves {@code clock} forward
     * @return this builder
     */
    public Dhcp6TestClientBuilder clock(Clock clock, Consumer<Duration> advance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.advance = Objects.requireNonNull(advance, "advance");
        return this;
    }

    /**
     * How long a reply may take in real time before the client moves its clock (only with
     * {@link #clock(Clock, Consumer)}); default {@link #DEFAULT_REPLY_WAIT}. A reply arrives in microseconds on
     * loopback; the wait only has to outlast a stall of a loaded machine.
     *
     * @param replyWait a positive time
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Dhcp6TestClientBuilder replyWait(Duration replyWait) {
        if (replyWait.isNegative() || replyWait.isZero()) {
            throw new IllegalArgumentException("replyWait must be positive, got " + replyWait);
        }
        this.replyWait = replyWait;
        return this;
    }

    /**
     * Binds the socket and returns the client.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no server was given
     * @throws java.io.UncheckedIOException if the socket cannot be bound
     */
    public Dhcp6TestClient build() {
        if (server == null) {
            throw new IllegalStateException("the server address is required: builder().server(server.v6().address())");
        }
        RandomGenerator source = random != null ? random : RandomGenerator.getDefault();
        IntSupplier xidSource = xids != null ? xids : source::nextInt;
        Duid clientId = duid != null ? duid : Duid.ll(randomMac(source));
        List<Long> na = iaNa.isEmpty() && iaPd.isEmpty() ? List.of(1L) : iaNa;
        Waiting waiting = advance == null ? Waiting.real() : Waiting.manual(clock, advance, replyWait);
        Client6Settings settings = new Client6Settings(new Link(server, local, clock, waiting), clientId, na, iaPd,
                oro, List.copyOf(extraOptions.values()), Optional.ofNullable(relay), attempts, source, xidSource);
        return new Dhcp6TestClient(settings);
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
