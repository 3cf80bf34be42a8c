package dev.dhcpembedded.internal.journal;


import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.codec.DhcpCodecException;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A fixed block of journal entries: their metadata in primitive columns and their raw bytes (payload, then note)
 * packed in one byte array. A stored entry is no object of its own, so a full journal is a few dozen long-lived
 * arrays that a young collection neither copies nor scans. Entries are appended until the slab runs out of slots
 * or of bytes; {@link JournalSlabs} then moves to the next slab, and reuses this one once all its entries have been
 * evicted. Not thread-safe: {@link Journal} locks around it.
 */
final class JournalSlab {

    /** The slots per metadata row in {@link #meta}. */
    private static final int META = 9;
    private static final int KIND = 0;       // kind ordinal << 24 | interface-name index
    private static final int SOURCE_IP = 1;
    private static final int DESTINATION_IP = 2;
    private static final int PEER_IP = 3;
    private static final int PORTS = 4;      // source port << 16 | destination port
    private static final int PEER_PORT = 5;  // peer port | note encoding flag << 16
    private static final int OFFSET = 6;     // start of the payload in data
    private static final int LENGTHS = 7;    // payload length; the note's bytes follow it up to the next offset
    private static final int ORIGINAL = 8;   // the datagram's length before the snap length cut it
    private static final int NOTE_UTF16 = 1 << 16;
    private static final int NOTE_NULL = 1 << 17;

    private final long[] times;  // sequence, server millis, wall millis
    private final int[] meta;
    private final byte[] data;
    private final int slots;
    private int count;
    private int used;
    private long firstIndex;
    /** Decode errors known at write time (rejected datagrams only); made on the first one. */
    private DhcpCodecException[] errors;
    /**
     * DHCPv6 entries' ends, three per slot (source, destination, peer; null for a DHCPv4 entry), which IPv6 keeps out
     * of the int columns; made on the first. The addresses are shared, not copied (they are immutable).
     */
    private InetSocketAddress[] ends6;
    /** Entries already handed to a reader, so a second read decodes nothing again; made on the first read. */
    private JournalEntry[] read;

    JournalSlab(int slots, int dataBytes) {
        this.slots = slots;
        this.times = new long[slots * 3];
        this.meta = new int[slots * META];
        this.data = new byte[dataBytes];
    }

    /** Empties the slab for reuse; its first entry will have journal index {@code first}. */
    void reset(long first) {
        count = 0;
        used = 0;
        firstIndex = first;
        if (errors != null) {
            Arrays.fill(errors, null);
        }
        if (ends6 != null) {
            Arrays.fill(ends6, null);
        }
        read = null;
    }

    int slots() {
        return slots;
    }

    int dataBytes() {
        return data.length;
    }

    /** The bytes this slab's arrays take on the heap (headers aside), whether full or not. */
    long footprint() {
        return footprint(slots, data.length);
    }

    /** The bytes a slab of {@code slots} entries and {@code dataBytes} bytes of payload takes. */
    static long footprint(int slots, int dataBytes) {
        return (long) slots * (3 * Long.BYTES + META * Integer.BYTES) + dataBytes;
    }

    int count() {
        return count;
    }

    long firstIndex() {
        return firstIndex;
    }

    /** The bytes an entry with this payload and note takes. */
    static int bytesNeeded(int payloadLength, CharSequence note) {
        return payloadLength + noteBytes(note);
    }

    /** Whether one more entry of {@code needed} bytes fits. */
    boolean fits(int needed) {
        return count < slots && data.length - used >= needed;
    }

