package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import java.util.List;
import java.util.Optional;

/** What the assertions read: a journal, and the server when there is one (for its lease table). */
final class Traffic {

    private final String subject;
    private final Journal journal;
    private final Optional<DhcpServer> server;

    private Traffic(String subject, Journal journal, Optional<DhcpServer> server) {
        this.subject = subject;
        this.journal = journal;
        this.server = server;
    }

    static Traffic of(DhcpServer server) {
        return new Traffic("the server", server.journal(), Optional.of(server));
    }

    static Traffic of(Journal journal) {
        return new Traffic("the journal", journal, Optional.empty());
    }

    /** {@code the server} or {@code the journal}: the subject of failure messages. */
    String subject() {
        return subject;
    }

    /** A fresh snapshot of the journal. */
    List<JournalEntry> entries() {
        return journal.entries();
    }

    Journal journal() {
        return journal;
    }

    Optional<DhcpServer> server() {
        return server;
    }
}
