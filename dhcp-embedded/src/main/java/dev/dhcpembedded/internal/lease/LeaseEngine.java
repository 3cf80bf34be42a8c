package dev.dhcpembedded.internal.lease;

import dev.dhcpembedded.internal.codec.Fields;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.codec.MessageType;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import dev.dhcpembedded.server.Lease;
import dev.dhcpembedded.server.LeaseState;
import dev.dhcpembedded.stub.RequestState;

/**
 * The RFC 2131 §4.3 answer to each request, as a function of the request, the lease table and the time on the
 * clock it is given. It never touches a socket. Calls are serialised; the table is only reachable through here.
 */
public final class LeaseEngine {

    private final Clock clock;
    private final LeaseTable table = new LeaseTable();
    private final AddressAllocator allocator = new AddressAllocator();
    private volatile ServerConfig config;
    private Set<Integer> staticAddresses;

    public LeaseEngine(ServerConfig config, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.staticAddresses = staticAddresses(config);
    }

    /** Sets the row's hostname unless it is already that one: a renewal makes nothing the table keeps. */
    private static void keepHostname(LeaseTable.Row row, String hostname) {
        if (!hostname.equals(row.hostname.orElse(null))) {
            row.hostname = Optional.of(hostname);
        }
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
        if (!request.isRequest()) {
            return Decision.silence("BOOTREPLY (op 2) sent to the server; ignored");
        }
        Optional<MessageType> type = request.messageType();
        if (type.isEmpty()) {
            if (config.bootp()) {
                return bootp(request, arrival);
            }
            return Decision.silence("no message type (option 53): plain BOOTP is not served (see bootp())");
        }
        if (request.hlen() == 0 && request.clientIdentifier().isEmpty()) {
            return Decision.silence("hlen 0 and no client identifier: the client cannot be identified");
        }
        MessageType t = type.get();
        if (t.equals(MessageType.DISCOVER)) {
            return discover(request, arrival, allowRapidCommit);
        } else if (t.equals(MessageType.REQUEST)) {
            return request(request, arrival);
        } else if (t.equals(MessageType.DECLINE)) {
            return decline(request);
        } else if (t.equals(MessageType.RELEASE)) {
            return release(request);
        } else if (t.equals(MessageType.INFORM)) {
            return inform(request, arrival);
        }
        return Decision.silence("message type " + t + " is not one a server answers");
    }

    private Decision discover(DhcpMessage request, Arrival arrival, boolean allowRapidCommit) {
        Optional<SubnetConfig> found = subnetFor(request, arrival, false);
        if (found.isEmpty()) {
            return noSubnet(request);
        }
        SubnetConfig subnet = found.get();
        boolean ipv6Only = subnet.ipv6OnlyFor(request);
        if (ipv6Only && subnet.ipv6Only().zeroAddress()) {
            // RFC 8925 §3.3.1: the client will not use an address, so none is taken from the pool
            return Decision.reply(ReplyFactory.offerOrAck(request, MessageType.OFFER, 0, config, subnet,
                    staticLeaseFor(request), false), "DISCOVER asking for IPv6-only preferred (108): OFFER 0.0.0.0"
                    + " with 108");
        }
        boolean rapid = config.rapidCommit() && request.rapidCommit() && allowRapidCommit && !ipv6Only;
        ClientKey client = ClientKey.of(request);
        long now = clock.millis();
        Optional<StaticLease> host = staticLeaseFor(request);
        int address;
        String rule;
        LeaseTable.Row row = table.forClient(client);
        if (host.isPresent() && subnet.cidr().contains(host.get().address())) {
            address = host.get().address();
            rule = "DISCOVER: offer the static lease";
        } else if (row != null && subnet.inPool(row.address) && row.state == LeaseState.BOUND
                && row.expiresAtMillis > now && !isStatic(row.address)) {
            address = row.address;
            rule = "DISCOVER: offer the client's current binding";
        } else if (row != null && row.state != LeaseState.DECLINED && subnet.inPool(row.address)
                && !isStatic(row.address)) {
            address = row.address;
            rule = "DISCOVER: offer the client's previous address";
        } else if (requestedAndFree(request, subnet, client, now)) {
            address = Ipv4.toInt(request.requestedIpAddress().get());
            rule = "DISCOVER: offer the requested address (50)";
        } else {
            address = allocator.allocate(subnet, client, table, staticAddresses, config.serverId(), now);
            if (address == 0) {
                return Decision.silence("pool exhausted in " + subnet.cidr() + ": no OFFER");
            }
            rule = "DISCOVER: offer a free pool address";
        }
        if (rapid) {
            // RFC 4039 §3: commit at once, as for a REQUEST in SELECTING, and answer with an ACK carrying 80
            LeaseTable.Row bound = table.assign(address, client, request.clientMac(), LeaseState.BOUND,
                    now + subnet.leaseTime().toMillis());
            request.hostname().ifPresent(h -> keepHostname(bound, h));
            return Decision.reply(ReplyFactory.rapidAck(request, address, config, subnet, host),
                    rule.replace("DISCOVER: offer", "DISCOVER with rapid commit (80): ACK"));
        }
        // the client's current binding on this address stays bound: an OFFER must not shorten it to the hold time
        // (assign reuses the same row, so remember it before)
        boolean keepBinding = row != null && row.address == address && row.state == LeaseState.BOUND
                && row.expiresAtMillis > now;
        long boundUntil = keepBinding ? row.expiresAtMillis : 0;
        LeaseTable.Row held = table.assign(address, client, request.clientMac(), LeaseState.OFFERED,
                now + config.offerHoldTime().toMillis());
        if (keepBinding) {
            held.state = LeaseState.BOUND;
            held.expiresAtMillis = boundUntil;
        }
        request.hostname().ifPresent(h -> keepHostname(held, h));
        String why = ipv6Only ? rule + " with IPv6-only preferred (108)"
                + (config.rapidCommit() && request.rapidCommit() ? ", no rapid commit (RFC 8925 §3.3.1)" : "")
                : config.rapidCommit() && request.rapidCommit() && !allowRapidCommit ? rule + ", rapid commit refused"
                : rule;
        return Decision.reply(ReplyFactory.offerOrAck(request, MessageType.OFFER, address, config, subnet, host,
                true), why);
    }

