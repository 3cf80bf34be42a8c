package dev.dhcpembedded.internal.journal;


import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A server's journal: the entries in slabs of bytes, and the packet path's allocation-free way of appending to it.
 * The server writes; users read it as a {@link Journal}.
 */
public final class JournalStore implements Journal {

    /** The smallest byte bound accepted: a few slabs' worth. */
    public static final long MIN_BYTES = 1L << 20;

    private final int capacity;
    private final long maxBytes;
    private final JournalSlabs slabs;
    private long appended;
    private long evicted;
    private long rejected;
    /** The last sequence number given; unlike {@link #appended}, {@link #clear()} does not reset it. */
    private long sequence;
    private final List<java.util.function.Consumer<JournalEntry>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A journal of at most {@code capacity} entries in at most {@link Journal#DEFAULT_MAX_BYTES} bytes. */
    public JournalStore(int capacity) {
        this(capacity, DEFAULT_MAX_BYTES);
    }

    /** A journal of at most {@code capacity} entries in at most {@code maxBytes} bytes. */
    public JournalStore(int capacity, long maxBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.slabs = new JournalSlabs(capacity, maxBytes);
    }

    /**
     * Appends {@code record}: copies its payload into the journal's slabs without making an object of it (unless a
     * listener wants one). The caller may reuse the record and its array at once.
     *
     * @return the entry's sequence number
     */
    public long append(JournalRecord record) {
        JournalEntry numbered = null;
        long number;
        synchronized (this) {
            int dropped = record.source6 == null
                    ? slabs.add(++sequence, record.serverTimeMillis, record.wallTimeMillis, record.kind,
                            record.interfaceName, record.sourceIp, record.sourcePort, record.destinationIp,
                            record.destinationPort, JournalSlabs.ip(record.peer), record.peer.getPort(), record.bytes,
                            record.offset, record.length, record.note, record.error)
                    : slabs.add(++sequence, record.serverTimeMillis, record.wallTimeMillis, record.kind,
                            record.interfaceName, 0, record.source6.getPort(), 0, record.destination6.getPort(), 0,
                            record.peer.getPort(), record.bytes, record.offset, record.length, record.note,
                            record.error, record.source6, record.destination6, record.peer);
            evicted += dropped;
            appended++;
            if (record.kind == JournalEntry.Kind.REJECTED) {
                rejected++;
            }
            number = sequence;
            if (!listeners.isEmpty()) {
                numbered = slabs.newest();
            }
        }
        if (numbered != null) {
            notifyListeners(numbered);
        }
        return number;
    }

    /** The storage, for tests of its growth and reuse. */
    public JournalSlabs slabs() {
        return slabs;
    }

    private void notifyListeners(JournalEntry numbered) {
        for (java.util.function.Consumer<JournalEntry> listener : listeners) {
            try {
                listener.accept(numbered);
            } catch (RuntimeException e) {
                // the journal only observes: a failing listener (say a pcap writer on a full disk) must not stop
                // the server from answering, nor keep the entry from the other listeners
                org.slf4j.LoggerFactory.getLogger(JournalStore.class).warn("journal listener {} failed on #{}: {}",
                        listener, numbered.sequence(), e.toString());
            }
        }
    }

    /** Calls {@code listener} with each entry as it is appended, on the appending thread. */
    @Override
    public void addListener(java.util.function.Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    /** A copy of the entries kept, oldest first. */
    @Override
    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> out = new ArrayList<>(slabs.size());
        slabs.copyTo(out);
        return out;
    }











    /** How many entries are kept now, at most {@link #capacity()}. */
    @Override
    public synchronized int size() {
        return slabs.size();
    }

    /** How many entries the journal keeps before the oldest go. */
    @Override
    public int capacity() {
        return capacity;
    }

    /** How many entries were appended in all, kept or not. */
    @Override
    public synchronized long appended() {
        return appended;
    }

    /** How many bytes the journal's storage may take before the oldest entries go. */
    @Override
    public long maxBytes() {
        return maxBytes;
    }

    /** The bytes the journal's storage takes now (for tests of the bound). */
    synchronized long bytesKept() {
        return slabs.bytes();
    }

    /** How many old entries were dropped to stay within the capacity or the byte bound. */
    @Override
    public synchronized long evicted() {
        return evicted;
    }

    /** How many datagrams did not decode, in all. */
    @Override
    public synchronized long rejectedCount() {
        return rejected;
    }

    /** Forgets every entry and zeroes the counters; sequence numbers go on from the last one given. */
    @Override
    public synchronized void clear() {
        slabs.clear();
        appended = 0;
        evicted = 0;
        rejected = 0;
    }


}
