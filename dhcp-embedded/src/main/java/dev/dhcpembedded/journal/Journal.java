package dev.dhcpembedded.journal;


import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.journal.JournalAccess;
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
 * Every message the server received, rejected or sent, in order, and what happened to its transport (a
 * {@link JournalEntry.Kind#TRANSPORT} entry, e.g. the channel to a DHCP agent closing). It only observes: nothing reads it to decide an
 * answer, except stubs that ask for the n-th occurrence. Bounded: past its capacity the oldest entries go, and
 * {@link #evicted()} counts them. Safe to read while the server runs.
 */
public final class Journal {

    /** How many entries a server's journal keeps unless its builder says otherwise. */
    public static final int DEFAULT_CAPACITY = 10_000;

    static {
        JournalAccess.install(new JournalAccess.Writer() {
            @Override
            public Journal create(int capacity) {
                return new Journal(capacity);
            }

            @Override
            public long record(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                               int sourceIp, int sourcePort, int destinationIp, int destinationPort,
                               InetSocketAddress peer, String interfaceName, byte[] bytes, String note,
                               DhcpCodecException error) {
                return journal.record(kind, serverTimeMillis, wallTimeMillis, sourceIp, sourcePort, destinationIp,
                        destinationPort, peer, interfaceName, bytes, 0, bytes.length, note, error);
            }

            @Override
            public long record(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                               int sourceIp, int sourcePort, int destinationIp, int destinationPort,
                               InetSocketAddress peer, String interfaceName, byte[] bytes, int offset, int length,
                               CharSequence note, DhcpCodecException error) {
                return journal.record(kind, serverTimeMillis, wallTimeMillis, sourceIp, sourcePort, destinationIp,
                        destinationPort, peer, interfaceName, bytes, offset, length, note, error);
            }

            @Override
            public long record6(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                                InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                                String interfaceName, byte[] bytes, String note, DhcpCodecException error) {
                return journal.record6(kind, serverTimeMillis, wallTimeMillis, source, destination, peer,
                        interfaceName, bytes, note, error);
            }

            @Override
            public long record6(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                                InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                                String interfaceName, byte[] bytes, int offset, int length, String note,
                                DhcpCodecException error) {
                return journal.record6(kind, serverTimeMillis, wallTimeMillis, source, destination, peer,
                        interfaceName, bytes, offset, length, note, error);
            }

            @Override
            public long recordTransport(Journal journal, long serverTimeMillis, long wallTimeMillis,
                                        String interfaceName, String note) {
                return journal.record(JournalEntry.Kind.TRANSPORT, serverTimeMillis, wallTimeMillis, 0, 0, 0, 0,
                        NOWHERE, interfaceName, NO_BYTES, 0, 0, note, null);
            }

            @Override
            public JournalEntry entryOf(DhcpMessage message) {
                return JournalEntry.standalone(message);
            }
        });
    }

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

    Journal(int capacity) {
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
    long record(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis, int sourceIp,
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

    /** The DHCPv6 packet path's way in: like {@code record}, with IPv6 socket addresses. */
    long record6(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis, InetSocketAddress source,
                 InetSocketAddress destination, InetSocketAddress peer, String interfaceName, byte[] bytes,
                 String note, DhcpCodecException error) {
        return record6(kind, serverTimeMillis, wallTimeMillis, source, destination, peer, interfaceName, bytes, 0,
                bytes.length, note, error);
    }

    /** {@code record6} of a payload at {@code bytes[offset, offset + length)}, copied: the caller keeps the array. */
    long record6(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis, InetSocketAddress source,
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

    /** The storage, for tests of its growth and reuse. */
    JournalSlabs slabs() {
        return slabs;
    }

    private void notifyListeners(JournalEntry numbered) {
        for (java.util.function.Consumer<JournalEntry> listener : listeners) {
            try {
                listener.accept(numbered);
            } catch (RuntimeException e) {
                // the journal only observes: a failing listener (say a pcap writer on a full disk) must not stop
                // the server from answering, nor keep the entry from the other listeners
                org.slf4j.LoggerFactory.getLogger(Journal.class).warn("journal listener {} failed on #{}: {}",
                        listener, numbered.sequence(), e.toString());
            }
        }
    }

    /** Calls {@code listener} with each entry as it is appended, on the appending thread. */
    public void addListener(java.util.function.Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    /** A copy of the entries kept, oldest first. */
    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> out = new ArrayList<>(slabs.size());
        slabs.copyTo(out);
        return out;
    }

    /** The entries kept that {@code filter} accepts, oldest first. */
    public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : entries()) {
            if (filter.test(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The datagrams received that decoded, oldest first. */
    public List<JournalEntry> received() {
        return entries(JournalEntry::isReceived);
    }

    /** The messages of {@code type} received, oldest first. */
    public List<JournalEntry> received(MessageType type) {
        return entries(e -> e.isReceived() && e.is(type));
    }

    /** The datagrams the server sent, oldest first. */
    public List<JournalEntry> sent() {
        return entries(JournalEntry::isSent);
    }

    /** The messages of {@code type} the server sent, oldest first. */
    public List<JournalEntry> sent(MessageType type) {
        return entries(e -> e.isSent() && e.is(type));
    }

    /** The datagrams that did not decode, oldest first. */
    public List<JournalEntry> rejected() {
        return entries(e -> e.kind() == JournalEntry.Kind.REJECTED);
    }

    /** DHCPv6 messages received of {@code type} (relayed ones counted by the message inside). */
    public List<JournalEntry> received(Dhcp6MessageType type) {
        return entries(e -> e.isReceived() && e.is(type));
    }

    /** DHCPv6 messages sent of {@code type} (RELAY-REPL counted by the message inside too). */
    public List<JournalEntry> sent(Dhcp6MessageType type) {
        return entries(e -> e.isSent() && e.is(type));
    }

    /** Every DHCPv6 entry whose client identifier is {@code duid}, in either direction. */
    public List<JournalEntry> forDuid(Duid duid) {
        return entries(e -> e.isV6() && e.clientDuid().map(duid::equals).orElse(false));
    }

    /** Every entry whose message has chaddr {@code mac}, in either direction. */
    public List<JournalEntry> forClient(MacAddress mac) {
        return entries(e -> e.clientMac().map(mac::equals).orElse(false));
    }

    /** How many entries are kept now, at most {@link #capacity()}. */
    public synchronized int size() {
        return slabs.size();
    }

    /** How many entries the journal keeps before the oldest go. */
    public int capacity() {
        return capacity;
    }

    /** How many entries were appended in all, kept or not. */
    public synchronized long appended() {
        return appended;
    }

    /** How many old entries were dropped to stay within the capacity. */
    public synchronized long evicted() {
        return evicted;
    }

    /** How many datagrams did not decode, in all. */
    public synchronized long rejectedCount() {
        return rejected;
    }

    /** Forgets every entry and zeroes the counters; sequence numbers go on from the last one given. */
    public synchronized void clear() {
        slabs.clear();
        appended = 0;
        evicted = 0;
        rejected = 0;
    }

    /** The transcript of every entry kept, one line each. */
    public String transcript() {
        return Transcript.of(entries());
    }

    /** Writes the entries kept as a pcap that Wireshark opens. */
    public void writePcap(Path file) throws IOException {
        PcapExport.write(entries(), file);
    }
}
