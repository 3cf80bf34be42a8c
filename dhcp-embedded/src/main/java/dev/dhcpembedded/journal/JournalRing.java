package dev.dhcpembedded.journal;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.codec.Ipv4;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The journal's storage: one slot per entry, as columns of primitives plus the payload and note references, so an
 * entry costs the garbage collector three objects (its bytes, its note and the note's characters) instead of a
 * dozen. {@link JournalEntry} objects are made when someone reads, and kept for the next read. Not thread-safe:
 * {@link Journal} locks around it.
 */
final class JournalRing {

    private static final JournalEntry.Kind[] KINDS = JournalEntry.Kind.values();

    private final int capacity;
    private final long[] sequence;
    private final long[] serverMillis;
    private final long[] wallMillis;
    private final byte[] kind;
    private final int[] sourceIp;
    private final int[] destinationIp;
    private final int[] peerIp;
    private final char[] sourcePort;
    private final char[] destinationPort;
    private final char[] peerPort;
    private final String[] interfaceName;
    private final String[] note;
    private final byte[][] bytes;
    private final DhcpCodecException[] error;
    private final JournalEntry[] read;

    JournalRing(int capacity) {
        this.capacity = capacity;
        sequence = new long[capacity];
        serverMillis = new long[capacity];
        wallMillis = new long[capacity];
        kind = new byte[capacity];
        sourceIp = new int[capacity];
        destinationIp = new int[capacity];
        peerIp = new int[capacity];
        sourcePort = new char[capacity];
        destinationPort = new char[capacity];
        peerPort = new char[capacity];
        interfaceName = new String[capacity];
        note = new String[capacity];
        bytes = new byte[capacity][];
        error = new DhcpCodecException[capacity];
        read = new JournalEntry[capacity];
    }

    /** Fills slot {@code at}; {@code bytes} is owned by the journal from now on. */
    void put(int at, long seq, long server, long wall, JournalEntry.Kind k, int srcIp, int srcPort, int dstIp,
             int dstPort, int peerAddress, int peerPortNumber, String iface, byte[] payload, String text,
             DhcpCodecException failure) {
        sequence[at] = seq;
        serverMillis[at] = server;
        wallMillis[at] = wall;
        kind[at] = (byte) k.ordinal();
        sourceIp[at] = srcIp;
        sourcePort[at] = (char) srcPort;
        destinationIp[at] = dstIp;
        destinationPort[at] = (char) dstPort;
        peerIp[at] = peerAddress;
        peerPort[at] = (char) peerPortNumber;
        interfaceName[at] = iface;
        bytes[at] = payload;
        note[at] = text;
        error[at] = failure;
        read[at] = null;
    }

    /** The entry in slot {@code at}, made on first read. */
    JournalEntry get(int at) {
        JournalEntry entry = read[at];
        if (entry == null) {
            entry = JournalEntry.stored(sequence[at], serverMillis[at], wallMillis[at], KINDS[kind[at]],
                    socket(sourceIp[at], sourcePort[at]), socket(destinationIp[at], destinationPort[at]),
                    socket(peerIp[at], peerPort[at]), interfaceName[at], bytes[at], note[at],
                    Optional.ofNullable(error[at]));
            read[at] = entry;
        }
        return entry;
    }

    void clear() {
        java.util.Arrays.fill(interfaceName, null);
        java.util.Arrays.fill(note, null);
        java.util.Arrays.fill(bytes, null);
        java.util.Arrays.fill(error, null);
        java.util.Arrays.fill(read, null);
    }

    int capacity() {
        return capacity;
    }

    static int ip(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        return ip instanceof Inet4Address ? Ipv4.toInt(ip) : 0x7F000001;
    }

    private static InetSocketAddress socket(int ip, int port) {
        return new InetSocketAddress(Ipv4.fromInt(ip), port);
    }
}
