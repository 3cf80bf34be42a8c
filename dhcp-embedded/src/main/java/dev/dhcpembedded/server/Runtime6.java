package dev.dhcpembedded.server;

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

    Runtime6(Server6Config config, Supplier<Transport> transportFactory, Shared shared) {
        this.config = config;
        this.transportFactory = transportFactory;
        this.shared = shared;
    }

    Server6Config config() {
        return config;
    }

    @Override
    synchronized void start() {
        Transport opened = transportFactory.get();
        Lease6Engine created = new Lease6Engine(config, shared.clock());
        ReplyScheduler replies = new ReplyScheduler(shared.clock(), shared.manualClock(), shared.name() + "-v6");
        try {
            opened.start(shared.barrier().guard(new PacketHandler6(created, shared.journal(), opened, shared.clock(),
                    shared.wallClock(), shared.stubs(), shared.unmatched(), replies, shared.paused())));
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
