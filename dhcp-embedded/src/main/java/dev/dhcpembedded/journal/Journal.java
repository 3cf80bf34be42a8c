package dev.dhcpembedded.journal;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every message the server received, rejected or sent, in order, and what happened to its transport (a
 * {@link JournalEntry.Kind#TRANSPORT} entry, e.g. the channel to a DHCP agent closing). It only observes: nothing
 * reads it to decide an answer, except stubs that ask for the n-th occurrence. Bounded in entries and in bytes:
 * past either bound the oldest entries go, and {@link #evicted()} counts them; a datagram longer than a snap length
 * ({@value #SNAP_LENGTH} bytes, as tcpdump's) is kept cut to it, with its
 * {@link JournalEntry#originalLength()}. Safe to read while the server runs. A server makes its own journal:
 * {@code DhcpServer.journal()}.
 */
public interface Journal {

    /** How many entries a server's journal keeps unless its builder says otherwise. */
    int DEFAULT_CAPACITY = 10_000;

    /** How many bytes a server's journal may take unless its builder says otherwise: 64 MiB. */
    long DEFAULT_MAX_BYTES = 64L << 20;

    /**
     * The most bytes of a datagram the journal keeps; the rest is cut and only its length recorded. Every message a
     * real client sends is shorter, so it is kept whole.
     */
    int SNAP_LENGTH = 4096;

    /**
     * Calls {@code listener} with each entry as it is appended, on the appending thread.
     *
     * @param listener called with each new entry; it should return quickly, as the server waits for it
     */
    void addListener(java.util.function.Consumer<JournalEntry> listener);

    /** {@return a copy of the entries kept, oldest first} */
    List<JournalEntry> entries();

    /**
     * The entries kept that {@code filter} accepts, oldest first.
     *
     * @param filter which entries to keep
     * @return the matching entries, a copy
     */
    default List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : entries()) {
            if (filter.test(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** {@return the datagrams received that decoded, oldest first} */
    default List<JournalEntry> received() {
        return entries(JournalEntry::isReceived);
    }

    /**
     * The DHCPv4 messages of {@code type} received, oldest first.
     *
     * @param type the message type
     * @return the entries
     */
    default List<JournalEntry> received(MessageType type) {
        return entries(e -> e.isReceived() && e.is(type));
    }

    /** {@return the datagrams the server sent, oldest first} */
    default List<JournalEntry> sent() {
        return entries(JournalEntry::isSent);
    }

    /**
     * The DHCPv4 messages of {@code type} the server sent, oldest first.
     *
     * @param type the message type
     * @return the entries
     */
    default List<JournalEntry> sent(MessageType type) {
        return entries(e -> e.isSent() && e.is(type));
    }

    /** {@return the datagrams that did not decode, oldest first} */
    default List<JournalEntry> rejected() {
        return entries(e -> e.kind() == JournalEntry.Kind.REJECTED);
    }

    /**
     * DHCPv6 messages received of {@code type} (relayed ones counted by the message inside), oldest first.
     *
     * @param type the DHCPv6 message type
     * @return the entries
     */
    default List<JournalEntry> received(Dhcp6MessageType type) {
        return entries(e -> e.isReceived() && e.is(type));
    }

    /**
     * DHCPv6 messages sent of {@code type} (RELAY-REPL counted by the message inside too), oldest first.
     *
     * @param type the DHCPv6 message type
     * @return the entries
     */
    default List<JournalEntry> sent(Dhcp6MessageType type) {
        return entries(e -> e.isSent() && e.is(type));
    }

    /**
     * Every DHCPv6 entry whose client identifier is {@code duid}, in either direction.
     *
     * @param duid the client's DUID
     * @return the entries, oldest first
     */
    default List<JournalEntry> forDuid(Duid duid) {
        return entries(e -> e.isV6() && e.clientDuid().map(duid::equals).orElse(false));
    }

    /**
     * Every entry whose message has chaddr {@code mac}, in either direction.
     *
     * @param mac the client's hardware address
     * @return the entries, oldest first
     */
    default List<JournalEntry> forClient(MacAddress mac) {
        return entries(e -> e.clientMac().map(mac::equals).orElse(false));
    }

    /** {@return how many entries are kept now, at most {@link #capacity()}} */
    int size();

    /** {@return how many entries the journal keeps before the oldest go} */
    int capacity();

    /** {@return how many entries were appended in all, kept or not} */
    long appended();

    /** {@return how many bytes the journal may take before the oldest entries go} */
    long maxBytes();

    /** {@return how many old entries were dropped to stay within the capacity or the byte bound} */
    long evicted();

    /**
     * {@return a line saying how many of the oldest entries the journal dropped, e.g. for a failure message, or ""
     * when it dropped none}
     */
    default String evictionNote() {
        long n = evicted();
        return n == 0 ? "" : "the journal dropped " + n + " oldest " + (n == 1 ? "entry" : "entries")
                + " (bounds: " + capacity() + " entries, " + maxBytes() + " bytes)";
    }

    /** {@return how many datagrams did not decode, in all} */
    long rejectedCount();

    /** Forgets every entry and zeroes the counters; sequence numbers go on from the last one given. */
    void clear();

    /** {@return the transcript of every entry kept, one line each, after a line on the entries dropped if any} */
    default String transcript() {
        String dropped = evictionNote();
        String lines = Transcript.of(entries());
        return dropped.isEmpty() ? lines : "(" + dropped + ")" + System.lineSeparator() + lines;
    }

    /**
     * Writes the entries kept as a pcap that Wireshark opens; a datagram the journal kept cut is written cut, its
     * record's captured length less than its original length, as tcpdump writes one past its snap length.
     *
     * @param file the file to write, replaced if it exists; missing parent directories are created
     * @throws IOException if the file cannot be written
     */
    default void writePcap(Path file) throws IOException {
        PcapExport.write(entries(), file);
    }
}
