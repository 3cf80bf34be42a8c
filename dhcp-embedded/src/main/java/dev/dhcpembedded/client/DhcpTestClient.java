package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A scripted DHCPv4 client for tests. Each operation sends what RFC 2131 says a client sends in that state, waits
 * for the reply with the same xid and chaddr (other datagrams are journaled and ignored), retransmits with the same
 * xid and a growing 'secs' when nothing comes, and returns the reply, or empty after the last attempt.
 *
 * <p>Every message goes to the configured server address and port: on loopback that is also where RENEWING
 * (unicast to the server) and REBINDING (broadcast) requests go. One client is meant for one thread at a time;
 * {@link #exchanges()} may be read from any thread, and any number of clients may run side by side.
 */
public final class DhcpTestClient implements AutoCloseable {

    private static final Set<MessageType> ACK_OR_NAK = Set.of(MessageType.ACK, MessageType.NAK);

    private final ClientSettings settings;
    private final ExchangeLog<DhcpMessage> log = new ExchangeLog<>();
    private final UdpChannel<DhcpMessage> channel;
    private final MessageFactory messages;
    private final Retransmitter<DhcpMessage> retransmitter;
    private final Schedule.Fixed schedule;

    /** The DISCOVER process in progress, so that the REQUEST for its OFFER continues its 'secs'. */
    private int discoverXid;
    private SecondsCounter discoverSecs;

    DhcpTestClient(ClientSettings settings) {
        this.settings = settings;
        this.channel = UdpChannel.open(settings.link(), Wire.V4, log);
        this.messages = new MessageFactory(settings);
        this.retransmitter = new Retransmitter<>(channel, settings.link().waiting());
        this.schedule = settings.schedule();
    }

    /** {@return a builder of a client, with loopback defaults} */
    public static DhcpTestClientBuilder builder() {
        return new DhcpTestClientBuilder();
    }

    // ---- the protocol ----

    /**
     * INIT: a DISCOVER with a new xid.
     *
     * @return the first OFFER for it, or empty when none came after the retransmissions
     */
    public synchronized Optional<DhcpMessage> discover() {
        return discover(Optional.empty());
    }

    /**
     * INIT: a DISCOVER with a new xid that asks for a preferred address (option 50).
     *
     * @param preferred the address the client would like
     * @return the first OFFER for it, or empty when none came after the retransmissions
     */
    public synchronized Optional<DhcpMessage> discover(Inet4Address preferred) {
        return discover(Optional.of(preferred));
    }

    private Optional<DhcpMessage> discover(Optional<Inet4Address> preferred) {
        int xid = newXid();
        discoverXid = xid;
        discoverSecs = new SecondsCounter(settings.clock());
        return exchange(secs -> messages.discover(xid, secs, preferred), discoverSecs,
                replyFilter(xid, Set.of(MessageType.OFFER)));
    }

    /**
     * INIT with rapid commit (RFC 4039): a DISCOVER carrying option 80 with a new xid. Follow an OFFER with
     * {@link #request(DhcpMessage)}; an ACK is the lease ({@link ClientLease#fromAck(DhcpMessage, java.time.Instant)}).
     *
     * @return the first ACK (the server committed at once) or OFFER (it did not) for it, or empty when none came
     */
    public synchronized Optional<DhcpMessage> discoverWithRapidCommit() {
        int xid = newXid();
        discoverXid = xid;
        discoverSecs = new SecondsCounter(settings.clock());
        return exchange(secs -> messages.discover(xid, secs, Optional.empty()).toBuilder()
                        .option(dev.dhcpembedded.codec.DhcpOptions.rapidCommit()).build(), discoverSecs,
                replyFilter(xid, Set.of(MessageType.OFFER, MessageType.ACK)));
    }

    /**
     * One DISCOVER (no retransmission) and every OFFER for it that arrives within {@code window}, in arrival order:
     * for tests with competing servers.
     *
     * @param window how long to collect OFFERs; this call takes that long
     * @return the OFFERs, maybe none
     */
    public synchronized List<DhcpMessage> discoverAll(Duration window) {
        int xid = newXid();
        discoverXid = xid;
        discoverSecs = new SecondsCounter(settings.clock());
        channel.send(messages.discover(xid, discoverSecs.next(false), Optional.empty()));
        ReplyFilter isOffer = replyFilter(xid, Set.of(MessageType.OFFER));
        List<DhcpMessage> offers = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            channel.receive(Duration.ofNanos(remaining), isOffer).ifPresent(offers::add);
        }
        return List.copyOf(offers);
    }

    /**
     * SELECTING: a REQUEST with the OFFER's xid, ciaddr 0, 50 = the offered address and 54 = its server.
     *
     * @param offer an OFFER this client received
     * @return the ACK or NAK, or empty when none came after the retransmissions
     * @throws IllegalArgumentException when {@code offer} is not an OFFER with an address and a server identifier
     */
    public synchronized Optional<DhcpMessage> request(DhcpMessage offer) {
        Objects.requireNonNull(offer, "offer");
        if (!offer.is(MessageType.OFFER) || offer.yiaddr().isAnyLocalAddress() || offer.serverIdentifier().isEmpty()) {
            throw new IllegalArgumentException("request(offer) needs an OFFER with yiaddr and a server identifier "
                    + "(54), got " + offer);
        }
        int xid = offer.xid();
        Inet4Address offered = offer.yiaddr();
        Inet4Address serverId = offer.serverIdentifier().get();
        SecondsCounter secs = discoverSecs != null && discoverXid == xid
                ? discoverSecs : new SecondsCounter(settings.clock());
        return exchange(s -> messages.requestSelecting(xid, s, offered, serverId), secs,
                replyFilter(xid, ACK_OR_NAK));
    }

    /**
     * DISCOVER, OFFER, REQUEST, ACK.
     *
     * @return the lease the ACK grants
     * @throws DhcpClientException when no OFFER or no ACK/NAK came, the server sent a NAK, or the ACK is not a
     *     usable lease; the message says which
     */
    public synchronized ClientLease dora() {
        DhcpMessage offer = discover().orElseThrow(() -> new DhcpClientException(String.format(
                "no OFFER within %s: %d DISCOVER(s) with xid 0x%08x from %s to %s went unanswered",
                seconds(schedule.patience()), schedule.attempts(), discoverXid, settings.mac(),
                describe(settings.server()))));
        String offered = offer.yiaddr().getHostAddress();
        String serverId = offer.serverIdentifier().map(a -> Ipv4.toString(Ipv4.toInt(a))).orElse("?");
        DhcpMessage reply = request(offer).orElseThrow(() -> new DhcpClientException(String.format(
                "no ACK or NAK within %s: %d REQUEST(s) for %s from server %s with xid 0x%08x went unanswered",
                seconds(schedule.patience()), schedule.attempts(), offered, serverId, offer.xid())));
        if (reply.is(MessageType.NAK)) {
            throw new DhcpClientException("NAK for " + offered + " from server " + serverId
                    + reply.message().map(m -> " with message \"" + m + "\"").orElse(" without a message (56)"),
                    reply);
        }
        try {
            return ClientLease.fromAck(reply, offer.serverIdentifier().orElse(null), settings.clock().instant());
        } catch (IllegalArgumentException e) {
            throw new DhcpClientException("the ACK for " + offered + " from server " + serverId
                    + " is not a usable lease: " + e.getMessage(), reply);
        }
    }

    /**
     * RENEWING: a REQUEST with a new xid, ciaddr = the lease's address, no 50 or 54.
     *
     * @param lease the lease to extend
     * @return the ACK or NAK, or empty when none came after the retransmissions
     */
    public synchronized Optional<DhcpMessage> renew(ClientLease lease) {
        return extend(lease);
    }

    /**
     * REBINDING: the same message as RENEWING (ciaddr set, no 50 or 54), meant for all servers; on loopback it goes
     * to the configured server like everything else.
     *
     * @param lease the lease to extend
     * @return the ACK or NAK, or empty when none came after the retransmissions
     */
    public synchronized Optional<DhcpMessage> rebind(ClientLease lease) {
        return extend(lease);
    }

    private Optional<DhcpMessage> extend(ClientLease lease) {
        Objects.requireNonNull(lease, "lease");
        int xid = newXid();
        Inet4Address address = lease.address();
        return exchange(secs -> messages.requestExtending(xid, secs, address),
                new SecondsCounter(settings.clock()), replyFilter(xid, ACK_OR_NAK));
    }

    /**
     * INIT-REBOOT: a REQUEST with a new xid, ciaddr 0, 50 = the remembered address, no 54.
     *
     * @param address the address the client remembers
     * @return the ACK or NAK, or empty when none came after the retransmissions
     */
    public synchronized Optional<DhcpMessage> initReboot(Inet4Address address) {
        Objects.requireNonNull(address, "address");
        int xid = newXid();
        return exchange(secs -> messages.requestInitReboot(xid, secs, address),
                new SecondsCounter(settings.clock()), replyFilter(xid, ACK_OR_NAK));
    }

    /**
     * INIT-REBOOT: a REQUEST with a new xid, ciaddr 0, 50 = the remembered address, no 54.
     *
     * @param address the address the client remembers, e.g. {@code 10.20.0.5}
     * @return the ACK or NAK, or empty when none came after the retransmissions
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public synchronized Optional<DhcpMessage> initReboot(String address) {
        return initReboot(Ipv4.parse(address));
    }

    /**
     * RELEASE: ciaddr = the lease's address, 54 = its server; no reply is expected.
     *
     * @param lease the lease to give back
     * @return the message sent
     */
    public synchronized DhcpMessage release(ClientLease lease) {
        Objects.requireNonNull(lease, "lease");
        DhcpMessage release = messages.release(newXid(), lease.address(), lease.serverId());
        channel.send(release);
        return release;
    }

    /**
     * DECLINE: ciaddr 0, 50 = the lease's address, 54 = its server; no reply is expected.
     *
     * @param lease the lease whose address is in use
     * @return the message sent
     */
    public synchronized DhcpMessage decline(ClientLease lease) {
        Objects.requireNonNull(lease, "lease");
        DhcpMessage decline = messages.decline(newXid(), lease.address(), lease.serverId());
        channel.send(decline);
        return decline;
    }

    /**
     * INFORM: ciaddr = {@code address}, no 50 or 54.
     *
     * @param address the address the client already has
     * @return the ACK (or a NAK, if the server sends one), or empty when none came after the retransmissions
     */
    public synchronized Optional<DhcpMessage> inform(Inet4Address address) {
        Objects.requireNonNull(address, "address");
        int xid = newXid();
        return exchange(secs -> messages.inform(xid, secs, address),
                new SecondsCounter(settings.clock()), replyFilter(xid, ACK_OR_NAK));
    }

    /**
     * INFORM: ciaddr = {@code address}, no 50 or 54.
     *
     * @param address the address the client already has, e.g. {@code 10.20.0.5}
     * @return the ACK (or a NAK, if the server sends one), or empty when none came after the retransmissions
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public synchronized Optional<DhcpMessage> inform(String address) {
        return inform(Ipv4.parse(address));
    }

    // ---- the escape hatch ----

    /**
     * A message builder with this client's header (new xid, chaddr, giaddr when relaying), 53 and 61 set: a start
     * for crafted packets sent with {@link #send(DhcpMessage)}.
     *
     * @param type the message type (53)
     * @return the builder
     */
    public synchronized DhcpMessageBuilder newMessage(MessageType type) {
        return messages.base(type, newXid(), 0, settings.broadcast());
    }

    /**
     * Sends a message as it is, without waiting for anything.
     *
     * @param message the message
     */
    public synchronized void send(DhcpMessage message) {
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
     * The next datagram that decodes, whatever it is.
     *
     * @param timeout how long to wait
     * @return the message, or empty after {@code timeout}
     */
    public synchronized Optional<DhcpMessage> receive(Duration timeout) {
        return channel.receive(timeout, message -> true);
    }

    // ---- what happened ----

    /** {@return every datagram sent and received, in order} */
    public List<Exchange<DhcpMessage>> exchanges() {
        return log.snapshot();
    }

    /** {@return the messages sent, in order (raw datagrams that did not decode are left out)} */
    public List<DhcpMessage> sent() {
        return messages(Exchange.Direction.SENT);
    }

    /**
     * {@return the messages received, in order, including those ignored as not matching (undecodable ones left out)}
     */
    public List<DhcpMessage> received() {
        return messages(Exchange.Direction.RECEIVED);
    }

    private List<DhcpMessage> messages(Exchange.Direction direction) {
        return log.messages(direction);
    }

    /** {@return the client's MAC (chaddr)} */
    public MacAddress mac() {
        return settings.mac();
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
        return "DhcpTestClient{" + settings.mac() + " " + describe(localAddress()) + " -> "
                + describe(settings.server()) + "}";
    }

    private int newXid() {
        return settings.xids().getAsInt();
    }

    private ReplyFilter replyFilter(int xid, Set<MessageType> types) {
        return new ReplyFilter(xid, settings.mac(), types);
    }

    private static String describe(InetSocketAddress address) {
        return Exchange.describe(address);
    }

    /** Sends {@code request} for each 'secs' of {@code secs} (one more on each retransmission) until a reply. */
    private Optional<DhcpMessage> exchange(IntFunction<DhcpMessage> request, SecondsCounter secs,
            ReplyFilter isReply) {
        return retransmitter.exchange(schedule, (n, elapsed) -> request.apply(secs.next(n > 0)), isReply).reply();
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
