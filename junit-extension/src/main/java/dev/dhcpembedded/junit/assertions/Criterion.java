package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.journal.JournalEntry;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One thing a journaled message must show: how the expectation reads in a sentence, the field it concerns, the
 * expected value as a failure message prints it, and how the observed value prints. A criterion on the decoded
 * message alone (made by {@link #message}) also applies to a {@link DhcpMessage} that is in no journal.
 *
 * @param phrase          e.g. {@code with host name (12) "probe"}
 * @param field           e.g. {@code host name (12)}
 * @param expected        e.g. {@code "probe"}
 * @param observed        what the entry shows in that field
 * @param test            whether the entry meets it
 * @param weight          how much meeting it counts when the closest message is chosen
 * @param observedMessage what a message shows in that field; null for a criterion on more than the message
 * @param testMessage     whether a message meets it; null for a criterion on more than the message
 */
record Criterion(String phrase, String field, String expected, Function<JournalEntry, String> observed,
                 Predicate<JournalEntry> test, int weight, Function<DhcpMessage, String> observedMessage,
                 Predicate<DhcpMessage> testMessage) {

    /** A criterion on the journal entry: its addresses, its time or its place among the others. */
    Criterion(String phrase, String field, String expected, Function<JournalEntry, String> observed,
              Predicate<JournalEntry> test, int weight) {
        this(phrase, field, expected, observed, test, weight, null, null);
    }

    /** A criterion on the decoded message alone. */
    static Criterion message(String phrase, String field, String expected, Function<DhcpMessage, String> observed,
                             Predicate<DhcpMessage> test, int weight) {
        return new Criterion(phrase, field, expected, e -> observed.apply(e.message().orElseThrow()),
                e -> e.message().isPresent() && test.test(e.message().get()), weight, observed, test);
    }

    static Criterion message(String phrase, String field, String expected, Function<DhcpMessage, String> observed,
                             Predicate<DhcpMessage> test) {
        return message(phrase, field, expected, observed, test, 1);
    }

    boolean matches(JournalEntry entry) {
        try {
            return test.test(entry);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    String observedIn(JournalEntry entry) {
        try {
            return observed.apply(entry);
        } catch (RuntimeException malformed) {
            return "(malformed: " + malformed.getMessage() + ")";
        }
    }

    /** Whether {@code message} meets this criterion on the message alone. */
    boolean matches(DhcpMessage message) {
        try {
            return onMessage().test(message);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** What {@code message} shows in the field of this criterion on the message alone. */
    String observedIn(DhcpMessage message) {
        onMessage();
        try {
            return observedMessage.apply(message);
        } catch (RuntimeException malformed) {
            return "(malformed: " + malformed.getMessage() + ")";
        }
    }

    private Predicate<DhcpMessage> onMessage() {
        if (testMessage == null) {
            throw new IllegalStateException("'" + phrase + "' needs the journal entry, not only its message");
        }
        return testMessage;
    }
}
