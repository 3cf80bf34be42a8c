package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.journal.JournalEntry;

/**
 * One rule a client's message broke.
 *
 * @param rule   the rule
 * @param entry  the journal entry of the message that broke it
 * @param detail what the message did, e.g. {@code in SELECTING, has no server identifier (54)}
 */
public record Rfc2131Violation(Rfc2131Rule rule, JournalEntry entry, String detail) {

    /** {@code #3 REQUEST (xid 0x0000002a): in SELECTING, has no server identifier (54)}. */
    @Override
    public String toString() {
        return Report.ref(entry) + ": " + detail;
    }
}
