package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;

/** Whether an assertion is about what the server received or what it sent. */
enum Direction {
    RECEIVED("received"),
    SENT("sent");

    private final String verb;

    Direction(String verb) {
        this.verb = verb;
    }

    String verb() {
        return verb;
    }

    boolean holds(JournalEntry entry) {
        return this == RECEIVED ? entry.isReceived() : entry.isSent();
    }

    /** The entries in this direction with a decoded message. */
    List<JournalEntry> candidates(List<JournalEntry> entries) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (holds(entry) && entry.message().isPresent()) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The DHCPv6 entries in this direction with a decoded message. */
    List<JournalEntry> candidates6(List<JournalEntry> entries) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.isV6() && holds(entry) && entry.message6().isPresent()) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The entries in this direction that meet every criterion. */
    List<JournalEntry> filter(List<JournalEntry> entries, List<Criterion> criteria) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : candidates(entries)) {
            if (criteria.stream().allMatch(c -> c.matches(entry))) {
                out.add(entry);
            }
        }
        return out;
    }
}
