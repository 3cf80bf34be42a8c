package dev.dhcpembedded.server;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.engine6.Reconfigure6Keys;
import java.net.InetSocketAddress;

import dev.dhcpembedded.internal.engine6.Binding6;
import dev.dhcpembedded.internal.engine6.Lease6Engine;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.engine6.Server6Config;
import dev.dhcpembedded.internal.runtime.PacketHandler6;
import dev.dhcpembedded.internal.runtime.ReplyScheduler;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The DHCPv6 family of a {@link DhcpServer} at run time: its transport, lease engine and reply scheduler. */
final class Runtime6 extends FamilyRuntime {

    private final Server6Config config;
    private final Supplier<Transport> transportFactory;
    private final Shared shared;
    private Lease6Engine engine;
    private PacketHandler6 handler;
    /** The server's netboot side, started with DHCPv4 (first); null: no netboot. */
    private NetbootRuntime netboot;
    /** The keys handed out; granted in replies only with {@code reconfigureKeys()}. */
    private final Reconfigure6Keys keys = new Reconfigure6Keys();

    Runtime6(Server6Config config, Supplier<Transport> transportFactory, Shared shared) {
        this.config = config;
        this.transportFactory = transportFactory;
        this.shared = shared;
    }

    /** Set once by the builder, as on DHCPv4: DHCPv6 netboot clients are answered too (RFC 5970). */
    synchronized void netboot(NetbootRuntime runtime) {
        this.netboot = runtime;
    }

    Server6Config config() {
        return config;
    }

    @Override
    synchronized void start() {
        Transport opened = transportFactory.get();
        Lease6Engine created;
        try {
            created = new Lease6Engine(netboot == null ? config : config.withNetboot(netboot.start6(opened)),
                    shared.clock());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        ReplyScheduler replies = new ReplyScheduler(shared.clock(), shared.manualClock(), shared.name() + "-v6");
        try {
            handler = new PacketHandler6(created, shared.journal(), opened, shared.clock(), shared.wallClock(),
                    shared.stubs(), shared.unmatched(), replies, shared.paused(),
                    config.reconfigureKeys() ? keys : null);
            opened.start(shared.barrier().guard(handler));
        } catch (IOException e) {
            replies.close();
            opened.close();
            throw new UncheckedIOException(e.getMessage(), e);
        }
        engine = created;
        transport = opened;
        scheduler = replies;
    }

    @Override
    synchronized void stop() {
        closeTransportAndScheduler();
    }

    @Override
    synchronized void resetLeases() {
        if (engine != null) {
            engine.reset();
        }
        keys.clear();
    }

    /**
     * Sends a RECONFIGURE to a client with a binding, to where the REPLY that last bound or renewed one of its
     * bindings went (the socket it spoke from; on a link: its link-local address, port 546), signed with its key
     * when it took one. The bindings keep that address as the REPLY is made: the journal is not asked (it forgets).
     */
    synchronized void reconfigure(Duid client, Dhcp6MessageType type) {
        if (transport == null) {
            throw new IllegalStateException("the server is not running; call start() first");
        }
        Instant now = shared.clock().instant();
        Binding6 last = null; // the one renewed last: the latest expiry
        for (Binding6 b : engine.bindings()) {
            if (b.key().duid().equals(client) && b.stateAt(now) == Binding6.State.BOUND
                    && (last == null || b.expiresMillis() > last.expiresMillis())) {
                last = b;
            }
        }
        if (last == null) {
            throw new IllegalStateException("client " + client + " has no bound lease, so there is nothing to "
                    + "reconfigure; let it get one first");
        }
        InetSocketAddress peer = last.peer();
        if (peer == null || peer.getPort() == 547) {
            throw new IllegalStateException("client " + client + " was not heard directly (its requests came through"
                    + " a relay): a RECONFIGURE goes to the address its REPLY went to; let it speak to the server"
                    + " directly");
        }
        boolean signed = keys.holdsKey(client);
        handler.sendServerInitiated(keys.reconfigure(client, config.serverDuid(), type), peer, "RECONFIGURE ("
                + type + ", RFC 8415 §18.3.11) to " + client + ": " + (signed
                ? "authenticated with the client's reconfigure key" : "not authenticated: the client holds no "
                + "reconfigure key (see reconfigureKeys()); clients such as dhcpcd drop it"));
    }

    /** The lease table: one row per IA_NA address and IA_PD prefix; empty before the first start. */
    List<Lease6> leases() {
        Lease6Engine e;
        synchronized (this) {
            e = engine;
        }
        if (e == null) {
            return List.of();
        }
        Instant now = shared.clock().instant();
        List<Lease6> out = new ArrayList<>();
        for (Binding6 b : e.bindings()) {
            LeaseState state = switch (b.stateAt(now)) {
                case ADVERTISED -> LeaseState.OFFERED;
                case BOUND -> LeaseState.BOUND;
                case RELEASED -> LeaseState.RELEASED;
                case DECLINED -> LeaseState.DECLINED;
                case EXPIRED -> LeaseState.EXPIRED;
            };
            out.add(new Lease6(b.key().duid(), b.key().iaid(), b.key().kind() == Binding6.Kind.NA
                    ? Lease6.Kind.ADDRESS : Lease6.Kind.PREFIX, Prefix6.address(b.resource()), b.prefixLength(),
                    state, b.expires()));
        }
        return out;
    }
}
