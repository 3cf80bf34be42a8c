package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/** The parts every failure message is made of: the closest message side by side, and the transcript. */
final class Report {

    /** How many transcript lines a failure message shows at most (the newest). */
    static final int TRANSCRIPT_LIMIT = 60;

    static final String DIFFERS = "  <<< differs";

    private Report() {
    }

    /**
     * The failure of a count assertion over journaled messages, or null when the count of candidates meeting every
     * criterion passes {@code countOk}: the expectation, then the messages that meet it (when some do), or else
     * the closest candidate side by side with the criteria, then the transcript. The DHCPv4 and the DHCPv6 message
     * assertions both fail through here.
     *
     * @param entries    the journal's entries, for the transcript
     * @param candidates the entries of the family and direction asserted on, with a decoded message
     */
    static String countFailure(Traffic traffic, Direction direction, List<JournalEntry> entries,
            List<JournalEntry> candidates, List<Criterion> criteria, IntPredicate countOk, String quantity) {
        List<JournalEntry> matching = new ArrayList<>();
        for (JournalEntry entry : candidates) {
            if (criteria.stream().allMatch(c -> c.matches(entry))) {
                matching.add(entry);
            }
        }
        if (countOk.test(matching.size())) {
            return null;
        }
        StringBuilder out = new StringBuilder("Expecting ").append(traffic.subject()).append(" to have ")
                .append(direction.verb()).append(' ').append(quantity).append(":\n  ")
                .append(criteria.stream().map(Criterion::phrase).collect(Collectors.joining(" "))).append('\n');
        if (!matching.isEmpty()) {
            out.append("but it ").append(direction.verb()).append(' ').append(matching.size()).append(": ")
                    .append(AbstractTrafficAssert.refs(matching)).append('\n');
        } else {
            Optional<JournalEntry> closest = closest(candidates, criteria);
            if (closest.isEmpty()) {
                out.append("but it ").append(direction.verb()).append(" no message at all\n");
            } else {
                out.append("but it ").append(direction.verb()).append(" none; the closest is ")
                        .append(ref(closest.get())).append(":\n").append(sideBySide(closest.get(), criteria));
            }
        }
        return out.append(transcript("Transcript", entries, traffic.journal())).toString();
    }

    /**
     * The failure of an assertion on a {@link DhcpMessage} or {@link Dhcp6Message} in no journal: the message, the
     * expectation, then the criterion side by side with the message.
     */
    static String messageFailure(Object message, Criterion criterion) {
        return "Expecting message:\n  " + message + "\nto be " + criterion.phrase() + "\n"
                + sideBySideAlone(message, List.of(criterion)).stripTrailing();
    }

    /** The entry meeting the most (weighted) criteria, DHCPv4 or DHCPv6; the newest wins a tie. */
    static Optional<JournalEntry> closest(List<JournalEntry> candidates, List<Criterion> criteria) {
        return candidates.stream().filter(e -> e.message().isPresent() || e.message6().isPresent())
                .max(Comparator.<JournalEntry>comparingInt(e -> score(e, criteria))
                        .thenComparingLong(JournalEntry::sequence));
    }

    static int score(JournalEntry entry, List<Criterion> criteria) {
        int score = 0;
        for (Criterion criterion : criteria) {
            if (criterion.matches(entry)) {
                score += criterion.weight();
            }
        }
        return score;
    }

    /**
     * A table of field, expected and observed, one row per criterion, rows that do not match marked:
     * <pre>
     *   field                        expected                 observed
     *   message type (53)            DISCOVER                 DISCOVER
     *   parameter request list (55)  contains [1, 3, 6, 121]  [1, 3, 6] (missing 121)  &lt;&lt;&lt; differs
     * </pre>
     */
    static String sideBySide(JournalEntry message, List<Criterion> criteria) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"field", "expected", "observed", ""});
        for (Criterion criterion : criteria) {
            rows.add(new String[] {criterion.field(), criterion.expected(), criterion.observedIn(message),
                criterion.matches(message) ? "" : DIFFERS});
        }
        return table(rows);
    }

    /** The same table for a DHCPv4 or DHCPv6 message that is in no journal, of criteria on the message alone. */
    private static String sideBySideAlone(Object message, List<Criterion> criteria) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"field", "expected", "observed", ""});
        for (Criterion criterion : criteria) {
            rows.add(new String[] {criterion.field(), criterion.expected(), criterion.observedAlone(message),
                criterion.matchesAlone(message) ? "" : DIFFERS});
        }
        return table(rows);
    }

    static String table(List<String[]> rows) {
        int fieldWidth = 0;
        int expectedWidth = 0;
        int observedWidth = 0;
        for (String[] row : rows) {
            fieldWidth = Math.max(fieldWidth, row[0].length());
            expectedWidth = Math.max(expectedWidth, row[1].length());
            if (!row[3].isEmpty()) {
                observedWidth = Math.max(observedWidth, row[2].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ").append(pad(row[0], fieldWidth)).append("  ")
                    .append(pad(row[1], expectedWidth)).append("  ");
            if (row[3].isEmpty()) {
                line.append(row[2]);
            } else {
                line.append(pad(row[2], observedWidth)).append(row[3]);
            }
            out.append(stripTrailing(line)).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code Transcript (3 entries):} then one line per entry, numbered as in the journal; first a line saying how many
     * of the oldest entries the journal dropped, if it dropped any (what was looked for may have been among them).
     */
    static String transcript(String title, List<JournalEntry> entries, Journal journal) {
        StringBuilder out = new StringBuilder(title).append(" (").append(entries.size())
                .append(entries.size() == 1 ? " entry" : " entries").append(')');
        String dropped = journal.evictionNote();
        if (entries.isEmpty()) {
            out.append(": nothing at all");
            return dropped.isEmpty() ? out.toString() : out.append("\n  (").append(dropped).append(')').toString();
        }
        out.append(':');
        if (!dropped.isEmpty()) {
            out.append("\n  (").append(dropped).append(')');
        }
        int skip = Math.max(0, entries.size() - TRANSCRIPT_LIMIT);
        if (skip > 0) {
            out.append("\n  ... ").append(skip).append(" earlier entries left out");
        }
        for (JournalEntry entry : entries.subList(skip, entries.size())) {
            out.append("\n  #").append(entry.sequence()).append(' ').append(entry.transcriptLine());
        }
        return out.toString();
    }

    static String ref(JournalEntry entry) {
        if (entry.isIcmp6()) {
            return "#" + entry.sequence() + " " + entry.transcriptLine();
        }
        if (entry.isV6()) {
            return "#" + entry.sequence() + " DHCPv6 " + entry.message6().map(m -> m.typeName()
                    + String.format(" (xid 0x%06x)", m.innermost().transactionId())).orElse("(malformed)");
        }
        return "#" + entry.sequence() + " " + entry.messageType().map(t -> t.name()).orElse("BOOTP")
                + entry.message().map(m -> String.format(" (xid 0x%08x)", m.xid())).orElse("");
    }

    static String plural(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    private static String pad(String text, int width) {
        StringBuilder out = new StringBuilder(text);
        while (out.length() < width) {
            out.append(' ');
        }
        return out.toString();
    }

    private static String stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
