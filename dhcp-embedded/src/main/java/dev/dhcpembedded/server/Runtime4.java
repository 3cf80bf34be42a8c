package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.engine.ReconfigureKeys;

import dev.dhcpembedded.internal.engine.DefaultAddresses;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.internal.engine.ServerConfig;
import dev.dhcpembedded.internal.runtime.EngineResponder;
import dev.dhcpembedded.internal.runtime.LinkResponder;
import dev.dhcpembedded.internal.runtime.PacketHandler;
import dev.dhcpembedded.internal.runtime.ReplyScheduler;
import dev.dhcpembedded.internal.runtime.Responder;
import dev.dhcpembedded.internal.transport.ArpConflicts;
import dev.dhcpembedded.internal.transport.ArpSilence;
import dev.dhcpembedded.internal.transport.DirectReceiver;
import dev.dhcpembedded.internal.transport.InterfaceTransport;
import dev.dhcpembedded.internal.transport.LinkHost;
import dev.dhcpembedded.internal.transport.LoopbackTransport;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The DHCPv4 family of a {@link DhcpServer} at run time: its transport, lease engine and reply scheduler, the
 * second server on its link, and what it does to ARP on an interface (an outage's silence, address conflicts).
 */
final class Runtime4 extends FamilyRuntime {

    private final ServerConfig initialConfig;
    /**
     * {@code initialConfig} with the server identifier it has on a transport without an address of its own (the
     * one configured, else the default): worked out once, not at every start().
     */
    private final ServerConfig addresslessConfig;
    private final Supplier<Transport> transportFactory;
    private final Shared shared;
    private SecondServer second;
    private LeaseEngine engine;
    private ServerConfig startConfig;
    private ArpSilence arpSilence;
    private ArpConflicts conflicts;
    private LinkHost secondHost;
    private PacketHandler handler;
    private NetbootRuntime netboot;

    Runtime4(ServerConfig config, Supplier<Transport> transportFactory, Shared shared) {
        this.initialConfig = config;
        this.addresslessConfig = config.serverId() != 0 ? config
                : config.withServerId(DefaultAddresses.serverId(config));
        this.transportFactory = transportFactory;
        this.shared = shared;
    }

    /** Set once by the builder. */
    synchronized void netboot(NetbootRuntime runtime) {
        this.netboot = runtime;
    }

    /** {@return the netboot view} @throws IllegalStateException when the server was built without netboot */
    synchronized Netboot netbootView() {
        return netboot == null ? Netboot.none() : new Netboot(netboot);
    }

    synchronized void secondServer(SecondServer server) {
        this.second = server;
    }

    @Override
    synchronized void start() {
        Transport opened = transportFactory.get();
        // loopback first: a loopback server never loads the interface transport's class
        int localAddress = opened instanceof LoopbackTransport || !(opened instanceof InterfaceTransport) ? 0
                : ((InterfaceTransport) opened).addressAsInt();
        // the one configured, else the interface's address, else the default
        startConfig = initialConfig.serverId() == 0 && localAddress != 0 ? initialConfig.withServerId(localAddress)
                : addresslessConfig;
        engine = new LeaseEngine(startConfig, shared.clock());
        ReplyScheduler replies = new ReplyScheduler(shared.clock(), shared.manualClock(), shared.name());
        Responder responder = new EngineResponder(engine, shared.stubs());
        if (second != null) {
            if (second.addressAsInt() == startConfig.serverId()) {
                opened.close();
                throw new IllegalStateException("second server " + second.address().getHostAddress() + " has the "
                        + "first server's identifier (its interface's address); give the second server another one");
            }
            LeaseEngine other = second.start(shared.clock(), opened instanceof InterfaceTransport);
            responder = new LinkResponder(responder, second.addressAsInt(), second.notePrefix(),
                    new EngineResponder(other, second.stubRegistry()));
        }
        PacketHandler handler = new PacketHandler(responder, shared.stubs(), engine, shared.journal(), opened,
                shared.clock(), shared.wallClock(), localAddress, replies, shared.unmatched(), shared.paused());
        DirectReceiver guarded = shared.barrier().guard(handler);
        try {
            if (netboot != null) { // before the first request; kept by a reset of the leases
                startConfig = startConfig.withNetboot(netboot.start(localAddress, opened, shared.journal(),
                        shared.clock(), shared.wallClock()));
                engine.updateConfig(c -> c.withNetboot(startConfig.netboot()));
            }
            opened.start(guarded);
        } catch (IOException | RuntimeException e) {
            replies.close();
            opened.close();
            if (netboot != null) {
                netboot.stop();
            }
            throw e instanceof RuntimeException r ? r : new UncheckedIOException(e.getMessage(), (IOException) e);
        }
        if (second != null && opened instanceof InterfaceTransport) {
            try {
                secondHost = LinkHost.open(opened.interfaceName(), second.addressAsInt(),
                        SecondServer.macBytes(second.addressAsInt()), guarded::onDatagram);
            } catch (IOException e) {
                replies.close();
                opened.close();
                throw new IllegalStateException("second server " + second.address().getHostAddress() + ": "
                        + e.getMessage(), e);
            }
            handler.secondHost(second.addressAsInt(), secondHost);
        }
        transport = opened;
        scheduler = replies;
        this.handler = handler;
        if (shared.paused().get()) {
            silenceArp(); // paused before it started
        }
    }

    /**
     * Sends a FORCERENEW to a bound client, with the transaction id of its last ACK (clients such as dhcpcd check
     * it) to where that ACK went: both are kept in the client's lease row as the ACK is made, not looked up in the
     * journal (which forgets, and is the tests' to read).
     */
    synchronized void forceRenew(MacAddress mac) {
        if (transport == null) {
            throw new IllegalStateException("the server is not running; call start() first");
        }
        ReconfigureKeys.ForceRenew message = engine.forceRenew(mac);
        String note = "FORCERENEW (RFC 3203) to " + mac + " at " + Ipv4.toString(message.clientAddress()) + ": "
                + (message.authenticated() ? "authenticated with the client's reconfigure key (RFC 6704)"
                : "not authenticated: the client holds no reconfigure key (see reconfigureKeys()); clients such as"
                        + " dhcpcd drop it");
        handler.sendServerInitiated(message.message(), message.clientAddress(), engine.config().serverId(),
                message.peer(), mac.bytes(), note);
    }

    @Override
    synchronized void stop() {
        restoreArp();
        if (conflicts != null) {
            conflicts.close();
            conflicts = null;
        }
        if (secondHost != null) {
            secondHost.close();
            secondHost = null;
        }
        closeTransportAndScheduler();
        if (netboot != null) {
            netboot.stop();
        }
    }

    @Override
    synchronized void resetLeases() {
        if (engine != null) {
            engine.reset(startConfig);
        }
        if (second != null) {
            second.resetLeases();
        }
        if (netboot != null) {
            netboot.clearFetches();
        }
    }

    /** The lease engine of the last start. */
    synchronized LeaseEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("the server was never started; call start() first");
        }
        return engine;
    }

    /** An outage's ARP side: the kernel (and the second server's host) stop answering ARP for the server. */
    synchronized void silenceArp() {
        if (secondHost != null) {
            secondHost.answerArp(false); // the second server's host is out too
        }
        if (arpSilence != null || !(transport instanceof InterfaceTransport)) {
            return;
        }
        try {
            arpSilence = ArpSilence.silence(transport.interfaceName());
        } catch (IOException e) {
            LoggerFactory.getLogger(DhcpServer.class).warn("paused, but the kernel still answers ARP for {}: {}",
                    Ipv4.toString(engine.config().serverId()), e.getMessage());
        }
    }

    /** Undoes {@link #silenceArp()}. */
    synchronized void restoreArp() {
        if (secondHost != null) {
            secondHost.answerArp(true);
        }
        if (arpSilence == null) {
            return;
        }
        try {
            arpSilence.restore();
        } catch (IOException e) {
            LoggerFactory.getLogger(DhcpServer.class).warn("could not undo {}: {}", arpSilence, e.toString());
        }
        arpSilence = null;
    }

    /** Something on the link answers ARP for {@code address} from now on; see {@link DhcpServer#conflictOn}. */
    synchronized void conflictOn(int address, String shown) {
        if (!(transport instanceof InterfaceTransport)) {
            throw new IllegalStateException("conflictOn(\"" + shown + "\") needs a link to answer ARP on: bind"
                    + " the server to an interface (bindInterface) and start it; over loopback, script the"
                    + " client's DECLINE instead");
        }
        if (conflicts == null) {
            try {
                conflicts = ArpConflicts.open(transport.interfaceName());
            } catch (IOException e) {
                throw new IllegalStateException("conflictOn(\"" + shown + "\"): " + e.getMessage(), e);
            }
        }
        conflicts.add(address);
    }

    synchronized boolean removeConflict(int address) {
        return conflicts != null && conflicts.remove(address);
    }

    synchronized void clearConflicts() {
        if (conflicts != null) {
            conflicts.clear();
        }
    }
}
