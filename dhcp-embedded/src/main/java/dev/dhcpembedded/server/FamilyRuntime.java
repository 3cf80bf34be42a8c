package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.runtime.ReplyScheduler;
import dev.dhcpembedded.internal.runtime.ResetBarrier;
import dev.dhcpembedded.internal.runtime.StubRegistry;
import dev.dhcpembedded.internal.runtime.UnmatchedRequests;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.internal.runtime.ManualClock;
import dev.dhcpembedded.transport.Transport;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The run-time state of one address family of a {@link DhcpServer}, DHCPv4 ({@link Runtime4}) or DHCPv6
 * ({@link Runtime6}): its transport, lease engine and reply scheduler, started and stopped with the server. Both
 * families share one {@link Shared}: the journal, the clocks, the stubs and the reset barrier.
 */
abstract class FamilyRuntime {

    /** The open transport, or null when stopped. */
    Transport transport;
    /** The scheduler of delayed replies, or null when stopped. */
    ReplyScheduler scheduler;

    /** Opens the transport and starts answering; fails when it cannot, leaving nothing open. */
    abstract void start();

    /** Closes the transport and the scheduler; no thread is left behind. */
    abstract void stop();

    /** Forgets every lease: the lease table as it was at start. */
    abstract void resetLeases();

    /** {@return the open transport, or null when stopped} */
    final synchronized Transport transport() {
        return transport;
    }

    /** Drops the delayed replies not sent yet. */
    final synchronized void cancelPending() {
        if (scheduler != null) {
            scheduler.cancelPending();
        }
    }

    /** Closes the transport, then the scheduler (its pending replies are dropped); for {@link #stop()}. */
    final synchronized void closeTransportAndScheduler() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }

    /**
     * What both families of one server share.
     *
     * @param journal the journal both write
     * @param clock the server's clock
     * @param wallClock the wall clock the journal stamps entries with too
     * @param paused whether the server is in an outage
     * @param stubs the stubs of both families
     * @param unmatched the requests no stub answered
     * @param barrier what makes a reset atomic for the packet paths
     * @param name the server's name for thread names
     */
    record Shared(JournalStore journal, Clock clock, Clock wallClock, AtomicBoolean paused, StubRegistry stubs,
                  UnmatchedRequests unmatched, ResetBarrier barrier, String name) {

        /** The clock as a reply scheduler sees it when the test moves it by hand, else null. */
        ManualClock manualClock() {
            return clock instanceof TestClock ? ManualClock.of(((TestClock) clock)::onAdvance,
                    ((TestClock) clock)::removeListener) : null;
        }
    }
}
