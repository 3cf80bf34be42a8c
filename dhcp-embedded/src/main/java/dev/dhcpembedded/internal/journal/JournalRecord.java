package dev.dhcpembedded.internal.journal;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.journal.JournalEntry;
import java.net.InetSocketAddress;

/**
 * One entry to append to a {@link JournalStore}: the journal's one record type. A packet path keeps one per thread
 * and fills it for each datagram ({@link #of} clears what the last one set), so appending makes no object; the
 * journal copies what it keeps.
 */
public final class JournalRecord {

    private static final InetSocketAddress NOWHERE = JournalSlabs.socket(0, 0);
    private static final byte[] NO_BYTES = new byte[0];

    JournalEntry.Kind kind;
    long serverTimeMillis;
    long wallTimeMillis;
    int sourceIp;
    int sourcePort;
    int destinationIp;
    int destinationPort;
    /** The ends of a DHCPv6 or ICMPv6 entry; null for DHCPv4, whose ends are the ints above. */
    InetSocketAddress source6;
    InetSocketAddress destination6;
    InetSocketAddress peer = NOWHERE;
    String interfaceName = "";
    byte[] bytes = NO_BYTES;
    int offset;
    int length;
    CharSequence note = "";
    DhcpCodecException error;

    /**
     * Starts a record, clearing the previous one.
     *
     * @param kind received, rejected, sent or a transport event
     * @param serverTimeMillis the time on the server's clock
     * @param wallTimeMillis the real time
     * @return this record
     */
    public JournalRecord of(JournalEntry.Kind kind, long serverTimeMillis, long wallTimeMillis) {
        this.kind = kind;
        this.serverTimeMillis = serverTimeMillis;
        this.wallTimeMillis = wallTimeMillis;
        sourceIp = 0;
        sourcePort = 0;
        destinationIp = 0;
        destinationPort = 0;
        source6 = null;
        destination6 = null;
        peer = NOWHERE;
        interfaceName = "";
        bytes = NO_BYTES;
        offset = 0;
        length = 0;
        note = "";
        error = null;
        return this;
    }

    /** The IPv4 ends as a link shows them, addresses as ints. */
    public JournalRecord ends(int sourceIp, int sourcePort, int destinationIp, int destinationPort) {
        this.sourceIp = sourceIp;
        this.sourcePort = sourcePort;
        this.destinationIp = destinationIp;
        this.destinationPort = destinationPort;
        return this;
    }

    /** The IPv6 ends of a DHCPv6 datagram, or of an ICMPv6 message with port 0. */
    public JournalRecord ends6(InetSocketAddress source, InetSocketAddress destination) {
        this.source6 = source;
        this.destination6 = destination;
        return this;
    }

    /** The client's real socket address and the interface of the datagram. */
    public JournalRecord peer(InetSocketAddress peer, String interfaceName) {
        this.peer = peer;
        this.interfaceName = interfaceName;
        return this;
    }

    /** The interface, for an entry with no datagram (a transport event). */
    public JournalRecord interfaceName(String interfaceName) {
        this.interfaceName = interfaceName;
        return this;
    }

    /** The payload at {@code bytes[offset, offset + length)}; the journal copies it, the caller keeps the array. */
    public JournalRecord payload(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** The whole of {@code bytes} as the payload. */
    public JournalRecord payload(byte[] bytes) {
        return payload(bytes, 0, bytes.length);
    }

    /** What answered it, why nothing did, or what happened to the transport. */
    public JournalRecord note(CharSequence note) {
        this.note = note;
        return this;
    }

    /** Why the payload did not decode. */
    public JournalRecord error(DhcpCodecException error) {
        this.error = error;
        return this;
    }
}
