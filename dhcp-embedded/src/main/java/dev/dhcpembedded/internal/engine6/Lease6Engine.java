package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RFC 8415 section 18.3 answer to each DHCPv6 message, as a function of the message, the binding table and the
 * time on the clock it is given. It never touches a socket. Calls are serialised.
 *
 * <p>Clients are keyed by DUID and IAID; each IA_NA gets one address from the link's pools, each IA_PD one prefix
 * from its delegation pool. Status codes stand where RFC 8415 puts them: NoAddrsAvail, NoPrefixAvail, NotOnLink
 * and NoBinding inside the IA, UseMulticast, NotOnLink (CONFIRM) and Success at message level.
 */
public final class Lease6Engine {

    /** The messages whose IAs the engine answers: limited per message, and their reply's size checked first. */
    private static final Set<Dhcp6MessageType> IA_TYPES = EnumSet.of(Dhcp6MessageType.SOLICIT,
            Dhcp6MessageType.REQUEST, Dhcp6MessageType.RENEW, Dhcp6MessageType.REBIND, Dhcp6MessageType.RELEASE,
            Dhcp6MessageType.DECLINE);
    /** The IA kinds in the order a reply answers them. */
    private static final Binding6.Kind[] KINDS = {Binding6.Kind.NA, Binding6.Kind.PD};
    /** Scanning a pool for a free address stops after this many candidates. */
    private static final int SCAN_LIMIT = 1 << 16;

    private final Clock clock;
    private volatile Server6Config config;
    /** Option 2 of every reply: immutable, so one for all. */
    private final Dhcp6Option serverIdOption;
    /** The same, encoded: written into every reply in place. */
    private final byte[] serverId;
    private final LinkOptions linkOptions;
    private final KeyProbe probe = new KeyProbe();
    /** The sender of the message being answered (under this engine's lock): kept by the bindings its REPLY commits. */
    private java.net.InetSocketAddress peer;
    private final Map<Binding6.Key, Binding6> byKey = new LinkedHashMap<>();
    private final Map<Addr6, Binding6> addresses = new HashMap<>();
    private final Map<Addr6, Binding6> prefixes = new HashMap<>();
    /** Static leases by address and by prefix network: never handed to anyone else. */
    private final Map<Addr6, StaticLease6> staticAddresses = new HashMap<>();
    private final Map<Addr6, StaticLease6> staticPrefixes = new HashMap<>();
    /**
     * Per address pool and delegation pool, how far the last scan found every candidate taken, and until when that
     * stays true (the earliest expiry it passed): the next scan for a new client starts there, so that the lowest
     * free address or prefix is still the one handed out but a pool filling up is not scanned from its start each
     * time. Forgotten whenever a candidate may come free earlier (a release, a decline, a client moving, a reset).
     */
    private final Map<Subnet6Config.Ladder, ScanMark> scanMarks = new HashMap<>();

    /** Every candidate of a pool before index {@code from} is taken until {@code until}. */
    private record ScanMark(long from, long until) { }

    public Lease6Engine(Server6Config config, Clock clock) {
        this.config = config;
        this.serverIdOption = Dhcp6Option.serverId(config.serverDuid());
        Reply6Writer w = new Reply6Writer().begin(0, 0);
        w.option(serverIdOption);
        this.serverId = java.util.Arrays.copyOfRange(w.bytes(), 4, w.length());
        this.linkOptions = new LinkOptions(config.subnets());
        this.clock = clock;
        for (StaticLease6 lease : config.staticLeases()) {
            lease.address().ifPresent(a -> staticAddresses.put(a, lease));
            lease.prefix().ifPresent(p -> staticPrefixes.put(p.network(), lease));
        }
    }

    public Server6Config config() {
        return config;
    }

    /** A snapshot of every binding, oldest first. */
    public synchronized List<Binding6> bindings() {
        List<Binding6> copies = new ArrayList<>(byKey.size());
        byKey.values().forEach(b -> copies.add(b.copy()));
        return List.copyOf(copies);
    }

    /** Forgets every binding. */
    public synchronized void reset() {
        scanMarks.clear();
        byKey.clear();
        addresses.clear();
        prefixes.clear();
    }

