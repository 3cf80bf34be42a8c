package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    /** Scanning a pool for a free address stops after this many candidates. */
    private static final int SCAN_LIMIT = 1 << 16;

    private final Clock clock;
    private volatile Server6Config config;
    /** Option 2 of every reply: immutable, so one for all. */
    private final Dhcp6Option serverIdOption;
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
    private record ScanMark(long from, Instant until) {
    }

    public Lease6Engine(Server6Config config, Clock clock) {
        this.config = config;
        this.serverIdOption = Dhcp6Option.serverId(config.serverDuid());
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
        return List.copyOf(byKey.values());
    }

    /** Forgets every binding. */
    public synchronized void reset() {
        scanMarks.clear();
        byKey.clear();
        addresses.clear();
        prefixes.clear();
    }

    public synchronized Decision6 handle(Dhcp6Message received, Arrival6 arrival) {
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
        Optional<Subnet6Config> link = link(relays);
        if (link.isEmpty()) {
            return Decision6.silence("no subnet6 holds the relay's link address "
                    + Ipv6.format(relays.get(relays.size() - 1).linkAddress()) + " (RFC 8415 13.1)");
        }
        boolean withIas = IA_TYPES.contains(type.get());
        String oversize = withIas ? IaLimits.oversize(m, link.get(), serverIdOption.length(), relays) : null;
        if (oversize != null) {
            return Decision6.silence(type.get().rfcName() + oversize);
        }
        Decision6 decision = answer(m, type.get(), link.get(), arrival.unicast() && relays.isEmpty());
        if (decision.reply().isEmpty()) {
            return decision;
        }
        String note = withIas ? IaLimits.note(m, link.get()) : "";
        if (!note.isEmpty()) {
            decision = Decision6.reply(decision.reply().get(), decision.rule() + note);
        }
        Dhcp6Message reply = decision.reply().get();
        for (int i = relays.size() - 1; i >= 0; i--) {
            Dhcp6Message relay = relays.get(i);
            Dhcp6Message.Builder wrapped = Dhcp6Message.builder(Dhcp6MessageType.RELAY_REPL)
                    .hopCount(relay.hopCount()).linkAddress(relay.linkAddress()).peerAddress(relay.peerAddress());
            relay.option(Dhcp6OptionCode.INTERFACE_ID).ifPresent(wrapped::option);
            reply = wrapped.option(Dhcp6Option.relayMessage(reply)).build();
        }
        return relays.isEmpty() ? decision
                : Decision6.reply(reply, decision.rule() + "; relayed back through " + relays.size()
                        + " RELAY-REPL (RFC 8415 19.3)");
    }

    /** The link: the first relay (from the client outward) whose link address lies in a subnet, else the first. */
    private Optional<Subnet6Config> link(List<Dhcp6Message> relays) {
        if (relays.isEmpty()) {
            return Optional.of(config.subnets().get(0));
        }
        for (int i = relays.size() - 1; i >= 0; i--) {
            Inet6Address linkAddress = relays.get(i).linkAddress();
            if (linkAddress.isAnyLocalAddress() || linkAddress.isLinkLocalAddress()) {
                continue;
            }
            for (Subnet6Config s : config.subnets()) {
                if (s.prefix().contains(linkAddress)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
        return Optional.of(config.subnets().get(0));
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
                return solicit(m, client.get(), link);
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
                    case REQUEST: return request(m, client.get(), link);
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
                return type == Dhcp6MessageType.REBIND ? renew(m, client.get(), link, true) : confirm(m, link);
            case INFORMATION_REQUEST:
                if (server.isPresent() && !server.get().equals(us)) {
                    return Decision6.silence("INFORMATION-REQUEST for server " + server.get()
                            + ", not this one: discarded (RFC 8415 16.12)");
                }
                if (m.hasOption(Dhcp6OptionCode.IA_NA) || m.hasOption(Dhcp6OptionCode.IA_PD)
                        || m.hasOption(Dhcp6OptionCode.IA_TA)) {
                    return Decision6.silence("INFORMATION-REQUEST with an IA option is discarded (RFC 8415 16.12)");
                }
                Dhcp6Message.Builder reply = base(Dhcp6MessageType.REPLY, m);
                Reply6Options.configuration(reply, m, link);
                return Decision6.reply(reply.build(), "INFORMATION-REQUEST: configuration, no IA (RFC 8415 18.3.6)");
            default:
                return Decision6.silence(type.rfcName() + " is not served");
        }
    }

    // ---- SOLICIT and REQUEST ----

    private Decision6 solicit(Dhcp6Message m, Duid client, Subnet6Config link) {
        boolean rapid = m.rapidCommit() && config.rapidCommit();
        Dhcp6Message.Builder reply = base(rapid ? Dhcp6MessageType.REPLY : Dhcp6MessageType.ADVERTISE, m);
        if (rapid) {
            reply.option(Dhcp6Option.rapidCommit());
        } else {
            config.preference().ifPresent(p -> reply.option(Dhcp6Option.preference(p)));
        }
        boolean fixed = assignAll(m, client, link, rapid, reply);
        Reply6Options.configuration(reply, m, link);
        return Decision6.reply(reply.build(), staticNote(rapid
                ? "SOLICIT with rapid commit (14): REPLY, bindings made (RFC 8415 18.3.1)"
                : "SOLICIT: ADVERTISE, offered resources held (RFC 8415 18.3.1)", fixed));
    }

    private Decision6 request(Dhcp6Message m, Duid client, Subnet6Config link) {
        Dhcp6Message.Builder reply = base(Dhcp6MessageType.REPLY, m);
        boolean fixed = assignAll(m, client, link, true, reply);
        Reply6Options.configuration(reply, m, link);
        return Decision6.reply(reply.build(), staticNote("REQUEST: REPLY, bindings made (RFC 8415 18.3.2)", fixed));
    }

    private static String staticNote(String rule, boolean fixed) {
        return fixed ? rule + " (static lease)" : rule;
    }

    /** Answers every IA of {@code m}, the IA_NAs then the IA_PDs; true when a static lease was given. */
    private boolean assignAll(Dhcp6Message m, Duid client, Subnet6Config link, boolean commit,
            Dhcp6Message.Builder reply) {
        Instant now = clock.instant();
        boolean fixed = false;
        List<Dhcp6Option> options = m.options();
        int na = 0;
        int pd = 0;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code() == Dhcp6OptionCode.IA_NA) {
                IaNa ia = options.get(i).asIaNa();
                if (na++ < link.iaNaLimit()) {
                    fixed |= assignNa(ia, client, link, commit, now, reply);
                } else if (na - link.iaNaLimit() <= IaLimits.REFUSALS_SHOWN) {
                    reply.option(IaLimits.refusedNa(ia.iaid(), link.iaNaLimit()));
                }
            }
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code() == Dhcp6OptionCode.IA_PD) {
                IaPd ia = options.get(i).asIaPd();
                if (pd++ < link.iaPdLimit()) {
                    fixed |= assignPd(ia, client, link, commit, now, reply);
                } else if (pd - link.iaPdLimit() <= IaLimits.REFUSALS_SHOWN) {
                    reply.option(IaLimits.refusedPd(ia.iaid(), link.iaPdLimit()));
                }
            }
        }
        return fixed;
    }

    private boolean assignNa(IaNa ia, Duid client, Subnet6Config link, boolean commit, Instant now,
            Dhcp6Message.Builder reply) {
        Binding6.Key key = new Binding6.Key(client, ia.iaid(), Binding6.Kind.NA);
        Addr6 hint = null;
        boolean onLink = false;
        for (Dhcp6Option inner : ia.options()) {
            if (inner.code() == Dhcp6OptionCode.IAADDR) {
                Addr6 asked = Prefix6.number(inner.asIaAddress().address());
                hint = hint == null ? asked : hint;
                onLink |= link.prefix().contains(asked);
            }
        }
        if (commit && hint != null && !onLink) {
            reply.option(Dhcp6Option.iaNa(IaNa.of(ia.iaid(), 0, 0, Dhcp6Option.statusCode(
                    StatusCode.NOT_ON_LINK, "the addresses asked for are not on this link"))));
            return false;
        }
        Binding6 b = assignAddress(key, hint, link, commit, now);
        reply.option(b != null ? Reply6Options.iaOption(ia.iaid(), b) : Dhcp6Option.iaNa(IaNa.of(ia.iaid(), 0, 0,
                Dhcp6Option.statusCode(StatusCode.NO_ADDRS_AVAIL, "no addresses available"))));
        return b != null && staticAddresses.containsKey(b.resource());
    }

    private boolean assignPd(IaPd ia, Duid client, Subnet6Config link, boolean commit, Instant now,
            Dhcp6Message.Builder reply) {
        Binding6.Key key = new Binding6.Key(client, ia.iaid(), Binding6.Kind.PD);
        Addr6 hint = null;
        for (Dhcp6Option inner : ia.options()) {
            if (inner.code() == Dhcp6OptionCode.IAPREFIX && hint == null) {
                hint = Prefix6.number(inner.asIaPrefix().prefix());
            }
        }
        Binding6 b = assignPrefix(key, hint, link, commit, now);
        reply.option(b != null ? Reply6Options.iaOption(ia.iaid(), b) : Dhcp6Option.iaPd(IaPd.of(ia.iaid(), 0, 0,
                Dhcp6Option.statusCode(StatusCode.NO_PREFIX_AVAIL, "no prefixes available"))));
        return b != null && staticPrefixes.containsKey(b.resource());
    }

    /** The address bound or held for {@code key}, or null when none is free. */
    private Binding6 assignAddress(Binding6.Key key, Addr6 hint, Subnet6Config link, boolean commit,
            Instant now) {
        Binding6 current = byKey.get(key);
        Addr6 chosen = null;
        Addr6 fixed = config.staticLeases().isEmpty() ? null : config.staticLeaseFor(key.duid(), key.iaid())
                .flatMap(StaticLease6::address).filter(a -> link.prefix().contains(a)).orElse(null);
        if (fixed != null && free(addresses, fixed, key, now)) {
            chosen = fixed;
        } else if (current != null && current.subnet().equals(link) && current.state() != Binding6.State.DECLINED
                && available(addresses, current.resource(), key, now) && link.inPool(current.resource())) {
            chosen = current.resource();
        } else if (hint != null && link.inPool(hint) && available(addresses, hint, key, now)) {
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

    /** The prefix bound or held for {@code key}, or null when none is free. */
    private Binding6 assignPrefix(Binding6.Key key, Addr6 hint, Subnet6Config link, boolean commit,
            Instant now) {
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
        if (current != null && current.subnet().equals(link) && current.state() != Binding6.State.DECLINED
                && current.prefixLength() == pool.delegatedLength() && pool.holds(current.resource(),
                        current.prefixLength()) && available(prefixes, current.resource(), key, now)) {
            chosen = current.resource();
        } else if (hint != null && pool.holds(hint, pool.delegatedLength())
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
    private Addr6 scan(Subnet6Config.Ladder pool, Map<Addr6, Binding6> index, Binding6.Key key, Instant now,
            long budget) {
        ScanMark mark = scanMarks.get(pool);
        boolean marked = mark != null && now.isBefore(mark.until());
        long i = marked ? mark.from() : 0;
        Instant until = marked ? mark.until() : Instant.MAX;
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
            if (taken != null && taken.holds(now) && taken.expires().isBefore(until)) {
                until = taken.expires();
            }
        }
        lastScanned = scanned;
        scanMarks.put(pool, new ScanMark(i, until)); // every candidate before i is taken until then
        return found;
    }

    /** Free for {@code key} and not another client's static lease: what the pools and hints may hand out. */
    private boolean available(Map<Addr6, Binding6> index, Addr6 resource, Binding6.Key key, Instant now) {
        StaticLease6 fixed = (index == addresses ? staticAddresses : staticPrefixes).get(resource);
        return (fixed == null || fixed.isFor(key.duid(), key.iaid())) && free(index, resource, key, now);
    }

    private boolean free(Map<Addr6, Binding6> index, Addr6 resource, Binding6.Key key, Instant now) {
        Binding6 b = index.get(resource);
        return b == null || (b.key().equals(key) && b.state() != Binding6.State.DECLINED) || !b.holds(now);
    }

    private Binding6 bind(Map<Addr6, Binding6> index, Binding6.Key key, Addr6 resource, int length,
            Subnet6Config link, boolean commit, Instant now) {
        Binding6 old = byKey.remove(key);
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
        Instant expires = commit ? now.plus(link.validLifetime()) : now.plus(config.advertiseHold());
        Binding6 b = new Binding6(key, resource, length, commit ? Binding6.State.BOUND : Binding6.State.ADVERTISED,
                expires, now.plus(link.preferredLifetime()), link);
        byKey.put(key, b);
        index.put(resource, b);
        return b;
    }

    private void replace(Binding6 old, Binding6 updated) {
        if (updated.state() != Binding6.State.BOUND) {
            scanMarks.clear(); // released or declined: free now or after probation
        }
        byKey.put(updated.key(), updated);
        (updated.key().kind() == Binding6.Kind.NA ? addresses : prefixes).put(updated.resource(), updated);
    }

    // ---- RENEW and REBIND ----

    private Decision6 renew(Dhcp6Message m, Duid client, Subnet6Config link, boolean rebind) {
        Instant now = clock.instant();
        Dhcp6Message.Builder reply = base(Dhcp6MessageType.REPLY, m);
        String name = rebind ? "REBIND" : "RENEW";
        List<IaNa> iaNa = m.iaNa();
        List<IaPd> iaPd = m.iaPd();
        for (IaNa ia : IaLimits.within(iaNa, link.iaNaLimit())) {
            Binding6.Key key = new Binding6.Key(client, ia.iaid(), Binding6.Kind.NA);
            Binding6 b = byKey.get(key);
            if (b != null && b.state() == Binding6.State.BOUND && b.holds(now) && b.subnet().equals(link)) {
                Binding6 extended = b.with(Binding6.State.BOUND, now.plus(link.validLifetime()),
                        now.plus(link.preferredLifetime()));
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
                Binding6 extended = b.with(Binding6.State.BOUND, now.plus(link.validLifetime()),
                        now.plus(link.preferredLifetime()));
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
    private IaNa rebindUnknown(IaNa ia, Binding6.Key key, Subnet6Config link, Instant now) {
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

    // ---- RELEASE, DECLINE, CONFIRM ----

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
        Instant now = clock.instant();
        Dhcp6Message.Builder reply = base(Dhcp6MessageType.REPLY, m);
        List<IaNa> iaNa = m.iaNa();
        List<IaPd> iaPd = m.iaPd();
        for (IaNa ia : IaLimits.within(iaNa, link.iaNaLimit())) {
            Binding6 b = byKey.get(new Binding6.Key(client, ia.iaid(), Binding6.Kind.NA));
            boolean named = b != null && ia.addresses().stream()
                    .anyMatch(a -> Prefix6.number(a.address()).equals(b.resource()));
            if (b != null && named && b.holds(now)) {
                replace(b, b.with(state, state == Binding6.State.DECLINED ? now.plus(config.declineProbation()) : now,
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

    private Decision6 confirm(Dhcp6Message m, Subnet6Config link) {
        List<Inet6Address> asked = new ArrayList<>();
        m.iaNa().forEach(ia -> ia.addresses().forEach(a -> asked.add(a.address())));
        if (asked.isEmpty()) {
            return Decision6.silence("CONFIRM without addresses is not answered (RFC 8415 18.3.3)");
        }
        boolean onLink = asked.stream().allMatch(a -> link.prefix().contains(a));
        Dhcp6Message.Builder reply = base(Dhcp6MessageType.REPLY, m);
        reply.option(onLink ? Dhcp6Option.statusCode(StatusCode.SUCCESS, "all addresses are on link")
                : Dhcp6Option.statusCode(StatusCode.NOT_ON_LINK, "an address is not on this link"));
        return Decision6.reply(reply.build(), onLink ? "CONFIRM: addresses on link, Success (RFC 8415 18.3.3)"
                : "CONFIRM: an address is not on link, NotOnLink (RFC 8415 18.3.3)");
    }

    // ---- common parts ----

    /** A reply of {@code type} to {@code m}: its transaction id, server identifier, and client identifier echoed. */
    private Dhcp6Message.Builder base(Dhcp6MessageType type, Dhcp6Message m) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(type).transactionId(m.transactionId());
        b.option(serverIdOption);
        List<Dhcp6Option> options = m.options();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code() == Dhcp6OptionCode.CLIENTID) {
                b.option(options.get(i));
                break;
            }
        }
        return b;
    }

}
