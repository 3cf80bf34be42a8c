package dev.dhcpembedded.client;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scripted DHCPv6 client for tests, the DHCPv6 twin of {@link DhcpTestClient}. Each operation sends what RFC 8415
 * section 18.2 says a client sends, waits for the reply with the same transaction id and this client's DUID (other
 * datagrams are journaled and ignored), retransmits as section 15 says (RT from IRT and MRT with RAND, MRC, MRD,
 * the elapsed time option growing) and returns the reply, or empty when the exchange failed.
 * <pre>{@code
 * ClientLease6 lease = client.solicitRequest();
 * assertThat(lease.addressText()).isEqualTo("2001:db8:1::100");
 * }</pre>
 *
 * <p>Every message goes to the configured server address and port, inside a RELAY-FORW when a relay is configured
 * (the RELAY-REPL is opened before the reply is matched). On a clock the client may move (a TestClock, see
 * {@link Dhcp6TestClientBuilder#clock(java.time.Clock, java.util.function.Consumer)}), a retransmission timeout
 * costs the test only a short real wait. As a test client it stops after
 * {@link Dhcp6TestClientBuilder#attempts(int)} transmissions where RFC 8415 would go on (SOLICIT), skips the random
 * delay before the first SOLICIT, takes the first ADVERTISE rather than collecting them for the first RT, and
 * ignores SOL_MAX_RT from the server. One client is meant for one thread at a time; {@link #exchanges()} may be read
 * from any thread, and any number of clients may run side by side.
 */
public final class Dhcp6TestClient implements AutoCloseable {

    private static final Set<Dhcp6MessageType> REPLY = Set.of(Dhcp6MessageType.REPLY);

    private final Client6Settings settings;
    private final ExchangeLog<Dhcp6Message> log = new ExchangeLog<>();
    private final UdpChannel<Dhcp6Message> channel;
    private final MessageFactory6 messages;
    private final Retransmitter<Dhcp6Message> retransmitter;

    Dhcp6TestClient(Client6Settings settings) {
        this.settings = settings;
        this.channel = UdpChannel.open(settings.link(), Wire.V6, log);
        this.messages = new MessageFactory6(settings);
        this.retransmitter = new Retransmitter<>(channel, settings.link().waiting());
    }

    /** {@return a builder of a client, with loopback defaults} */
    public static Dhcp6TestClientBuilder builder() {
        return new Dhcp6TestClientBuilder();
    }

    // ---- the protocol ----

    /**
     * SOLICIT with a new transaction id and an empty IA for each configured IAID.
     *
     * @return the first ADVERTISE for it, or empty when none came
     */
    public synchronized Optional<Dhcp6Message> solicit() {
        return solicit(false, Set.of(Dhcp6MessageType.ADVERTISE)).reply();
    }

    /**
     * SOLICIT with rapid commit (option 14). A REPLY is the lease ({@link ClientLease6#fromReply}); follow an
     * ADVERTISE with {@link #request(Dhcp6Message)}.
     *
     * @return the first REPLY (the server committed at once) or ADVERTISE (it did not), or empty when none came
     */
    public synchronized Optional<Dhcp6Message> solicitWithRapidCommit() {
        return solicit(true, Set.of(Dhcp6MessageType.ADVERTISE, Dhcp6MessageType.REPLY)).reply();
    }

    private Retransmitter.Result<Dhcp6Message> solicit(boolean rapidCommit, Set<Dhcp6MessageType> answers) {
        int xid = newXid();
        return exchange(Dhcp6MessageType.SOLICIT, Duration.ZERO,
                (n, elapsed) -> messages.solicit(xid, elapsed, rapidCommit), xid, answers);
    }

    /**
     * REQUEST with a new transaction id for what {@code advertise} offers: its server identifier, and each of this
     * client's IAs with the addresses or prefixes offered in it.
     *
     * @param advertise an ADVERTISE this client received
     * @return the REPLY, or empty when none came
     * @throws IllegalArgumentException when {@code advertise} is not an ADVERTISE with a server identifier
     */
    public synchronized Optional<Dhcp6Message> request(Dhcp6Message advertise) {
        Objects.requireNonNull(advertise, "advertise");
        if (!advertise.is(Dhcp6MessageType.ADVERTISE) || advertise.serverId().isEmpty()) {
            throw new IllegalArgumentException("request(advertise) needs an ADVERTISE with a server identifier "
                    + "(2), got " + advertise);
        }
        int xid = newXid();
        return exchange(Dhcp6MessageType.REQUEST, Duration.ZERO,
                (n, elapsed) -> messages.request(xid, elapsed, advertise), xid, REPLY).reply();
    }

    /**
     * SOLICIT, ADVERTISE, REQUEST, REPLY.
     *
     * @return the leases the REPLY grants
     * @throws DhcpClientException when no ADVERTISE or no REPLY came, or either holds no address or prefix (e.g.
     *     NoAddrsAvail); the message says which, with the status codes by name
     */
    public synchronized ClientLease6 solicitRequest() {
        Retransmitter.Result<Dhcp6Message> solicited = solicit(false, Set.of(Dhcp6MessageType.ADVERTISE));
        Dhcp6Message advertise = solicited.reply().orElseThrow(() -> unanswered("ADVERTISE", solicited,
                "SOLICIT"));
        Duid server = advertise.serverId().orElseThrow();
        Optional<String> refusal = ClientLease6.refusal(advertise);
        if (refusal.isPresent()) {
            throw new DhcpClientException("the ADVERTISE from server " + server + " offers nothing: "
                    + refusal.get(), advertise);
        }
        int xid = newXid();
        Retransmitter.Result<Dhcp6Message> requested = exchange(Dhcp6MessageType.REQUEST, Duration.ZERO,
                (n, elapsed) -> messages.request(xid, elapsed, advertise), xid, REPLY);
        Dhcp6Message reply = requested.reply().orElseThrow(() -> unanswered("REPLY", requested,
                "REQUEST to server " + server + " for"));
        return lease(reply, "REQUEST");
    }

    /**
     * RENEW with a new transaction id to the server that granted {@code lease}, with its IAs; MRD is the time left
     * until T2.
     *
     * @param lease the leases to extend
     * @return the REPLY, or empty when none came
     */
    public synchronized Optional<Dhcp6Message> renew(ClientLease6 lease) {
        return extend(Dhcp6MessageType.RENEW, lease, lease.rebindAt());
    }

    /**
     * REBIND with a new transaction id to any server, with the lease's IAs; MRD is the time left until the valid
     * lifetimes end.
     *
     * @param lease the leases to extend
     * @return the REPLY, or empty when none came
     */
    public synchronized Optional<Dhcp6Message> rebind(ClientLease6 lease) {
        return extend(Dhcp6MessageType.REBIND, lease, lease.expiresAt());
    }

    private Optional<Dhcp6Message> extend(Dhcp6MessageType type, ClientLease6 lease, Instant until) {
        Objects.requireNonNull(lease, "lease");
        Duration left = Duration.between(settings.clock().instant(), until);
        int xid = newXid();
        return exchange(type, left.isNegative() ? Duration.ZERO : left,
                (n, elapsed) -> messages.extend(type, xid, elapsed, lease), xid, REPLY).reply();
    }

    /**
     * RELEASE of every address and prefix of {@code lease}, to the server that granted it.
     *
     * @param lease the leases to give back
     * @return the REPLY (status Success, or NoBinding inside an IA the server does not know), or empty
     */
    public synchronized Optional<Dhcp6Message> release(ClientLease6 lease) {
        Objects.requireNonNull(lease, "lease");
        int xid = newXid();
        return exchange(Dhcp6MessageType.RELEASE, Duration.ZERO,
                (n, elapsed) -> messages.release(xid, elapsed, lease), xid, REPLY).reply();
    }

    /**
     * DECLINE of the addresses of {@code lease} (in use on the link, as duplicate address detection found).
     *
     * @param lease the leases whose addresses are in use
     * @return the REPLY, or empty when none came
     */
    public synchronized Optional<Dhcp6Message> decline(ClientLease6 lease) {
        Objects.requireNonNull(lease, "lease");
        int xid = newXid();
        return exchange(Dhcp6MessageType.DECLINE, Duration.ZERO,
                (n, elapsed) -> messages.decline(xid, elapsed, lease), xid, REPLY).reply();
    }

    /**
     * CONFIRM of the addresses of {@code lease}, to any server: are they still on the link (after moving)? MRD 10 s.
     *
     * @param lease the leases whose addresses to confirm
     * @return the REPLY (status Success or NotOnLink), or empty when none came
     */
    public synchronized Optional<Dhcp6Message> confirm(ClientLease6 lease) {
        Objects.requireNonNull(lease, "lease");
        int xid = newXid();
        return exchange(Dhcp6MessageType.CONFIRM, Duration.ZERO,
                (n, elapsed) -> messages.confirm(xid, elapsed, lease), xid, REPLY).reply();
    }

    /**
     * INFORMATION-REQUEST: configuration only, no IA (stateless DHCPv6).
     *
     * @return the REPLY, or empty when none came
     */
    public synchronized Optional<Dhcp6Message> informationRequest() {
        int xid = newXid();
        return exchange(Dhcp6MessageType.INFORMATION_REQUEST, Duration.ZERO,
                (n, elapsed) -> messages.informationRequest(xid, elapsed), xid, REPLY).reply();
    }

    private Retransmitter.Result<Dhcp6Message> exchange(Dhcp6MessageType type, Duration mrd,
            Retransmitter.Attempt<Dhcp6Message> request, int xid, Set<Dhcp6MessageType> answers) {
        ReplyFilter6 filter = new ReplyFilter6(xid, settings.duid(), answers, settings.relay());
        Retransmitter.Result<Dhcp6Message> result = retransmitter.exchange(
                Rfc8415Timing.of(type, mrd, settings.attempts(), settings.random()),
                (n, elapsed) -> outbound(request.message(n, elapsed)), filter);
        return new Retransmitter.Result<>(result.reply().flatMap(filter::inner), result.transmissions(),
                result.elapsed());
    }

    private Dhcp6Message outbound(Dhcp6Message message) {
        return settings.relay().map(r -> r.wrap(message)).orElse(message);
    }

    private ClientLease6 lease(Dhcp6Message reply, String after) {
        try {
            return ClientLease6.fromReply(reply, settings.clock().instant());
        } catch (IllegalArgumentException e) {
            throw new DhcpClientException("the REPLY to the " + after + " from server "
                    + reply.serverId().map(Duid::toString).orElse("?") + " is not a usable lease: " + e.getMessage(),
                    reply);
        }
    }

    private DhcpClientException unanswered(String awaited, Retransmitter.Result<Dhcp6Message> result, String sent) {
        return new DhcpClientException(String.format("no %s within %s: %d %s(s) with transaction id 0x%06x from "
                        + "%s to %s%s went unanswered", awaited, seconds(result.elapsed()), result.transmissions(),
                sent, lastXid(), settings.duid(), Exchange.describe(settings.server()),
                settings.relay().map(r -> " through " + r).orElse("")));
    }

    private int lastXid() {
        List<Dhcp6Message> sent = sent();
        return sent.isEmpty() ? 0 : sent.get(sent.size() - 1).innermost().transactionId();
    }

    // ---- the escape hatch ----

    /**
     * A message builder with a new transaction id, this client's identifier and an elapsed time of 0: a start for
     * crafted packets sent with {@link #send(Dhcp6Message)}.
     *
     * @param type the message type
     * @return the builder
     */
    public synchronized Dhcp6Message.Builder newMessage(Dhcp6MessageType type) {
        return messages.base(type, newXid(), Duration.ZERO);
    }

    /**
     * Sends a message as it is (no relay wrapping), without waiting for anything.
     *
     * @param message the message
     */
    public synchronized void send(Dhcp6Message message) {
        channel.send(Objects.requireNonNull(message, "message"));
    }

    /**
     * Sends bytes as they are: for malformed-input tests.
     *
     * @param bytes the UDP payload
     */
    public synchronized void sendRaw(byte[] bytes) {
        channel.sendRaw(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * The next datagram that decodes, whatever it is (a RELAY-REPL is returned as it came).
     *
     * @param timeout how long to wait, in real time
     * @return the message, or empty after {@code timeout}
     */
    public synchronized Optional<Dhcp6Message> receive(Duration timeout) {
        return channel.receive(timeout, message -> true);
    }

    // ---- what happened ----

    /** {@return every datagram sent and received, in order, as on the wire (relay messages included)} */
    public List<Exchange<Dhcp6Message>> exchanges() {
        return log.snapshot();
    }

    /** {@return the messages sent, in order (raw datagrams that did not decode are left out)} */
    public List<Dhcp6Message> sent() {
        return log.messages(Exchange.Direction.SENT);
    }

    /**
     * {@return the messages received, in order, including those ignored as not matching (undecodable ones left out)}
     */
    public List<Dhcp6Message> received() {
        return log.messages(Exchange.Direction.RECEIVED);
    }

    /** {@return the client's DUID (option 1)} */
    public Duid duid() {
        return settings.duid();
    }

    /** {@return where the client sends its messages} */
    public InetSocketAddress server() {
        return settings.server();
    }

    /** {@return the address and port the client's socket is bound to} */
    public InetSocketAddress localAddress() {
        return channel.localAddress();
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "Dhcp6TestClient{" + settings.duid() + " " + Exchange.describe(localAddress()) + " -> "
                + Exchange.describe(settings.server()) + settings.relay().map(r -> " through " + r).orElse("")
                + "}";
    }

    private int newXid() {
        return settings.xids().getAsInt() & 0xFFFFFF;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.3fs", millis / 1000.0);
    }
}