    public synchronized Decision6 handle(Dhcp6Message received, Arrival6 arrival) {
        peer = arrival.peer();
        List<Dhcp6Message> relays = List.of();
        Dhcp6Message m = received;
        while (m.is(Dhcp6MessageType.RELAY_FORW)) {
            if (relays.isEmpty()) {
                relays = new ArrayList<>();
            }
            relays.add(m);
            Optional<Dhcp6Message> inner = m.relayMessage();
            if (inner.isEmpty()) {
                return Decision6.silence("RELAY-FORW without a relay message (9)");
            }
            m = inner.get();
        }
        Optional<Dhcp6MessageType> type = m.type();
        if (type.isEmpty() || type.get() == Dhcp6MessageType.ADVERTISE || type.get() == Dhcp6MessageType.REPLY
                || type.get() == Dhcp6MessageType.RECONFIGURE || type.get() == Dhcp6MessageType.RELAY_REPL) {
            return Decision6.silence(m.typeName() + " is not a message a server answers");
        }
        Optional<Subnet6Config> link = Relays6.link(relays, config.subnets());
        if (link.isEmpty()) {
            return Decision6.silence("no subnet6 holds the relay's link address "
                    + Ipv6.format(relays.get(relays.size() - 1).linkAddress()) + " (RFC 8415 13.1)");
        }
        boolean withIas = IA_TYPES.contains(type.get());
        String oversize = withIas ? IaLimits.oversize(m, link.get(), serverIdOption.length(), relays) : null;
        if (oversize != null) {
            return Decision6.silence(type.get().rfcName() + oversize);
        }
        Decision6 decision = Netboot6.answer(config.netboot(), m, type.get(), answer(m, type.get(), link.get(),
                arrival.unicast() && relays.isEmpty()));
        if (decision.reply().isEmpty()) {
            return decision;
        }
        String note = withIas ? IaLimits.note(m, link.get()) : "";
        if (!note.isEmpty()) {
            decision = Decision6.reply(decision.reply().get(), decision.rule() + note);
        }
        return relays.isEmpty() ? decision
                : Decision6.reply(Relays6.wrap(decision.reply().get(), relays), decision.rule()
                        + "; relayed back through " + relays.size() + " RELAY-REPL (RFC 8415 19.3)");
    }

    private Decision6 answer(Dhcp6Message m, Dhcp6MessageType type, Subnet6Config link, boolean unicast) {
        Optional<Duid> client = m.clientId();
        Optional<Duid> server = m.serverId();
        Duid us = config.serverDuid();
        switch (type) {
            case SOLICIT:
                if (client.isEmpty()) {
                    return Decision6.silence("SOLICIT without a client identifier is discarded (RFC 8415 16.2)");
                }
                if (server.isPresent()) {
                    return Decision6.silence("SOLICIT with a server identifier is discarded (RFC 8415 16.2)");
                }
                return written(m, link);
            case REQUEST:
            case RENEW:
            case RELEASE:
            case DECLINE:
                if (client.isEmpty()) {
                    return Decision6.silence(type.rfcName()
                            + " without a client identifier is discarded (RFC 8415 16)");
                }
                if (server.isEmpty() || !server.get().equals(us)) {
                    return Decision6.silence(type.rfcName() + " names " + server.map(d -> "server " + d)
                            .orElse("no server") + ", not this one (" + us + "): discarded (RFC 8415 16)");
                }
                if (unicast && !config.acceptUnicast()) {
                    return Decision6.reply(base(Dhcp6MessageType.REPLY, m)
                            .option(Dhcp6Option.statusCode(StatusCode.USE_MULTICAST,
                                    "send to ff02::1:2; unicast is not accepted"))
                            .build(), type.rfcName() + " by unicast: UseMulticast (RFC 8415 18.3.x, 16)");
                }
                switch (type) {
                    case REQUEST: return written(m, link);
                    case RENEW: return renew(m, client.get(), link, false);
                    case RELEASE: return release(m, client.get(), link);
                    default: return decline(m, client.get(), link);
                }
            case REBIND:
            case CONFIRM:
                if (client.isEmpty()) {
                    return Decision6.silence(type.rfcName() + " without a client identifier is discarded (RFC 8415 16)");
                }
                if (server.isPresent()) {
                    return Decision6.silence(type.rfcName() + " with a server identifier is discarded (RFC 8415 16)");
                }
                return type == Dhcp6MessageType.REBIND ? renew(m, client.get(), link, true) : Stateless6.confirm(m, base(Dhcp6MessageType.REPLY, m), link);
            case INFORMATION_REQUEST:
                return Stateless6.informationRequest(m, server, us, base(Dhcp6MessageType.REPLY, m), link);
            default:
                return Decision6.silence(type.rfcName() + " is not served");
        }
    }

