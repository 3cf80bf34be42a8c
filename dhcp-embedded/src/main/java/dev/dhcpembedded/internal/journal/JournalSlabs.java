package dev.dhcpembedded.internal.journal;


import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Ipv4;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The journal's storage: a ring of {@link JournalSlab}s holding at most {@code capacity} entries. Nothing is
 * allocated until the first entry arrives; slabs are then allocated as the journal fills (the first one small, for
 * the many servers that see a handful of messages), and once it wraps the slab whose entries have all been evicted
 * is reused for the next ones. In steady state, storing an entry allocates nothing. Not thread-safe: {@link Journal}
 * locks around it.
 */
final class JournalSlabs {

    /** Entries per slab once the journal holds more than a first slab's worth. */
    static final int SLAB_SLOTS = 256;
    /** Entries in the first slab. */
    static final int FIRST_SLAB_SLOTS = 16;
    /** Bytes of payload and note per slot; an entry that does not fit closes the slab early. */
    static final int BYTES_PER_SLOT = 512;

    private final int capacity;
    private final ArrayDeque<JournalSlab> live = new ArrayDeque<>();
    private JournalSlab spare;
    /** Journal index of the oldest entry kept, and of the next entry. */
    private long head;
    private long next;
    private String[] interfaceNames = new String[1];
    private int interfaceNameCount;
    private long slabsAllocated;

    JournalSlabs(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
    }

    /**
     * Stores one entry, copying {@code payload}; returns true when the oldest entry was evicted to make room.
     */
    boolean add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind, String interfaceName,
                int sourceIp, int sourcePort, int destinationIp, int destinationPort, int peerIp, int peerPort,
                byte[] payload, String note, DhcpCodecException error) {
        return add(sequence, serverMillis, wallMillis, kind, interfaceName, sourceIp, sourcePort, destinationIp,
                destinationPort, peerIp, peerPort, payload, 0, payload.length, note, error, null);
    }

    /** {@link #add} of a payload at {@code payload[offset, offset + length)} with a note of any char sequence. */
    boolean add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind, String interfaceName,
                int sourceIp, int sourcePort, int destinationIp, int destinationPort, int peerIp, int peerPort,
                byte[] payload, int offset, int length, CharSequence note, DhcpCodecException error) {
        return add(sequence, serverMillis, wallMillis, kind, interfaceName, sourceIp, sourcePort, destinationIp,
                destinationPort, peerIp, peerPort, payload, offset, length, note, error, null);
    }

    /** {@link #add} for any entry: {@code ends6} (source, destination, peer) marks a DHCPv6 one, null a DHCPv4 one. */
    boolean add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind, String interfaceName,
                int sourceIp, int sourcePort, int destinationIp, int destinationPort, int peerIp, int peerPort,
                byte[] payload, String note, DhcpCodecException error, InetSocketAddress[] ends6) {
        return add(sequence, serverMillis, wallMillis, kind, interfaceName, sourceIp, sourcePort, destinationIp,
                destinationPort, peerIp, peerPort, payload, 0, payload.length, note, error, ends6);
    }

    /** {@link #add} of any entry at {@code payload[offset, offset + length)}; {@code ends6} as above. */
    boolean add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind,
                        String interfaceName, int sourceIp, int sourcePort, int destinationIp, int destinationPort,
                        int peerIp, int peerPort, byte[] payload, int offset, int length, CharSequence note,
                        DhcpCodecException error, InetSocketAddress[] ends6) {
        int needed = JournalSlab.bytesNeeded(length, note);
        JournalSlab tail = live.peekLast();
        if (tail == null || !tail.fits(needed)) {
            tail = nextSlab(needed);
            live.addLast(tail);
        }
        tail.add(sequence, serverMillis, wallMillis, kind, interfaceIndex(interfaceName), sourceIp, sourcePort,
                destinationIp, destinationPort, peerIp, peerPort, payload, offset, length, note, error, ends6);
        next++;
        if (next - head > capacity) {
            evictOldest();
            return true;
        }
        return false;
    }

    private JournalSlab nextSlab(int needed) {
        int slots = slabsAllocated == 0 ? Math.min(FIRST_SLAB_SLOTS, capacity) : Math.min(SLAB_SLOTS, capacity);
        JournalSlab reused = spare;
        spare = null;
        if (reused != null && reused.slots() >= slots && reused.dataBytes() >= needed) {
            reused.reset(next);
            return reused;
        }
        // no spare yet (the journal is still filling), or one too small to keep: let it go
        JournalSlab made = new JournalSlab(slots, Math.max(slots * BYTES_PER_SLOT, needed));
        made.reset(next);
        slabsAllocated++;
        return made;
    }

    private void evictOldest() {
        head++;
        JournalSlab oldest = live.peekFirst();
        if (oldest != live.peekLast() && head >= oldest.firstIndex() + oldest.count()) {
            live.removeFirst();
            spare = oldest;
        }
    }

    private int interfaceIndex(String name) {
        for (int i = 0; i < interfaceNameCount; i++) {
            if (Objects.equals(interfaceNames[i], name)) {
                return i;
            }
        }
        if (interfaceNameCount == interfaceNames.length) {
            interfaceNames = Arrays.copyOf(interfaceNames, interfaceNameCount * 2);
        }
        interfaceNames[interfaceNameCount] = name;
        return interfaceNameCount++;
    }

    int size() {
        return (int) (next - head);
    }

    /** Adds the entries kept to {@code out}, oldest first; each is made on first read and kept. */
    void copyTo(List<JournalEntry> out) {
        for (JournalSlab slab : live) {
            long first = slab.firstIndex();
            int from = (int) Math.max(0, head - first);
            for (int i = from; i < slab.count(); i++) {
                out.add(slab.get(i, interfaceNames));
            }
        }
    }

    /** The newest entry, as a new object that is not kept (listeners see each entry once). */
    JournalEntry newest() {
        JournalSlab tail = live.peekLast();
        if (tail == null || tail.count() == 0) {
            throw new IllegalStateException("the journal is empty");
        }
        return tail.materialize(tail.count() - 1, interfaceNames);
    }

    /** Forgets every entry and lets every slab go: a cleared journal retains no more than a new one. */
    void clear() {
        live.clear();
        spare = null;
        head = next;
        slabsAllocated = 0;
    }

    /** Slabs allocated since the journal was made or cleared (for tests of the lazy growth and the reuse). */
    long slabsAllocated() {
        return slabsAllocated;
    }

    /** Slabs that hold entries now. */
    int liveSlabs() {
        return live.size();
    }

    static int ip(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        return ip instanceof Inet4Address ? Ipv4.toInt(ip) : 0x7F000001;
    }

    static InetSocketAddress socket(int ip, int port) {
        return new InetSocketAddress(Ipv4.fromInt(ip), port);
    }
}