    /** Appends one entry; the caller checked {@link #fits}. The payload is copied. */
    void add(long sequence, long serverMillis, long wallMillis, JournalEntry.Kind kind, int interfaceIndex,
             int sourceIp, int sourcePort, int destinationIp, int destinationPort, int peerIp, int peerPort,
             byte[] payload, int payloadOffset, int payloadLength, int originalLength, CharSequence note,
             DhcpCodecException error, InetSocketAddress source6, InetSocketAddress destination6,
             InetSocketAddress peer6) {
        int at = count;
        if (source6 != null || ends6 != null) {
            if (ends6 == null) {
                ends6 = new InetSocketAddress[slots * 3];
            }
            ends6[at * 3] = source6;
            ends6[at * 3 + 1] = destination6;
            ends6[at * 3 + 2] = peer6;
        }
        int t = at * 3;
        times[t] = sequence;
        times[t + 1] = serverMillis;
        times[t + 2] = wallMillis;
        int m = at * META;
        meta[m + KIND] = kind.ordinal() << 24 | interfaceIndex;
        meta[m + SOURCE_IP] = sourceIp;
        meta[m + DESTINATION_IP] = destinationIp;
        meta[m + PEER_IP] = peerIp;
        meta[m + PORTS] = (sourcePort & 0xFFFF) << 16 | (destinationPort & 0xFFFF);
        meta[m + OFFSET] = used;
        meta[m + LENGTHS] = payloadLength;
        meta[m + ORIGINAL] = originalLength;
        System.arraycopy(payload, payloadOffset, data, used, payloadLength);
        used += payloadLength;
        boolean utf16 = note != null && !isLatin1(note);
        meta[m + PEER_PORT] = (peerPort & 0xFFFF) | (utf16 ? NOTE_UTF16 : 0) | (note == null ? NOTE_NULL : 0);
        used = writeNote(note, utf16, used);
        if (error != null) {
            if (errors == null) {
                errors = new DhcpCodecException[slots];
            }
            errors[at] = error;
        }
        count++;
    }

    /** The entry in slot {@code at}, made on first read and kept for the next one. */
    JournalEntry get(int at, String[] interfaceNames) {
        if (read == null) {
            read = new JournalEntry[slots];
        }
        JournalEntry entry = read[at];
        if (entry == null) {
            entry = materialize(at, interfaceNames);
            read[at] = entry;
        }
        return entry;
    }

    /** A new entry object for slot {@code at}, not kept (for listeners, who see each entry once). */
    JournalEntry materialize(int at, String[] interfaceNames) {
        int m = at * META;
        int t = at * 3;
        int offset = meta[m + OFFSET];
        int length = meta[m + LENGTHS];
        int end = at + 1 < count ? meta[m + META + OFFSET] : used;
        int peer = meta[m + PEER_PORT];
        int ports = meta[m + PORTS];
        int original = meta[m + ORIGINAL];
        JournalEntry.Kind kind = JournalEntry.Kind.values()[meta[m + KIND] >>> 24];
        String name = interfaceNames[meta[m + KIND] & 0xFFFFFF];
        DhcpCodecException error = errors == null ? null : errors[at];
        if (ends6 != null && ends6[at * 3] != null) {
            return StoredEntry.stored6(times[t], times[t + 1], times[t + 2], kind, ends6[at * 3], ends6[at * 3 + 1],
                    ends6[at * 3 + 2], name,
                    Arrays.copyOfRange(data, offset, offset + length),
                    (peer & NOTE_NULL) != 0 ? null : readNote(offset + length, end, (peer & NOTE_UTF16) != 0),
                    java.util.Optional.ofNullable(error), original);
        }
        return StoredEntry.stored(times[t], times[t + 1], times[t + 2], kind,
                JournalSlabs.socket(meta[m + SOURCE_IP], ports >>> 16),
                JournalSlabs.socket(meta[m + DESTINATION_IP], ports & 0xFFFF),
                JournalSlabs.socket(meta[m + PEER_IP], peer & 0xFFFF), name,
                Arrays.copyOfRange(data, offset, offset + length),
                (peer & NOTE_NULL) != 0 ? null : readNote(offset + length, end, (peer & NOTE_UTF16) != 0),
                java.util.Optional.ofNullable(error), original);
    }

    private static boolean isLatin1(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int noteBytes(CharSequence note) {
        if (note == null) {
            return 0;
        }
        return isLatin1(note) ? note.length() : note.length() * 2;
    }

    private int writeNote(CharSequence note, boolean utf16, int at) {
        if (note == null) {
            return at;
        }
        int to = at;
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (utf16) {
                data[to++] = (byte) (c >>> 8);
            }
            data[to++] = (byte) c;
        }
        return to;
    }

    private String readNote(int from, int to, boolean utf16) {
        if (!utf16) {
            return new String(data, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new String(data, from, to - from, java.nio.charset.StandardCharsets.UTF_16BE);
    }
}