    // ---- SOLICIT and REQUEST: written in place, the decoded form through the same code ----

    /**
     * The packet path's way in for the steady state: a client's SOLICIT or REQUEST sent to the server itself (not
     * relayed), read where it lies ({@code m}), its reply written into {@code reply} and the rule appended to
     * {@code note}; nothing is made for a client the engine knows. Anything else (relayed, another type, a message
     * that is discarded or over a link's limits) is left to {@link #handle(Dhcp6Message, Arrival6)}, which says why.
     *
     * @return whether it was answered here (a reply is then written); false: decode it and call {@code handle}
     */
    public synchronized boolean handleInPlace(Wire6Request m, boolean unicast, Reply6Writer reply,
            StringBuilder note) {
        int type = m.type();
        boolean solicit = type == Dhcp6MessageType.SOLICIT.code();
        if (!solicit && type != Dhcp6MessageType.REQUEST.code() || m.clientId() < 0 || Netboot6.candidate(config, m)) {
            return false;
        }
        int server = m.serverId();
        if (solicit ? server >= 0 : server < 0 || !config.serverDuid().matches(m.bytes(), Wire6Request.value(server),
                m.length(server)) || unicast && !config.acceptUnicast()) {
            return false;
        }
        Subnet6Config link = config.subnets().get(0);
        if (m.iaNaCount() > link.iaNaLimit() || m.iaPdCount() > link.iaPdLimit()
                || !IaLimits.fitsSurely(m.length(), m.iaNaCount() + m.iaPdCount(), serverId.length,
                linkOptions.of(link).bytes())) {
            return false;
        }
        peer = m.source();
        written(m, solicit, link, reply, note);
        return true;
    }

    /** A decoded SOLICIT or REQUEST (relayed, or a stub's): encoded and answered by the packet path's code. */
    private Decision6 written(Dhcp6Message m, Subnet6Config link) {
        byte[] bytes = dev.dhcpembedded.codec6.Dhcp6Codec.encode(m);
        Reply6Writer reply = new Reply6Writer();
        StringBuilder rule = new StringBuilder();
        written(new Wire6Request().read(bytes, 0, bytes.length), m.is(Dhcp6MessageType.SOLICIT), link, reply, rule);
        return Decision6.reply(dev.dhcpembedded.codec6.Dhcp6Codec.decode(reply.copy()), rule.toString());
    }

    /** RFC 8415 18.3.1 and 18.3.2: ADVERTISE (or REPLY with rapid commit) to a SOLICIT, REPLY to a REQUEST. */
    private void written(Wire6Request m, boolean solicit, Subnet6Config link, Reply6Writer reply, StringBuilder note) {
        boolean rapid = solicit && m.rapidCommit() && config.rapidCommit();
        reply.begin((solicit && !rapid ? Dhcp6MessageType.ADVERTISE : Dhcp6MessageType.REPLY).code(),
                m.transactionId());
        reply.raw(serverId, 0, serverId.length);
        reply.raw(m.bytes(), m.clientId(), 4 + m.length(m.clientId()));
        if (rapid) {
            reply.empty(Dhcp6OptionCode.RAPID_COMMIT.code());
        } else if (solicit && config.preference().isPresent()) {
            int at = reply.open(Dhcp6OptionCode.PREFERENCE.code());
            reply.u8(config.preference().getAsInt());
            reply.close(at);
        }
        boolean fixed = assignAll(m, link, !solicit || rapid, reply);
        linkOptions.write(reply, m, link);
        note.append(!solicit ? "REQUEST: REPLY, bindings made (RFC 8415 18.3.2)" : rapid
                ? "SOLICIT with rapid commit (14): REPLY, bindings made (RFC 8415 18.3.1)"
                : "SOLICIT: ADVERTISE, offered resources held (RFC 8415 18.3.1)");
        if (fixed) {
            note.append(" (static lease)");
        }
    }

