package dev.dhcpembedded.internal.tftp;

import dev.dhcpembedded.internal.journal.JournalRecord;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.tftp.Fetch;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the netboot servers tell what happened: TFTP datagrams go in the server's journal as UDP entries whose note
 * begins with {@code TFTP } (as Wireshark's Info column names them), HTTP requests as notes; each fetch goes in the
 * list of fetches. Thread-safe.
 */
public final class TftpJournal {

    private final JournalStore journal;
    private final Clock clock;
    private final Clock wallClock;
    private final String interfaceName;
    private final List<Fetch> fetches = new CopyOnWriteArrayList<>();

    public TftpJournal(JournalStore journal, Clock clock, Clock wallClock, String interfaceName) {
        this.journal = journal;
        this.clock = clock;
        this.wallClock = wallClock;
        this.interfaceName = interfaceName == null ? "lo" : interfaceName;
    }

    /** A TFTP datagram received or sent; {@code note} follows {@code "TFTP "}. */
    public void datagram(JournalEntry.Kind kind, InetSocketAddress from, InetSocketAddress to, byte[] bytes,
                         int length, String note) {
        InetSocketAddress peer = kind == JournalEntry.Kind.SENT ? to : from;
        JournalRecord record = new JournalRecord().of(kind, clock.millis(), wallClock.millis())
                .ends(ipv4(from), port(from), ipv4(to), port(to))
                .peer(peer, interfaceName).payload(bytes, 0, length).note("TFTP " + note);
        journal.append(record);
    }

    /** An event with no datagram: an HTTP request served, or a TFTP transfer given up. */
    public void note(String note) {
        journal.append(new JournalRecord().of(JournalEntry.Kind.TRANSPORT, clock.millis(), wallClock.millis())
                .interfaceName(interfaceName).note(note));
    }

    /** Adds a fetch to the list. */
    public void fetched(Fetch fetch) {
        fetches.add(fetch);
    }

    /** Puts {@code now} in the place of {@code was} (a fetch found to have failed after it was listed). */
    public void replace(Fetch was, Fetch now) {
        fetches.replaceAll(f -> f == was ? now : f);
    }

    /** {@return the wall time now} */
    public Instant now() {
        return wallClock.instant();
    }

    /** {@return every fetch so far, oldest first} */
    public List<Fetch> fetches() {
        return List.copyOf(fetches);
    }

    /** Forgets the fetches (the server's reset). */
    public void clear() {
        fetches.clear();
    }

    private static int port(InetSocketAddress address) {
        return address == null ? 0 : address.getPort();
    }

    private static int ipv4(InetSocketAddress address) {
        return address != null && address.getAddress() instanceof Inet4Address a ? Ipv4.toInt(a) : 0;
    }
}
