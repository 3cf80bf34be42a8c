package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.journal.JournalRecord;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.internal.ra.RaConfig;
import dev.dhcpembedded.internal.ra.RouterAdvertiser;
import dev.dhcpembedded.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;

/** A server's Router Advertisements: what it advertises as built, the sender while it runs, and their journal. */
final class RouterAdvertising {

    private final RaConfig config;
    private final String interfaceName;
    private final JournalStore journal;
    private final Clock clock;
    private final Clock wallClock;
    private volatile RouterAdvertiser advertiser;

    RouterAdvertising(RaConfig config, String interfaceName, JournalStore journal, Clock clock, Clock wallClock) {
        this.config = config;
        this.interfaceName = interfaceName;
        this.journal = journal;
        this.clock = clock;
        this.wallClock = wallClock;
    }

    /** Opens the ICMPv6 socket and starts advertising; every RA sent and RS heard goes in the journal. */
    void start() {
        RouterAdvertiser opened = new RouterAdvertiser(interfaceName, config,
                (sent, source, destination, bytes, note, error) -> {
                    InetSocketAddress from = new InetSocketAddress(source, 0); // ICMPv6: no ports
                    journal.append(new JournalRecord().of(sent ? JournalEntry.Kind.SENT : error != null
                                    ? JournalEntry.Kind.REJECTED : JournalEntry.Kind.RECEIVED, clock.millis(),
                            wallClock.millis()).ends6(from, new InetSocketAddress(destination, 0))
                            .peer(from, interfaceName).payload(bytes).note(note).error(error));
                });
        try {
            opened.start();
        } catch (IOException e) {
            opened.close();
            throw new UncheckedIOException(e.getMessage(), e);
        }
        advertiser = opened;
    }

    /** The running advertisements, for the test to change or count. */
    RouterAdvertisements running() {
        RouterAdvertiser running = advertiser;
        if (running == null) {
            throw new IllegalStateException("the server is not running; call start() first");
        }
        return new RouterAdvertisements(running);
    }

    /** Back to what was built, advertised at once. */
    void reset() {
        RouterAdvertiser running = advertiser;
        if (running != null) {
            running.update(changed -> config);
        }
    }

    /** Stops advertising; its last advertisement says this router is going. */
    void stop() {
        RouterAdvertiser running = advertiser;
        if (running != null) {
            running.close();
            advertiser = null;
        }
    }
}