    /** Answers every IA of {@code m}, the IA_NAs then the IA_PDs; true when a static lease was given. */
    private boolean assignAll(Wire6Request m, Subnet6Config link, boolean commit, Reply6Writer reply) {
        long now = clock.millis();
        boolean fixed = false;
        for (Binding6.Kind kind : KINDS) {
            boolean na = kind == Binding6.Kind.NA;
            int code = na ? Wire6Request.IA_NA : Wire6Request.IA_PD;
            int limit = na ? link.iaNaLimit() : link.iaPdLimit();
            int n = 0;
            for (int at = m.firstOption(); at < m.end(); at = m.next(at)) {
                if (m.code(at) != code) {
                    continue;
                }
                long iaid = m.u32(Wire6Request.value(at));
                if (n++ < limit) {
                    fixed |= na ? assignNa(m, at, iaid, link, commit, now, reply)
                            : assignPd(m, at, iaid, link, commit, now, reply);
                } else if (n - limit <= IaLimits.REFUSALS_SHOWN) {
                    reply.option(na ? IaLimits.refusedNa(iaid, limit) : IaLimits.refusedPd(iaid, limit));
                }
            }
        }
        return fixed;
    }

    /** The IA_NA at {@code ia}: its address, NotOnLink, or NoAddrsAvail; true when it is a static lease. */
    private boolean assignNa(Wire6Request m, int ia, long iaid, Subnet6Config link, boolean commit, long now,
            Reply6Writer reply) {
        int entry = m.entry(ia, Wire6Request.IAADDR);
        if (commit && entry >= 0 && !m.anyAddressIn(ia, link.prefix())) {
            reply.option(Dhcp6Option.iaNa(IaNa.of(iaid, 0, 0, Dhcp6Option.statusCode(
                    StatusCode.NOT_ON_LINK, "the addresses asked for are not on this link"))));
            return false;
        }
        Binding6 b = assignAddress(key(m, iaid, Binding6.Kind.NA), m, entry < 0 ? -1 : Wire6Request.value(entry),
                link, commit, now);
        if (b == null) {
            reply.option(Dhcp6Option.iaNa(IaNa.of(iaid, 0, 0,
                    Dhcp6Option.statusCode(StatusCode.NO_ADDRS_AVAIL, "no addresses available"))));
            return false;
        }
        Reply6Options.ia(reply, iaid, b);
        return staticAddresses.containsKey(b.resource());
    }

    /** The IA_PD at {@code ia}: its prefix or NoPrefixAvail; true when it is a static lease. */
    private boolean assignPd(Wire6Request m, int ia, long iaid, Subnet6Config link, boolean commit, long now,
            Reply6Writer reply) {
        int entry = m.entry(ia, Wire6Request.IAPREFIX);
        Binding6 b = assignPrefix(key(m, iaid, Binding6.Kind.PD), m, entry < 0 ? -1 : Wire6Request.value(entry) + 9,
                link, commit, now);
        if (b == null) {
            reply.option(Dhcp6Option.iaPd(IaPd.of(iaid, 0, 0,
                    Dhcp6Option.statusCode(StatusCode.NO_PREFIX_AVAIL, "no prefixes available"))));
            return false;
        }
        Reply6Options.ia(reply, iaid, b);
        return staticPrefixes.containsKey(b.resource());
    }

    /** The key of the IA {@code iaid} of {@code m}'s client: the binding's own when it has one, else a new one. */
    private Binding6.Key key(Wire6Request m, long iaid, Binding6.Kind kind) {
        int id = m.clientId();
        Binding6 current = byKey.get(probe.of(m.bytes(), Wire6Request.value(id), m.length(id), iaid, kind));
        return current != null ? current.key() : probe.toKey();
    }

    /**
     * The address bound or held for {@code key}, or null when none is free; the client's hint is the address at
     * {@code m}'s {@code hintAt} (-1: none), read only when the client has no address to keep.
     */
    private Binding6 assignAddress(Binding6.Key key, Wire6Request m, int hintAt, Subnet6Config link, boolean commit,
            long now) {
        Addr6 hint;
        Binding6 current = byKey.get(key);
        Addr6 chosen = null;
        Addr6 fixed = config.staticLeases().isEmpty() ? null : config.staticLeaseFor(key.duid(), key.iaid())
                .flatMap(StaticLease6::address).filter(a -> link.prefix().contains(a)).orElse(null);
        if (fixed != null && free(addresses, fixed, key, now)) {
            chosen = fixed;
        } else if (current != null && current.isOn(link) && current.state() != Binding6.State.DECLINED
                && available(addresses, current.resource(), key, now) && link.inPool(current.resource())) {
            chosen = current.resource();
        } else if (hintAt >= 0 && link.inPool(hint = m.address(hintAt)) && available(addresses, hint, key, now)) {
            chosen = hint;
        } else {
            long budget = SCAN_LIMIT;
            for (Subnet6Config.Range range : link.pools()) {
                chosen = scan(range, addresses, key, now, budget);
                if (chosen != null) {
                    break;
                }
                budget -= lastScanned;
                if (budget <= 0) {
                    break;
                }
            }
        }
        return chosen == null ? null : bind(addresses, key, chosen, 128, link, commit, now);
    }

