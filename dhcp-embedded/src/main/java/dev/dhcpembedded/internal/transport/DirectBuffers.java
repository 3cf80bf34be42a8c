package dev.dhcpembedded.internal.transport;

import java.nio.ByteBuffer;

/**
 * The receiving threads' 64 KiB direct buffers, handed from a stopped server's thread to the next server's. A suite
 * that starts and stops hundreds of servers between two collections then neither grows its native memory nor faults
 * fresh pages in at each start: the next thread takes a buffer whose memory is already mapped. At most
 * {@value #KEPT} idle buffers are kept; any further one a thread gives back is dropped, and the collector frees its
 * memory as for any unreachable direct buffer. Nothing here frees memory explicitly (no {@code sun.misc.Unsafe}, no
 * reflection on JDK internals), so no Java version prints a warning about it.
 */
final class DirectBuffers {

    /** Each buffer's capacity: the largest UDP payload. */
    static final int CAPACITY = 65535;
    /** How many idle buffers are kept: enough for the servers of a suite that runs a few tests in parallel. */
    static final int KEPT = 4;

    /** The idle buffers, {@code idle[0..count)}; guarded by the class. Only start and stop touch it. */
    private static final ByteBuffer[] IDLE = new ByteBuffer[KEPT];
    private static int count;

    private DirectBuffers() {
    }

    /** A cleared direct buffer of {@link #CAPACITY} bytes for the calling thread alone, until it {@link #give}s it. */
    static ByteBuffer take() {
        synchronized (DirectBuffers.class) {
            if (count > 0) {
                ByteBuffer kept = IDLE[--count];
                IDLE[count] = null;
                kept.clear();
                return kept;
            }
        }
        return ByteBuffer.allocateDirect(CAPACITY);
    }

    /**
     * Gives back {@code buffer}, taken from {@link #take}, that the caller no longer reads or writes: it is kept for
     * the next {@code take()}, or dropped for the collector when {@value #KEPT} are kept already.
     */
    static void give(ByteBuffer buffer) {
        if (buffer == null || !buffer.isDirect() || buffer.capacity() != CAPACITY) {
            return;
        }
        synchronized (DirectBuffers.class) {
            if (count < KEPT) {
                IDLE[count++] = buffer;
            }
        }
    }

    /** How many idle buffers are kept now (for tests). */
    static synchronized int idle() {
        return count;
    }
}
