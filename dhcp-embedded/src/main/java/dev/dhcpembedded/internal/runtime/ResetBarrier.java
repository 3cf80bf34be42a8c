package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.internal.transport.DirectReceiver;
import dev.dhcpembedded.transport.Datagram;
import java.net.InetSocketAddress;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What makes a server's reset one atomic step for its packet paths: each datagram is handled whole (stubs, lease
 * engine, journal, reply) under the shared side of one lock, and a reset runs under its exclusive side. A request
 * is then either handled wholly before the reset, and forgotten with everything else, or wholly after it; never
 * journaled before and leased after, or answered after being forgotten.
 */
public final class ResetBarrier {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** {@code receiver} with each of its calls made under the shared side of this barrier. */
    public DirectReceiver guard(DirectReceiver receiver) {
        return new Guarded(receiver, lock.readLock());
    }

    /** Runs {@code step} while no datagram is being handled, and keeps datagrams waiting until it returns. */
    public void exclusively(Runnable step) {
        lock.writeLock().lock();
        try {
            step.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private record Guarded(DirectReceiver receiver, ReentrantReadWriteLock.ReadLock shared)
            implements DirectReceiver {

        @Override
        public void onDatagram(Datagram datagram) {
            shared.lock();
            try {
                receiver.onDatagram(datagram);
            } finally {
                shared.unlock();
            }
        }

        @Override
        public void onDatagram(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                               String interfaceName, boolean broadcast) {
            shared.lock();
            try {
                receiver.onDatagram(bytes, length, source, destination, interfaceName, broadcast);
            } finally {
                shared.unlock();
            }
        }

        @Override
        public void onTransportEvent(String note) {
            shared.lock();
            try {
                receiver.onTransportEvent(note);
            } finally {
                shared.unlock();
            }
        }
    }
}