    /** The prefix bound or held for {@code key}, or null when none is free; its hint read as an address's is. */
    private Binding6 assignPrefix(Binding6.Key key, Wire6Request m, int hintAt, Subnet6Config link, boolean commit,
            long now) {
        Addr6 hint;
        Prefix6 fixed = config.staticLeases().isEmpty() ? null
                : config.staticLeaseFor(key.duid(), key.iaid()).flatMap(StaticLease6::prefix).orElse(null);
        if (fixed != null && free(prefixes, fixed.network(), key, now)) {
            return bind(prefixes, key, fixed.network(), fixed.length(), link, commit, now);
        }
        if (link.delegation().isEmpty()) {
            return null;
        }
        Subnet6Config.PdPool pool = link.delegation().get();
        Binding6 current = byKey.get(key);
        Addr6 chosen;
        if (current != null && current.isOn(link) && current.state() != Binding6.State.DECLINED
                && current.prefixLength() == pool.delegatedLength() && pool.holds(current.resource(),
                        current.prefixLength()) && available(prefixes, current.resource(), key, now)) {
            chosen = current.resource();
        } else if (hintAt >= 0 && pool.holds(hint = m.address(hintAt), pool.delegatedLength())
                && available(prefixes, hint, key, now)) {
            chosen = hint;
        } else {
            chosen = scan(pool, prefixes, key, now, SCAN_LIMIT);
        }
        return chosen == null ? null : bind(prefixes, key, chosen, pool.delegatedLength(), link, commit, now);
    }

    /** How many candidates the last {@link #scan} looked at. */
    private long lastScanned;

    /**
     * The first candidate of {@code pool} available to {@code key}, looking at most {@code budget} candidates, or
     * null. It starts at the pool's scan mark while that holds, and leaves the mark where it stopped: every
     * candidate before it is taken until the earliest expiry it passed. The one rule for address and prefix pools.
     */
    private Addr6 scan(Subnet6Config.Ladder pool, Map<Addr6, Binding6> index, Binding6.Key key, long now,
            long budget) {
        ScanMark mark = scanMarks.get(pool);
        boolean marked = mark != null && now < mark.until();
        long i = marked ? mark.from() : 0;
        long until = marked ? mark.until() : Long.MAX_VALUE;
        long size = pool.size();
        long scanned = 0;
        Addr6 found = null;
        for (; i < size && scanned < budget; i++, scanned++) {
            Addr6 candidate = pool.at(i);
            if (available(index, candidate, key, now)) {
                found = candidate;
                break;
            }
            Binding6 taken = index.get(candidate);
            if (taken != null && taken.holds(now) && taken.expiresMillis() < until) {
                until = taken.expiresMillis();
            }
        }
        lastScanned = scanned;
        scanMarks.put(pool, new ScanMark(i, until)); // every candidate before i is taken until then
        return found;
    }

    /** Free for {@code key} and not another client's static lease: what the pools and hints may hand out. */
    private boolean available(Map<Addr6, Binding6> index, Addr6 resource, Binding6.Key key, long now) {
        StaticLease6 fixed = (index == addresses ? staticAddresses : staticPrefixes).get(resource);
        return (fixed == null || fixed.isFor(key.duid(), key.iaid())) && free(index, resource, key, now);
    }

    private boolean free(Map<Addr6, Binding6> index, Addr6 resource, Binding6.Key key, long now) {
        Binding6 b = index.get(resource);
        return b == null || (b.key().equals(key) && b.state() != Binding6.State.DECLINED) || !b.holds(now);
    }

