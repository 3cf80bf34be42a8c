package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.journal.Journal;

/** Assertions on a {@link Journal} alone (a server's lease table is not at hand: use {@code assertThat(server)}). */
public final class JournalAssert extends AbstractTrafficAssert<JournalAssert, Journal> {

    JournalAssert(Journal actual) {
        super(actual, JournalAssert.class);
    }

    @Override
    Traffic traffic() {
        return Traffic.of(actual);
    }
}