    /**
     * RFC 951 and 1542: a BOOTREQUEST without option 53 gets a BOOTREPLY with the client's static address or a
     * permanent one from the pool, and only the options that fit the 64-byte vendor area.
     */
    private Decision bootp(DhcpMessage request, Arrival arrival) {
        if (request.hlen() == 0) {
            return Decision.silence("BOOTREQUEST with hlen 0: the client cannot be identified");
        }
        Optional<SubnetConfig> found = subnetFor(request, arrival, true);
        if (found.isEmpty()) {
            return noSubnet(request);
        }
        SubnetConfig subnet = found.get();
        ClientKey client = ClientKey.of(request);
        long now = clock.millis();
        Optional<StaticLease> host = staticLeaseFor(request);
        LeaseTable.Row row = table.forClient(client);
        int address;
        String rule;
        if (host.isPresent() && subnet.cidr().contains(host.get().address())) {
            address = host.get().address();
            rule = "BOOTREQUEST: BOOTREPLY with the static lease";
        } else if (row != null && row.state == LeaseState.BOUND && row.expiresAtMillis > now && subnet.inPool(row.address)
                && !isStatic(row.address)) {
            address = row.address;
            rule = "BOOTREQUEST: BOOTREPLY with the client's permanent address";
        } else {
            address = allocator.allocate(subnet, client, table, staticAddresses, config.serverId(), now);
            if (address == 0) {
                return Decision.silence("pool exhausted in " + subnet.cidr() + ": no BOOTREPLY");
            }
            rule = "BOOTREQUEST: BOOTREPLY with a permanent pool address";
        }
        LeaseTable.Row bound = table.assign(address, client, request.clientMac(), LeaseState.BOUND, Long.MAX_VALUE);
        host.flatMap(StaticLease::hostname).ifPresent(h -> bound.hostname = Optional.of(h));
        return Decision.reply(ReplyFactory.bootReply(request, address, config, subnet, host), rule);
    }

    private Decision request(DhcpMessage request, Arrival arrival) {
        RequestState state = RequestState.of(request, arrival.broadcast());
        switch (state) {
            case SELECTING: {
                int chosen = Ipv4.toInt(request.serverIdentifier().orElseThrow());
                if (chosen != config.serverId()) {
                    LeaseTable.Row row = table.forClient(ClientKey.of(request));
                    if (row != null && row.state == LeaseState.OFFERED) {
                        table.forget(row);
                    }
                    return Decision.silence("REQUEST(SELECTING) names server " + Ipv4.toString(chosen)
                            + ", not this one: the client chose another server");
                }
                int address = request.requestedIpAddress().map(Ipv4::toInt).orElse(Ipv4.toInt(request.ciaddr()));
                return confirm(request, arrival, address, state);
            }
            case INIT_REBOOT:
                return confirm(request, arrival, Ipv4.toInt(request.requestedIpAddress().orElseThrow()), state);
            case RENEWING:
            case REBINDING:
                return confirm(request, arrival, Ipv4.toInt(request.ciaddr()), state);
            default:
                return Decision.silence(request.requestedIpAddress().isPresent()
                        ? "REQUEST with option 50 and ciaddr set matches no RFC 2131 state"
                        : "REQUEST with no server identifier (54), requested address (50) or ciaddr");
        }
    }

