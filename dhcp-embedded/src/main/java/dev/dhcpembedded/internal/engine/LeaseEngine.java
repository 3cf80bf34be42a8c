package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.internal.wire.ReplyWriter;
import dev.dhcpembedded.internal.wire.WireRequest;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.MacAddress;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.codec.RequestState;

/**
 * The RFC 2131 §4.3 answer to each request, as a function of the request, the lease table and the time on the
 * clock it is given. It never touches a socket. Calls are serialised; the table is only reachable through here.
 */
public final class LeaseEngine {

    private final Clock clock;
    private final LeaseTable table = new LeaseTable();
    private final ReconfigureKeys reconfigure = new ReconfigureKeys();
    private final AddressAllocator allocator = new AddressAllocator();
    private volatile ServerConfig config;
    private Set<Integer> staticAddresses;
    /** The one key looked up with; set from each request (under this engine's lock). */
    private final ClientKey probe = ClientKey.probe();
    /**
     * For the DhcpMessage entry points (stubs, tests): the message read back, the reply and rule written. Made on
     * first use, under this engine's lock: a server whose packets take the direct path never needs them.
     */
    private WireRequest adapterRequest;
    private ReplyWriter adapterReply;
    private final StringBuilder adapterNote = new StringBuilder();

    public LeaseEngine(ServerConfig config, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.staticAddresses = staticAddresses(config);
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** Replaces the configuration; clients whose static address moved lose their old binding. */
    public synchronized void updateConfig(UnaryOperator<ServerConfig> change) {
        ServerConfig updated = change.apply(config);
        for (StaticLease lease : updated.staticLeases()) {
            // the client may be keyed by its client identifier (61) while its static lease names its MAC
            for (LeaseTable.Row row : table.rows(r -> belongsTo(lease, r) && r.address != lease.address())) {
                table.forget(row);
            }
            LeaseTable.Row occupant = table.atAddress(lease.address());
            if (occupant != null && occupant.client != null && !belongsTo(lease, occupant)) {
                table.forget(occupant);
            }
        }
        config = updated;
        staticAddresses = staticAddresses(updated);
    }

    public synchronized Decision handle(DhcpMessage request, Arrival arrival) {
        return handle(request, arrival, true);
    }

    /**
     * As {@link #handle(DhcpMessage, Arrival)}; with {@code allowRapidCommit} false a DISCOVER carrying rapid commit
     * (80) gets the OFFER it would get without it, as a stub that refuses rapid commit wants.
     */
    public synchronized Decision handle(DhcpMessage request, Arrival arrival, boolean allowRapidCommit) {
        WireRequest wire = wrap(request).from(arrival.peer());
        adapterNote.setLength(0);
        return decision(NetbootDecision.answer(decide(wire, arrival.localAddress(), arrival.broadcast(),
                allowRapidCommit, adapterReply(), adapterNote), wire, config.netboot(), adapterReply(), adapterNote));
    }

    /**
     * The packet path's way in: the decision on a request read in place, the reply (if any) written into
     * {@code reply} and the rule (or the reason for silence) appended to {@code note}. Makes no object in a
     * steady-state DORA or renewal.
     *
     * @return whether a reply was written
     */
    public synchronized boolean handle(WireRequest request, int localAddress, boolean broadcast, ReplyWriter reply,
                                       StringBuilder note) {
        return NetbootDecision.answer(decide(request, localAddress, broadcast, true, reply, note), request,
                config.netboot(), reply, note);
    }

    /** A message from a stub or a test, read through the same class as a received one. */
    private WireRequest wrap(DhcpMessage request) {
        byte[] bytes = DhcpCodec.encode(request);
        if (adapterRequest == null) {
            adapterRequest = new WireRequest();
        }
        return adapterRequest.parse(bytes, bytes.length, null);
    }

    /** The writer of the DhcpMessage entry points' replies (called under this engine's lock). */
    private ReplyWriter adapterReply() {
        if (adapterReply == null) {
            adapterReply = new ReplyWriter();
        }
        return adapterReply;
    }

    /** The decision the engine just wrote into the adapter's writer and note, as a message and a rule. */
    private Decision decision(boolean replied) {
        String rule = adapterNote.toString();
        if (!replied) {
            return Decision.silence(rule);
        }
        adapterReply().finish();
        return Decision.reply(DhcpCodec.decode(adapterReply().copy()), rule);
    }

    private static boolean silence(StringBuilder note, String reason) {
        note.append(reason);
        return false;
    }

    private boolean decide(WireRequest request, int localAddress, boolean broadcast, boolean allowRapidCommit,
                           ReplyWriter reply, StringBuilder note) {
        if (!request.isRequest()) {
            return silence(note, "BOOTREPLY (op 2) sent to the server; ignored");
        }
        int type = request.messageType();
        if (type == 0) {
            if (config.bootp()) {
                return bootp(request, localAddress, reply, note);
            }
            return silence(note, "no message type (option 53): plain BOOTP is not served (see bootp())");
        }
        if (request.hlen() == 0 && !request.has(OptionCode.CLIENT_IDENTIFIER.code())) {
            return silence(note, "hlen 0 and no client identifier: the client cannot be identified");
        }
        if (type == MessageType.DISCOVER.code()) {
            return discover(request, localAddress, allowRapidCommit, reply, note);
        } else if (type == MessageType.REQUEST.code()) {
            return request(request, localAddress, broadcast, reply, note);
        } else if (type == MessageType.DECLINE.code()) {
            return decline(request, note);
        } else if (type == MessageType.RELEASE.code()) {
            return release(request, note);
        } else if (type == MessageType.INFORM.code()) {
            return inform(request, localAddress, reply, note);
        }
        return silence(note, "message type " + MessageType.of(type) + " is not one a server answers");
    }

    private boolean discover(WireRequest request, int localAddress, boolean allowRapidCommit, ReplyWriter reply,
                             StringBuilder note) {
        SubnetConfig subnet = subnetFor(request, localAddress, false);
        if (subnet == null) {
            return noSubnet(request, note);
        }
        boolean ipv6Only = subnet.ipv6OnlyFor(request);
        if (ipv6Only && subnet.ipv6Only().zeroAddress()) {
            // RFC 8925 §3.3.1: the client will not use an address, so none is taken from the pool
            ReplyFactory.offerOrAck(request, MessageType.OFFER, 0, config, subnet, staticLeaseFor(request), false,
                    reply, null);
            note.append("DISCOVER asking for IPv6-only preferred (108): OFFER 0.0.0.0 with 108");
            return true;
        }
        boolean asksRapid = request.has(OptionCode.RAPID_COMMIT.code());
        boolean rapid = config.rapidCommit() && asksRapid && allowRapidCommit && !ipv6Only;
        ClientKey client = probe.set(request);
        long now = clock.millis();
        StaticLease host = staticLeaseFor(request);
        int address;
        String rule;
        LeaseTable.Row row = table.forClient(client);
        if (host != null && subnet.cidr().contains(host.address())) {
            address = host.address();
            rule = "DISCOVER: offer the static lease";
        } else if (row != null && offerable(subnet, row.address) && row.state == LeaseState.BOUND
                && row.expiresAtMillis > now) {
            address = row.address;
            rule = "DISCOVER: offer the client's current binding";
        } else if (row != null && row.state != LeaseState.DECLINED && offerable(subnet, row.address)) {
            address = row.address;
            rule = "DISCOVER: offer the client's previous address";
        } else if (requestedAndFree(request, subnet, client, now)) {
            address = request.address(OptionCode.REQUESTED_IP_ADDRESS.code(), 0);
            rule = "DISCOVER: offer the requested address (50)";
        } else {
            address = allocator.allocate(subnet, client, table, staticAddresses, config.serverId(), now);
            if (address == 0) {
                return silence(note, "pool exhausted in " + subnet.cidr() + ": no OFFER");
            }
            rule = "DISCOVER: offer a free pool address";
        }
        if (rapid) {
            // RFC 4039 §3: commit at once, as for a REQUEST in SELECTING, and answer with an ACK carrying 80
            LeaseTable.Row bound = table.assign(address, client, request, LeaseState.BOUND,
                    now + subnet.leaseTime().toMillis());
            bound.keepHostname(request);
            bound.acked(request);
            ReplyFactory.rapidAck(request, address, config, subnet, host, reply, keys());
            note.append(rule.replace("DISCOVER: offer", "DISCOVER with rapid commit (80): ACK"));
            return true;
        }
        // the client's current binding on this address stays bound: an OFFER must not shorten it to the hold time
        // (assign reuses the same row, so remember it before)
        boolean keepBinding = row != null && row.address == address && row.state == LeaseState.BOUND
                && row.expiresAtMillis > now;
        long boundUntil = keepBinding ? row.expiresAtMillis : 0;
        LeaseTable.Row held = table.assign(address, client, request, LeaseState.OFFERED,
                now + config.offerHoldTime().toMillis());
        if (keepBinding) {
            held.state = LeaseState.BOUND;
            held.expiresAtMillis = boundUntil;
        }
        held.keepHostname(request);
        note.append(rule);
        if (ipv6Only) {
            note.append(" with IPv6-only preferred (108)");
            if (config.rapidCommit() && asksRapid) {
                note.append(", no rapid commit (RFC 8925 §3.3.1)");
            }
        } else if (config.rapidCommit() && asksRapid && !allowRapidCommit) {
            note.append(", rapid commit refused");
        }
        ReplyFactory.offerOrAck(request, MessageType.OFFER, address, config, subnet, host, true, reply, null);
        return true;
    }

    /**
     * RFC 951 and 1542: a BOOTREQUEST without option 53 gets a BOOTREPLY with the client's static address or a
     * permanent one from the pool, and only the options that fit the 64-byte vendor area.
     */
    private boolean bootp(WireRequest request, int localAddress, ReplyWriter reply, StringBuilder note) {
        if (request.hlen() == 0) {
            return silence(note, "BOOTREQUEST with hlen 0: the client cannot be identified");
        }
        SubnetConfig subnet = subnetFor(request, localAddress, true);
        if (subnet == null) {
            return noSubnet(request, note);
        }
        ClientKey client = probe.set(request);
        long now = clock.millis();
        StaticLease host = staticLeaseFor(request);
        LeaseTable.Row row = table.forClient(client);
        int address;
        String rule;
        if (host != null && subnet.cidr().contains(host.address())) {
            address = host.address();
            rule = "BOOTREQUEST: BOOTREPLY with the static lease";
        } else if (row != null && row.state == LeaseState.BOUND && row.expiresAtMillis > now
                && offerable(subnet, row.address)) {
            address = row.address;
            rule = "BOOTREQUEST: BOOTREPLY with the client's permanent address";
        } else {
            address = allocator.allocate(subnet, client, table, staticAddresses, config.serverId(), now);
            if (address == 0) {
                return silence(note, "pool exhausted in " + subnet.cidr() + ": no BOOTREPLY");
            }
            rule = "BOOTREQUEST: BOOTREPLY with a permanent pool address";
        }
        LeaseTable.Row bound = table.assign(address, client, request, LeaseState.BOUND, Long.MAX_VALUE);
        if (host != null && host.hostname().isPresent()) {
            bound.hostname = host.hostname();
        }
        ReplyFactory.bootReply(request, address, config, subnet, host, reply);
        note.append(rule);
        return true;
    }

    private boolean request(WireRequest request, int localAddress, boolean broadcast, ReplyWriter reply,
                            StringBuilder note) {
        RequestState state = RequestStates.of(request, broadcast);
        switch (state) {
            case SELECTING: {
                int chosen = request.address(OptionCode.SERVER_IDENTIFIER.code(), 0);
                if (chosen != config.serverId()) {
                    LeaseTable.Row row = table.forClient(probe.set(request));
                    if (row != null && row.state == LeaseState.OFFERED) {
                        table.forget(row);
                    }
                    return silence(note, "REQUEST(SELECTING) names server " + Ipv4.toString(chosen)
                            + ", not this one: the client chose another server");
                }
                int address = request.hasAddress(OptionCode.REQUESTED_IP_ADDRESS.code())
                        ? request.address(OptionCode.REQUESTED_IP_ADDRESS.code(), 0) : request.ciaddr();
                return confirm(request, localAddress, address, state, reply, note);
            }
            case INIT_REBOOT:
                return confirm(request, localAddress, request.address(OptionCode.REQUESTED_IP_ADDRESS.code(), 0),
                        state, reply, note);
            case RENEWING:
            case REBINDING:
                return confirm(request, localAddress, request.ciaddr(), state, reply, note);
            default:
                return silence(note, request.has(OptionCode.REQUESTED_IP_ADDRESS.code())
                        ? "REQUEST with option 50 and ciaddr set matches no RFC 2131 state"
                        : "REQUEST with no server identifier (54), requested address (50) or ciaddr");
        }
    }

    /** Appends "REQUEST(STATE) for ADDRESS" to {@code note}. */
    private static StringBuilder what(StringBuilder note, RequestState state, int address) {
        note.append("REQUEST(").append(state.rfcName()).append(") for ");
        return Ipv4.append(note, address);
    }

    private boolean nak(WireRequest request, String message, ReplyWriter reply, StringBuilder note,
                        RequestState state, int address, String why) {
        ReplyFactory.nak(request, config, message, reply);
        what(note, state, address).append(": NAK, ").append(why);
        return true;
    }

    /** ACK, NAK or silence for a REQUEST in {@code state}, for {@code address}. */
    private boolean confirm(WireRequest request, int localAddress, int address, RequestState state,
                            ReplyWriter reply, StringBuilder note) {
        boolean selecting = state == RequestState.SELECTING;
        SubnetConfig subnet = subnetFor(request, localAddress, !selecting && state != RequestState.INIT_REBOOT);
        if (subnet == null) {
            return noSubnet(request, note);
        }
        if (!subnet.cidr().contains(address)) {
            return nak(request, "address not on this network", reply, note, state, address,
                    "the address is not in " + subnet.cidr());
        }
        ClientKey client = probe.set(request);
        long now = clock.millis();
        StaticLease host = staticLeaseFor(request);
        if (host != null && host.address() != address && subnet.cidr().contains(host.address())) {
            return nak(request, "wrong address", reply, note, state, address,
                    "the client's static lease is " + Ipv4.toString(host.address()));
        }
        LeaseTable.Row row = table.forClient(client);
        boolean known = row != null && row.address == address;
        boolean staticHit = host != null && host.address() == address;
        if (!staticHit && isStatic(address)) {
            return nak(request, "address reserved", reply, note, state, address,
                    "the address is another client's static lease");
        }
        if (!staticHit && address == config.serverId()) {
            return nak(request, "address reserved", reply, note, state, address,
                    "the address is the server's own identifier, never handed out");
        }
        if (!table.isAvailable(address, client, now)) {
            return nak(request, "address in use", reply, note, state, address,
                    "the address is held by another client");
        }
        if (!known && !staticHit) {
            if (selecting) {
                return nak(request, "address not offered", reply, note, state, address,
                        "this address was not offered to the client");
            }
            if (row != null && row.state == LeaseState.BOUND && row.expiresAtMillis > now) {
                // RFC 2131 §4.3.2: the server has a record of the client, and the address is not the one bound
                return nak(request, "wrong address", reply, note, state, address,
                        "the client's binding is " + Ipv4.toString(row.address));
            }
            if (!config.authoritative()) {
                // RFC 2131 §4.3.2: no record of this client: MUST remain silent (unless authoritative)
                what(note, state, address).append(": no record of the client, and not authoritative: silent");
                return false;
            }
            if (!subnet.inPool(address)) {
                return nak(request, "address not available", reply, note, state, address,
                        "the address is outside the pools (authoritative)");
            }
            return nak(request, "no record of this lease", reply, note, state, address,
                    "no record of the client (authoritative)");
        }
        LeaseTable.Row bound = table.assign(address, client, request, LeaseState.BOUND,
                now + subnet.leaseTime().toMillis());
        bound.keepHostname(request);
        bound.acked(request);
        ReplyFactory.offerOrAck(request, MessageType.ACK, address, config, subnet, host, true, reply, keys());
        what(note, state, address).append(staticHit ? ": ACK (static lease)" : ": ACK");
        return true;
    }

    private boolean decline(WireRequest request, StringBuilder note) {
        if (!isForUs(request)) {
            return silence(note, "DECLINE names another server");
        }
        if (!request.hasAddress(OptionCode.REQUESTED_IP_ADDRESS.code())) {
            return silence(note, "DECLINE without the declined address (50); ignored");
        }
        int address = request.address(OptionCode.REQUESTED_IP_ADDRESS.code(), 0);
        LeaseTable.Row row = table.atAddress(address);
        if (row == null || !probe.set(request).equals(row.client)) {
            return silence(note, "DECLINE of " + Ipv4.toString(address) + " which is not the client's; ignored");
        }
        table.setAside(address, clock.millis() + config.declineProbation().toMillis());
        return silence(note, "DECLINE: " + Ipv4.toString(address) + " set aside for "
                + config.declineProbation().getSeconds() + " s");
    }

    private boolean release(WireRequest request, StringBuilder note) {
        if (!isForUs(request)) {
            return silence(note, "RELEASE names another server");
        }
        LeaseTable.Row row = table.forClient(probe.set(request));
        if (row == null || row.address != request.ciaddr() || row.state != LeaseState.BOUND) {
            return silence(note, "RELEASE of " + Ipv4.toString(request.ciaddr())
                    + " which the client does not hold; ignored");
        }
        row.state = LeaseState.RELEASED;
        row.expiresAtMillis = clock.millis();
        return silence(note, "RELEASE: " + Ipv4.toString(row.address) + " freed");
    }

    private boolean inform(WireRequest request, int localAddress, ReplyWriter reply, StringBuilder note) {
        SubnetConfig subnet = subnetFor(request, localAddress, true);
        if (subnet == null) {
            return noSubnet(request, note);
        }
        ReplyFactory.offerOrAck(request, MessageType.ACK, 0, config, subnet, staticLeaseFor(request), false, reply, keys());
        note.append("INFORM: ACK with configuration and no lease");
        return true;
    }

    private boolean isForUs(WireRequest request) {
        return !request.hasAddress(OptionCode.SERVER_IDENTIFIER.code())
                || request.address(OptionCode.SERVER_IDENTIFIER.code(), 0) == config.serverId();
    }

    private boolean requestedAndFree(WireRequest request, SubnetConfig subnet, ClientKey client, long now) {
        if (!request.hasAddress(OptionCode.REQUESTED_IP_ADDRESS.code())) {
            return false;
        }
        int wanted = request.address(OptionCode.REQUESTED_IP_ADDRESS.code(), 0);
        return offerable(subnet, wanted) && table.isAvailable(wanted, client, now);
    }

    /**
     * Whether the RFC path may hand {@code address} out of {@code subnet}'s pools: not a static lease's, and never
     * the server's own identifier (a stub may offer it on purpose; the default logic never takes it up again).
     */
    private boolean offerable(SubnetConfig subnet, int address) {
        return subnet.inPool(address) && !isStatic(address) && address != config.serverId();
    }

    /**
     * RFC 2131 §4.3.1: giaddr selects the subnet; else ciaddr (when the client has one); else the address the
     * request arrived at; else the first subnet configured. Null when giaddr is in no subnet.
     */
    private SubnetConfig subnetFor(WireRequest request, int localAddress, boolean useCiaddr) {
        if (request.giaddr() != 0) {
            return config.subnetAt(request.giaddr());
        }
        if (useCiaddr && request.ciaddr() != 0) {
            SubnetConfig byCiaddr = config.subnetAt(request.ciaddr());
            if (byCiaddr != null) {
                return byCiaddr;
            }
        }
        if (localAddress != 0) {
            SubnetConfig local = config.subnetAt(localAddress);
            if (local != null) {
                return local;
            }
        }
        return config.subnets().get(0);
    }

    private static boolean noSubnet(WireRequest request, StringBuilder note) {
        note.append("giaddr ");
        Ipv4.append(note, request.giaddr()).append(" is in no configured subnet: not answered");
        return false;
    }

    /** The client's static lease, or null. */
    private StaticLease staticLeaseFor(WireRequest request) {
        List<StaticLease> leases = config.staticLeases();
        for (int i = 0; i < leases.size(); i++) {
            StaticLease lease = leases.get(i);
            if (lease.client().matches(request)) {
                return lease;
            }
        }
        return null;
    }

    private static boolean belongsTo(StaticLease lease, LeaseTable.Row row) {
        if (row.client == null) {
            return false;
        }
        return lease.client().equals(row.client)
                || (!lease.client().byClientId() && row.mac != null && lease.client().isMac(row.mac));
    }

    private boolean isStatic(int address) {
        return !staticAddresses.isEmpty() && staticAddresses.contains(address);
    }

    private static Set<Integer> staticAddresses(ServerConfig config) {
        Set<Integer> out = new HashSet<>();
        for (StaticLease lease : config.staticLeases()) { // a loop, not a lambda: start() spins no class
            out.add(lease.address());
        }
        return out;
    }

    // ---- what stubs ask for ----

    /** An OFFER of {@code address} to the client, held for it as any offer is; for scripted responses. */
    public synchronized Decision offerAddress(DhcpMessage request, Arrival arrival, int address) {
        return scripted(request, arrival, address, MessageType.OFFER, LeaseState.OFFERED,
                config.offerHoldTime().toMillis());
    }

    /** An ACK of {@code address}, bound to the client for the subnet's lease time; for scripted responses. */
    public synchronized Decision ackAddress(DhcpMessage request, Arrival arrival, int address) {
        SubnetConfig subnet = config.subnetAt(address);
        long leaseMillis = subnet != null ? subnet.leaseTime().toMillis() : 3_600_000L;
        return scripted(request, arrival, address, MessageType.ACK, LeaseState.BOUND, leaseMillis);
    }

    /** A NAK with {@code message}, changing nothing in the table. */
    public synchronized Decision nak(DhcpMessage request, String message) {
        ReplyFactory.nak(wrap(request), config, message, adapterReply());
        adapterNote.setLength(0);
        adapterNote.append("NAK: ").append(message);
        return decision(true);
    }

    private Decision scripted(DhcpMessage request, Arrival arrival, int address, MessageType type,
                              LeaseState state, long holdMillis) {
        WireRequest wire = wrap(request).from(arrival.peer());
        SubnetConfig subnet = config.subnetAt(address);
        if (subnet == null) {
            subnet = subnetFor(wire, arrival.localAddress(), true);
        }
        if (subnet == null) {
            subnet = config.subnets().get(0);
        }
        LeaseTable.Row row = table.assign(address, probe.set(wire), wire, state, clock.millis() + holdMillis);
        if (type == MessageType.ACK) {
            row.acked(wire);
        }
        ReplyFactory.offerOrAck(wire, type, address, config, subnet, staticLeaseFor(wire), true, adapterReply(), null);
        adapterNote.setLength(0);
        adapterNote.append(type).append(' ');
        Ipv4.append(adapterNote, address).append(" as scripted");
        return decision(true);
    }

    // ---- what tests look at and change ----

    public synchronized List<Lease> leases() {
        return table.snapshot(clock.millis());
    }

    /** Ends the lease on {@code address} now; the next REQUEST for it is treated as for an expired lease. */
    public synchronized boolean expire(int address) {
        LeaseTable.Row row = table.atAddress(address);
        if (row == null || row.state == LeaseState.DECLINED) {
            return false;
        }
        row.state = LeaseState.EXPIRED;
        row.expiresAtMillis = clock.millis();
        return true;
    }

    /**
     * A FORCERENEW (RFC 3203) to the client's bound lease, with its last ACK's xid, authenticated with its reconfigure
     * key when it was given one (RFC 6704); {@link IllegalStateException} when it holds none or was never ACKed.
     */
    public synchronized ReconfigureKeys.ForceRenew forceRenew(MacAddress mac) {
        return reconfigure.forceRenew(mac, table.boundTo(mac, clock.millis()), config.serverId());
    }

    private ReconfigureKeys keys() {
        return config.reconfigureKeys() ? reconfigure : null;
    }

    /** Forgets every lease and offer. */
    public synchronized void reset(ServerConfig initial) {
        reconfigure.clear();
        table.clear();
        allocator.reset();
        config = initial;
        staticAddresses = staticAddresses(initial);
    }
}