    private Binding6 bind(Map<Addr6, Binding6> index, Binding6.Key key, Addr6 resource, int length,
            Subnet6Config link, boolean commit, long now) {
        long expires = now + (commit ? link.validLifetime() : config.advertiseHold()).toMillis();
        Binding6 old = byKey.get(key);
        if (old != null && old.resource().equals(resource) && index.get(resource) == old) {
            // the client keeps its resource (the steady state): renewed where it stands, nothing made
            old.renew(commit ? Binding6.State.BOUND : Binding6.State.ADVERTISED, expires,
                    now + link.preferredLifetime().toMillis(), length, link);
            old.peer(commit ? peer : old.peer());
            return old;
        }
        byKey.remove(key);
        if (old != null) {
            (old.key().kind() == Binding6.Kind.NA ? addresses : prefixes).remove(old.resource(), old);
            if (!old.resource().equals(resource)) {
                scanMarks.clear(); // the client's old address is free again
            }
        }
        Binding6 displaced = index.get(resource);
        if (displaced != null && !displaced.key().equals(key)) {
            byKey.remove(displaced.key(), displaced);
        }
        Binding6 b = new Binding6(key, resource, length, commit ? Binding6.State.BOUND : Binding6.State.ADVERTISED,
                expires, now + link.preferredLifetime().toMillis(), link);
        b.peer(commit ? peer : null);
        byKey.put(key, b);
        index.put(resource, b);
        return b;
    }

    private void replace(Binding6 old, Binding6 updated) {
        if (updated.state() != Binding6.State.BOUND) {
            scanMarks.clear(); // released or declined: free now or after probation
        }
        updated.peer(updated.state() == Binding6.State.BOUND ? peer : updated.peer()); // a renewal's REPLY
        byKey.put(updated.key(), updated);
        (updated.key().kind() == Binding6.Kind.NA ? addresses : prefixes).put(updated.resource(), updated);
    }

    // ---- RENEW and REBIND ----

    private Decision6 renew(Dhcp6Message m, Duid client, Subnet6Config link, boolean rebind) {
        long now = clock.millis();
        Dhcp6Message.Builder reply = base(Dhcp6MessageType.REPLY, m);
        String name = rebind ? "REBIND" : "RENEW";
        List<IaNa> iaNa = m.iaNa();
        List<IaPd> iaPd = m.iaPd();
        for (IaNa ia : IaLimits.within(iaNa, link.iaNaLimit())) {
            Binding6.Key key = new Binding6.Key(client, ia.iaid(), Binding6.Kind.NA);
            Binding6 b = byKey.get(key);
            if (b != null && b.state() == Binding6.State.BOUND && b.holds(now) && b.subnet().equals(link)) {
                Binding6 extended = b.with(Binding6.State.BOUND, now + link.validLifetime().toMillis(),
                        now + link.preferredLifetime().toMillis());
                replace(b, extended);
                List<Dhcp6Option> inner = new ArrayList<>(Reply6Options.iaNa(ia.iaid(), extended).options());
                for (IaAddress asked : ia.addresses()) {
                    if (!Prefix6.number(asked.address()).equals(extended.resource())) {
                        inner.add(Dhcp6Option.iaAddress(IaAddress.of(asked.address(), 0, 0)));
                    }
                }
                IaNa base = Reply6Options.iaNa(ia.iaid(), extended);
                reply.option(Dhcp6Option.iaNa(new IaNa(ia.iaid(), base.t1(), base.t2(), inner)));
            } else if (rebind && !ia.addresses().isEmpty()) {
                reply.option(Dhcp6Option.iaNa(rebindUnknown(ia, key, link, now)));
            } else {
                reply.option(Dhcp6Option.iaNa(IaNa.of(ia.iaid(), 0, 0,
                        Dhcp6Option.statusCode(StatusCode.NO_BINDING, "no binding for this IA"))));
            }
        }
        IaLimits.refuseNa(reply, iaNa, link.iaNaLimit());
        for (IaPd ia : IaLimits.within(iaPd, link.iaPdLimit())) {
            Binding6.Key key = new Binding6.Key(client, ia.iaid(), Binding6.Kind.PD);
            Binding6 b = byKey.get(key);
            if (b != null && b.state() == Binding6.State.BOUND && b.holds(now) && b.subnet().equals(link)) {
                Binding6 extended = b.with(Binding6.State.BOUND, now + link.validLifetime().toMillis(),
                        now + link.preferredLifetime().toMillis());
                replace(b, extended);
                reply.option(Reply6Options.iaOption(ia.iaid(), extended));
            } else {
                reply.option(Dhcp6Option.iaPd(IaPd.of(ia.iaid(), 0, 0,
                        Dhcp6Option.statusCode(StatusCode.NO_BINDING, "no binding for this IA"))));
            }
        }
        IaLimits.refusePd(reply, iaPd, link.iaPdLimit());
        Reply6Options.configuration(reply, m, link);
        return Decision6.reply(reply.build(), name + ": REPLY, lifetimes extended where bound, NoBinding where not"
                + " (RFC 8415 " + (rebind ? "18.3.5" : "18.3.4") + ")");
    }