    /** ACK, NAK or silence for a REQUEST in {@code state}, for {@code address}. */
    private Decision confirm(DhcpMessage request, Arrival arrival, int address, RequestState state) {
        boolean selecting = state == RequestState.SELECTING;
        String what = "REQUEST(" + state.rfcName() + ") for " + Ipv4.toString(address);
        Optional<SubnetConfig> found = subnetFor(request, arrival, !selecting && state != RequestState.INIT_REBOOT);
        if (found.isEmpty()) {
            return noSubnet(request);
        }
        SubnetConfig subnet = found.get();
        if (!subnet.cidr().contains(address)) {
            return Decision.reply(ReplyFactory.nak(request, config, "address not on this network"),
                    what + ": NAK, the address is not in " + subnet.cidr());
        }
        ClientKey client = ClientKey.of(request);
        long now = clock.millis();
        Optional<StaticLease> host = staticLeaseFor(request);
        if (host.isPresent() && host.get().address() != address && subnet.cidr().contains(host.get().address())) {
            return Decision.reply(ReplyFactory.nak(request, config, "wrong address"),
                    what + ": NAK, the client's static lease is " + Ipv4.toString(host.get().address()));
        }
        LeaseTable.Row row = table.forClient(client);
        boolean known = row != null && row.address == address;
        boolean staticHit = host.isPresent() && host.get().address() == address;
        if (!staticHit && isStatic(address)) {
            return Decision.reply(ReplyFactory.nak(request, config, "address reserved"),
                    what + ": NAK, the address is another client's static lease");
        }
        if (!table.isAvailable(address, client, now)) {
            return Decision.reply(ReplyFactory.nak(request, config, "address in use"),
                    what + ": NAK, the address is held by another client");
        }
        if (!known && !staticHit) {
            if (selecting) {
                return Decision.reply(ReplyFactory.nak(request, config, "address not offered"),
                        what + ": NAK, this address was not offered to the client");
            }
            if (row != null && row.state == LeaseState.BOUND && row.expiresAtMillis > now) {
                // RFC 2131 §4.3.2: the server has a record of the client, and the address is not the one bound
                return Decision.reply(ReplyFactory.nak(request, config, "wrong address"),
                        what + ": NAK, the client's binding is " + Ipv4.toString(row.address));
            }
            if (!config.authoritative()) {
                // RFC 2131 §4.3.2: no record of this client: MUST remain silent (unless authoritative)
                return Decision.silence(what + ": no record of the client, and not authoritative: silent");
            }
            if (!subnet.inPool(address)) {
                return Decision.reply(ReplyFactory.nak(request, config, "address not available"),
                        what + ": NAK, the address is outside the pools (authoritative)");
            }
            return Decision.reply(ReplyFactory.nak(request, config, "no record of this lease"),
                    what + ": NAK, no record of the client (authoritative)");
        }
        LeaseTable.Row bound = table.assign(address, client, request.clientMac(), LeaseState.BOUND,
                now + subnet.leaseTime().toMillis());
        request.hostname().ifPresent(h -> keepHostname(bound, h));
        return Decision.reply(ReplyFactory.offerOrAck(request, MessageType.ACK, address, config, subnet, host, true),
                what + ": ACK" + (staticHit ? " (static lease)" : ""));
    }

    private Decision decline(DhcpMessage request) {
        if (!isForUs(request)) {
            return Decision.silence("DECLINE names another server");
        }
        Optional<java.net.Inet4Address> requested = request.requestedIpAddress();
        if (requested.isEmpty()) {
            return Decision.silence("DECLINE without the declined address (50); ignored");
        }
        int address = Ipv4.toInt(requested.get());
        LeaseTable.Row row = table.atAddress(address);
        if (row == null || !ClientKey.of(request).equals(row.client)) {
            return Decision.silence("DECLINE of " + Ipv4.toString(address) + " which is not the client's; ignored");
        }
        table.setAside(address, clock.millis() + config.declineProbation().toMillis());
        return Decision.silence("DECLINE: " + Ipv4.toString(address) + " set aside for "
                + config.declineProbation().getSeconds() + " s");
    }

