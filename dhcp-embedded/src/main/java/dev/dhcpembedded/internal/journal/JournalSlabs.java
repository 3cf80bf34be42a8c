package dev.dhcpembedded.internal.journal;


import dev.dhcpembedded.journal.Journal;
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
 * The journal's storage: a ring of {@link JournalSlab}s holding at most {@code capacity} entries in at most
 * {@code maxBytes} bytes of slabs (a payload longer than {@link #SNAP_LENGTH} is kept cut to it, its length
 * recorded). Nothing is
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

    /**
     * The most bytes of a datagram kept, as tcpdump's snap length: the rest is cut and only its length recorded. Every
     * message a real client sends is far shorter (DHCPv4 fits in 576 bytes unless the client asks for more, and in
     * practice in one 1,500-byte Ethernet frame; so does DHCPv6, relay layers adding about a hundred bytes each), so
     * such a message is kept whole; a longer one is abuse, kept as evidence without the 65,507 bytes it may have.
     */
    static final int SNAP_LENGTH = Journal.SNAP_LENGTH;

    private final int capacity;
    private final long maxBytes;
    /** The bytes of every slab held, live or spare. */
    private long bytes;
    private final ArrayDeque<JournalSlab> live = new ArrayDeque<>();
    private JournalSlab spare;
    /** Journal index of the oldest entry kept, and of the next entry. */
    private long head;
    private long next;
    private String[] interfaceNames = new String[1];
    private int interfaceNameCount;
    private long slabsAllocated;

    JournalSlabs(int capacity, long maxBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity " + capacity + " must be at least 1");
        }
        if (maxBytes < JournalStore.MIN_BYTES) {
            throw new IllegalArgumentException("journal bound of " + maxBytes + " bytes must be at least "
                    + JournalStore.MIN_BYTES);
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /**
     * Stores one entry, copying {@code payload} (at most {@link #SNAP_LENGTH} bytes of it); returns how many of the
     * oldest entries were evicted to make room.
     */
    int add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind, String interfaceName,
                int sourceIp, int sourcePort, int destinationIp, int destinationPort, int peerIp, int peerPort,
                byte[] payload, String note, DhcpCodecException error) {
        return add(sequence, serverMillis, wallMillis, kind, interfaceName, sourceIp, sourcePort, destinationIp,
                destinationPort, peerIp, peerPort, payload, 0, payload.length, note, error, null, null, null);
    }

    /** {@link #add} of a payload at {@code payload[offset, offset + length)} with a note of any char sequence. */
    int add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind, String interfaceName,
                int sourceIp, int sourcePort, int destinationIp, int destinationPort, int peerIp, int peerPort,
                byte[] payload, int offset, int length, CharSequence note, DhcpCodecException error) {
        return add(sequence, serverMillis, wallMillis, kind, interfaceName, sourceIp, sourcePort, destinationIp,
                destinationPort, peerIp, peerPort, payload, offset, length, note, error, null, null, null);
    }

    /**
     * {@link #add} of any entry at {@code payload[offset, offset + length)}: {@code source6} (with
     * {@code destination6} and {@code peer6}) marks a DHCPv6 one, null a DHCPv4 one.
     */
    int add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind,
                        String interfaceName, int sourceIp, int sourcePort, int destinationIp, int destinationPort,
                        int peerIp, int peerPort, byte[] payload, int offset, int length, CharSequence note,
                        DhcpCodecException error, InetSocketAddress source6, InetSocketAddress destination6,
                        InetSocketAddress peer6) {
        int kept = Math.min(length, SNAP_LENGTH);
        int needed = JournalSlab.bytesNeeded(kept, note);
        long before = head;
        JournalSlab tail = live.peekLast();
        if (tail == null || !tail.fits(needed)) {
            tail = nextSlab(needed);
            live.addLast(tail);
        }
        tail.add(sequence, serverMillis, wallMillis, kind, interfaceIndex(interfaceName), sourceIp, sourcePort,
                destinationIp, destinationPort, peerIp, peerPort, payload, offset, kept, length, note, error, source6,
                destination6, peer6);
        next++;
        if (next - head > capacity) {
            evictOldest();
        }
        return (int) (head - before);
    }

    private JournalSlab nextSlab(int needed) {
        int slots = slabsAllocated == 0 ? Math.min(FIRST_SLAB_SLOTS, capacity) : Math.min(SLAB_SLOTS, capacity);
        int dataBytes = Math.max(slots * BYTES_PER_SLOT, needed);
        JournalSlab reused = spare;
        spare = null;
        if (reused != null && reused.slots() >= slots && reused.dataBytes() >= needed) {
            reused.reset(next);
            return reused;
        }
        if (reused != null) { // one too small to keep: let it go
            bytes -= reused.footprint();
        }
        // past the byte bound: the oldest slabs go, entries and all, and one of them is reused when it can be
        while (bytes + JournalSlab.footprint(slots, dataBytes) > maxBytes && !live.isEmpty()) {
            JournalSlab oldest = live.removeFirst();
            head = Math.max(head, oldest.firstIndex() + oldest.count());
            if (oldest.slots() >= slots && oldest.dataBytes() >= needed) {
                oldest.reset(next);
                return oldest;
            }
            bytes -= oldest.footprint();
        }
        JournalSlab made = new JournalSlab(slots, dataBytes);
        made.reset(next);
        slabsAllocated++;
        bytes += made.footprint();
        return made;
    }

    private void evictOldest() {
        head++;
        JournalSlab oldest = live.peekFirst();
        if (oldest != live.peekLast() && head >= oldest.firstIndex() + oldest.count()) {
            live.removeFirst();
            if (spare != null) {
                bytes -= spare.footprint();
            }
            spare = oldest;
        }
    }

    /** The bytes of every slab held now, at most the bound (unless one entry alone is bigger). */
    long bytes() {
        return bytes;
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
        bytes = 0;
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
