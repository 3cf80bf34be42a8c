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

    private static final InetSocketAddress NOWHERE = JournalSlabs.socket(0, 0);
    private static final byte[] NO_BYTES = new byte[0];

    private final int capacity;
    private final JournalSlabs slabs;
    private long appended;
    private long evicted;
    private long rejected;
    /** The last sequence number given; unlike {@link #appended}, {@link #clear()} does not reset it. */
    private long sequence;
    private final List<java.util.function.Consumer<JournalEntry>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public JournalStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.slabs = new JournalSlabs(capacity);
    }

    /**
     * The packet path's way in: copies the datagram into the journal's slabs without making an object of it
     * (unless a listener wants one). Addresses are IPv4 as ints; the caller keeps {@code bytes}. Returns the
     * entry's sequence number.
     */
    public long record(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis, int sourceIp,
                       int sourcePort, int destinationIp, int destinationPort, InetSocketAddress peer,
                       String interfaceName, byte[] bytes, int offset, int length, CharSequence note,
                       DhcpCodecException error) {
        JournalEntry numbered = null;
        long number;
        synchronized (this) {
            if (slabs.add(++sequence, serverTimeMillis, wallTimeMillis, kind, interfaceName, sourceIp, sourcePort,
                    destinationIp, destinationPort, JournalSlabs.ip(peer), peer.getPort(), bytes, offset, length,
                    note, error)) {
                evicted++;
            }
            appended++;
            if (kind == JournalEntry.Kind.REJECTED) {
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

    /** {@code record} of a whole payload, copied: the caller keeps the array. */
    public long record(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis, int sourceIp,
                       int sourcePort, int destinationIp, int destinationPort, InetSocketAddress peer,
                       String interfaceName, byte[] bytes, String note, DhcpCodecException error) {
        return record(kind, serverTimeMillis, wallTimeMillis, sourceIp, sourcePort, destinationIp, destinationPort,
                peer, interfaceName, bytes, 0, bytes.length, note, error);
    }

    /** The DHCPv6 packet path's way in: like {@code record}, with IPv6 socket addresses. */
    public long record6(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis, InetSocketAddress source,
                 InetSocketAddress destination, InetSocketAddress peer, String interfaceName, byte[] bytes,
                 String note, DhcpCodecException error) {
        return record6(kind, serverTimeMillis, wallTimeMillis, source, destination, peer, interfaceName, bytes, 0,
                bytes.length, note, error);
    }

    /** {@code record6} of a payload at {@code bytes[offset, offset + length)}, copied: the caller keeps the array. */
    public long record6(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis, InetSocketAddress source,
                 InetSocketAddress destination, InetSocketAddress peer, String interfaceName, byte[] bytes,
                 int offset, int length, String note, DhcpCodecException error) {
        JournalEntry numbered = null;
        long number;
        synchronized (this) {
            if (slabs.add(++sequence, serverTimeMillis, wallTimeMillis, kind, interfaceName, 0, source.getPort(), 0,
                    destination.getPort(), 0, peer.getPort(), bytes, offset, length, note, error,
                    new InetSocketAddress[] {source, destination, peer})) {
                evicted++;
            }
            appended++;
            if (kind == JournalEntry.Kind.REJECTED) {
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

    /** Appends a {@link JournalEntry.Kind#TRANSPORT} entry: no datagram, only what happened to the transport. */
    public long recordTransport(long serverTimeMillis, long wallTimeMillis, String interfaceName, String note) {
        return record(JournalEntry.Kind.TRANSPORT, serverTimeMillis, wallTimeMillis, 0, 0, 0, 0, NOWHERE,
                interfaceName, NO_BYTES, 0, 0, note, null);
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

    /** How many old entries were dropped to stay within the capacity. */
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