    private Decision release(DhcpMessage request) {
        if (!isForUs(request)) {
            return Decision.silence("RELEASE names another server");
        }
        LeaseTable.Row row = table.forClient(ClientKey.of(request));
        if (row == null || row.address != Fields.ciaddr(request) || row.state != LeaseState.BOUND) {
            return Decision.silence("RELEASE of " + Ipv4.toString(Fields.ciaddr(request))
                    + " which the client does not hold; ignored");
        }
        row.state = LeaseState.RELEASED;
        row.expiresAtMillis = clock.millis();
        return Decision.silence("RELEASE: " + Ipv4.toString(row.address) + " freed");
    }

    private Decision inform(DhcpMessage request, Arrival arrival) {
        Optional<SubnetConfig> found = subnetFor(request, arrival, true);
        if (found.isEmpty()) {
            return noSubnet(request);
        }
        return Decision.reply(ReplyFactory.offerOrAck(request, MessageType.ACK, 0, config, found.get(),
                staticLeaseFor(request), false), "INFORM: ACK with configuration and no lease");
    }

    private boolean isForUs(DhcpMessage request) {
        return request.serverIdentifier().map(id -> Ipv4.toInt(id) == config.serverId()).orElse(true);
    }

    private boolean requestedAndFree(DhcpMessage request, SubnetConfig subnet, ClientKey client, long now) {
        if (request.requestedIpAddress().isEmpty()) {
            return false;
        }
        int wanted = Ipv4.toInt(request.requestedIpAddress().get());
        return subnet.inPool(wanted) && !isStatic(wanted) && wanted != config.serverId()
                && table.isAvailable(wanted, client, now);
    }

    /**
     * RFC 2131 §4.3.1: giaddr selects the subnet; else ciaddr (when the client has one); else the address the
     * request arrived at; else the first subnet configured.
     */
    private Optional<SubnetConfig> subnetFor(DhcpMessage request, Arrival arrival, boolean useCiaddr) {
        if (Fields.giaddr(request) != 0) {
            return config.subnetContaining(Fields.giaddr(request));
        }
        if (useCiaddr && Fields.ciaddr(request) != 0) {
            Optional<SubnetConfig> byCiaddr = config.subnetContaining(Fields.ciaddr(request));
            if (byCiaddr.isPresent()) {
                return byCiaddr;
            }
        }
        if (arrival.localAddress() != 0) {
            Optional<SubnetConfig> local = config.subnetContaining(arrival.localAddress());
            if (local.isPresent()) {
                return local;
            }
        }
        return Optional.of(config.subnets().get(0));
    }

    private Decision noSubnet(DhcpMessage request) {
        return Decision.silence("giaddr " + Ipv4.toString(Fields.giaddr(request))
                + " is in no configured subnet: not answered");
    }

    private Optional<StaticLease> staticLeaseFor(DhcpMessage request) {
        for (StaticLease lease : config.staticLeases()) {
            if (lease.client().matches(request)) {
                return Optional.of(lease);
            }
        }
        return Optional.empty();
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
        Optional<SubnetConfig> subnet = config.subnetContaining(address);
        long leaseMillis = subnet.map(s -> s.leaseTime().toMillis()).orElse(3_600_000L);
        return scripted(request, arrival, address, MessageType.ACK, LeaseState.BOUND, leaseMillis);
    }

    /** A NAK with {@code message}, changing nothing in the table. */
    public Decision nak(DhcpMessage request, String message) {
        return Decision.reply(ReplyFactory.nak(request, config, message), "NAK: " + message);
    }

    private Decision scripted(DhcpMessage request, Arrival arrival, int address, MessageType type,
                              LeaseState state, long holdMillis) {
        SubnetConfig subnet = config.subnetContaining(address)
                .or(() -> subnetFor(request, arrival, true))
                .orElse(config.subnets().get(0));
        ClientKey client = ClientKey.of(request);
        table.assign(address, client, request.clientMac(), state, clock.millis() + holdMillis);
        return Decision.reply(ReplyFactory.offerOrAck(request, type, address, config, subnet,
                staticLeaseFor(request), true), type + " " + Ipv4.toString(address) + " as scripted");
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

    /** Forgets every lease and offer. */
    public synchronized void reset(ServerConfig initial) {
        table.clear();
        allocator.reset();
        config = initial;
        staticAddresses = staticAddresses(initial);
    }
}
