package dev.dhcpembedded.internal.journal;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.net.InetSocketAddress;

/**
 * The server's side of the journal: making one, and the packet path's allocation-free way of writing to it.
 * Users only read a journal; the journal package installs the implementation when {@code Journal} is loaded.
 */
public final class JournalAccess {

    /** What the journal package gives this class. */
    public interface Writer {
        Journal create(int capacity);

        long record(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                    int sourceIp, int sourcePort, int destinationIp, int destinationPort, InetSocketAddress peer,
                    String interfaceName, byte[] bytes, String note, DhcpCodecException error);

        long record(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                    int sourceIp, int sourcePort, int destinationIp, int destinationPort, InetSocketAddress peer,
                    String interfaceName, byte[] bytes, int offset, int length, CharSequence note,
                    DhcpCodecException error);

        long record6(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                     InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                     String interfaceName, byte[] bytes, String note, DhcpCodecException error);

        long record6(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                     InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                     String interfaceName, byte[] bytes, int offset, int length, String note,
                     DhcpCodecException error);

        long recordTransport(Journal journal, long serverTimeMillis, long wallTimeMillis, String interfaceName,
                             String note);

        JournalEntry entryOf(DhcpMessage message);
    }

    private static volatile Writer writer;

    private JournalAccess() {
    }

    /**
     * Called once by {@code Journal}'s class initialiser.
     *
     * @param journalPackage the journal package's writer
     */
    public static void install(Writer journalPackage) {
        if (writer != null) {
            throw new IllegalStateException("JournalAccess.install is for Journal alone");
        }
        writer = journalPackage;
    }

    private static Writer writer() {
        Writer w = writer;
        if (w == null) {
            try {
                Class.forName(Journal.class.getName(), true, Journal.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            w = writer;
        }
        return w;
    }

    /**
     * A new, empty journal.
     *
     * @param capacity how many entries it keeps before the oldest go
     * @return the journal
     */
    public static Journal create(int capacity) {
        return writer().create(capacity);
    }

    /**
     * Copies one datagram into the journal without making an object of it (the caller keeps {@code bytes});
     * addresses are IPv4 as ints.
     *
     * @return the entry's sequence number
     */
    public static long record(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                              int sourceIp, int sourcePort, int destinationIp, int destinationPort,
                              InetSocketAddress peer, String interfaceName, byte[] bytes, String note,
                              DhcpCodecException error) {
        return writer().record(journal, kind, serverTimeMillis, wallTimeMillis, sourceIp, sourcePort, destinationIp,
                destinationPort, peer, interfaceName, bytes, note, error);
    }

    /**
     * {@link #record} of the payload at {@code bytes[offset, offset + length)}, with a note that may be a reused
     * builder (its chars are copied): the packet path's way, which makes nothing per entry.
     *
     * @return the entry's sequence number
     */
    public static long record(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                              int sourceIp, int sourcePort, int destinationIp, int destinationPort,
                              InetSocketAddress peer, String interfaceName, byte[] bytes, int offset, int length,
                              CharSequence note, DhcpCodecException error) {
        return writer().record(journal, kind, serverTimeMillis, wallTimeMillis, sourceIp, sourcePort, destinationIp,
                destinationPort, peer, interfaceName, bytes, offset, length, note, error);
    }

    /** Records a DHCPv6 datagram; its addresses are IPv6 socket addresses. Returns the sequence number. */
    public static long record6(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                               InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                               String interfaceName, byte[] bytes, String note, DhcpCodecException error) {
        return writer().record6(journal, kind, serverTimeMillis, wallTimeMillis, source, destination, peer,
                interfaceName, bytes, note, error);
    }

    /** {@link #record6} of a payload at {@code bytes[offset, offset + length)}, copied: the caller keeps the array. */
    public static long record6(Journal journal, JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis,
                               InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                               String interfaceName, byte[] bytes, int offset, int length, String note,
                               DhcpCodecException error) {
        return writer().record6(journal, kind, serverTimeMillis, wallTimeMillis, source, destination, peer,
                interfaceName, bytes, offset, length, note, error);
    }

    /**
     * Records an event of the transport itself (no datagram), e.g. {@code channel to agent X closed: why}; it shows
     * in the transcript and is left out of a pcap.
     *
     * @return the entry's sequence number
     */
    public static long recordTransport(Journal journal, long serverTimeMillis, long wallTimeMillis,
                                       String interfaceName, String note) {
        return writer().recordTransport(journal, serverTimeMillis, wallTimeMillis, interfaceName, note);
    }

    /**
     * A stand-alone entry for a message that was never on a wire, so that assertions on one message can use the
     * same criteria as assertions on the journal.
     *
     * @param message the message
     * @return an entry received at the epoch from nowhere, holding {@code message}
     */
    public static JournalEntry entryOf(DhcpMessage message) {
        return writer().entryOf(message);
    }
}