    /** REBIND for an IA this server has no binding of: bind the client's address if it is on link and free. */
    private IaNa rebindUnknown(IaNa ia, Binding6.Key key, Subnet6Config link, long now) {
        IaAddress asked = ia.addresses().get(0);
        Addr6 a = Prefix6.number(asked.address());
        boolean own = config.staticLeaseFor(key.duid(), key.iaid()).flatMap(StaticLease6::address)
                .filter(a::equals).isPresent();
        if ((link.inPool(a) || own) && link.prefix().contains(a) && available(addresses, a, key, now)) {
            return Reply6Options.iaNa(ia.iaid(), bind(addresses, key, a, 128, link, true, now));
        }
        List<Dhcp6Option> zero = new ArrayList<>();
        for (IaAddress address : ia.addresses()) {
            zero.add(Dhcp6Option.iaAddress(IaAddress.of(address.address(), 0, 0)));
        }
        return new IaNa(ia.iaid(), 0, 0, zero);
    }

    // ---- RELEASE and DECLINE ----

    private Decision6 release(Dhcp6Message m, Duid client, Subnet6Config link) {
        return giveBack(m, client, link, Binding6.State.RELEASED, "Release received.",
                "RELEASE: bindings released, Success (RFC 8415 18.3.7)");
    }

    private Decision6 decline(Dhcp6Message m, Duid client, Subnet6Config link) {
        return giveBack(m, client, link, Binding6.State.DECLINED, "Decline received.",
                "DECLINE: addresses set aside, Success (RFC 8415 18.3.8)");
    }

    private Decision6 giveBack(Dhcp6Message m, Duid client, Subnet6Config link, Binding6.State state, String text,
            String rule) {
        long now = clock.millis();
        Dhcp6Message.Builder reply = base(Dhcp6MessageType.REPLY, m);
        List<IaNa> iaNa = m.iaNa();
        List<IaPd> iaPd = m.iaPd();
        for (IaNa ia : IaLimits.within(iaNa, link.iaNaLimit())) {
            Binding6 b = byKey.get(new Binding6.Key(client, ia.iaid(), Binding6.Kind.NA));
            boolean named = b != null && ia.addresses().stream()
                    .anyMatch(a -> Prefix6.number(a.address()).equals(b.resource()));
            if (b != null && named && b.holds(now)) {
                replace(b, b.with(state, state == Binding6.State.DECLINED ? now + config.declineProbation().toMillis() : now,
                        now));
            } else {
                reply.option(Dhcp6Option.iaNa(IaNa.of(ia.iaid(), 0, 0,
                        Dhcp6Option.statusCode(StatusCode.NO_BINDING, "no binding for this IA"))));
            }
        }
        IaLimits.refuseNa(reply, iaNa, link.iaNaLimit());
        for (IaPd ia : IaLimits.within(iaPd, link.iaPdLimit())) {
            Binding6 b = byKey.get(new Binding6.Key(client, ia.iaid(), Binding6.Kind.PD));
            if (b != null && b.holds(now) && state == Binding6.State.RELEASED) {
                replace(b, b.with(state, now, now));
            } else if (state == Binding6.State.RELEASED) {
                reply.option(Dhcp6Option.iaPd(IaPd.of(ia.iaid(), 0, 0,
                        Dhcp6Option.statusCode(StatusCode.NO_BINDING, "no binding for this IA"))));
            }
        }
        IaLimits.refusePd(reply, iaPd, link.iaPdLimit());
        reply.option(Dhcp6Option.statusCode(StatusCode.SUCCESS, text));
        return Decision6.reply(reply.build(), rule);
    }

    // ---- common parts ----

    /** A reply of {@code type} to {@code m}: its transaction id, server identifier, and client identifier echoed. */
    private Dhcp6Message.Builder base(Dhcp6MessageType type, Dhcp6Message m) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(type).transactionId(m.transactionId()).option(serverIdOption);
        m.option(Dhcp6OptionCode.CLIENTID).ifPresent(b::option);
        return b;
    }
}
