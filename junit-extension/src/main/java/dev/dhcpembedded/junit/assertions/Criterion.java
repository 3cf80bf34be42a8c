package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.journal.JournalEntry;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One thing a journaled message must show: how the expectation reads in a sentence, the field it concerns, the
 * expected value as a failure message prints it, and how the observed value prints. A criterion on the decoded
 * message alone (made by {@link #message} for DHCPv4, {@link #message6} for DHCPv6) also applies to a
 * {@link DhcpMessage} or {@link Dhcp6Message} that is in no journal. DHCPv4 and DHCPv6 criteria go through the
 * same near-miss machinery ({@link Report#closest}, {@link Report#sideBySide}).
 *
 * @param phrase   e.g. {@code with host name (12) "probe"}
 * @param field    e.g. {@code host name (12)}
 * @param expected e.g. {@code "probe"}
 * @param observed what the entry shows in that field
 * @param test     whether the entry meets it
 * @param weight   how much meeting it counts when the closest message is chosen
 * @param alone    the same criterion on a message in no journal; null for a criterion on more than the message
 */
record Criterion(String phrase, String field, String expected, Function<JournalEntry, String> observed,
                 Predicate<JournalEntry> test, int weight, Alone<?> alone) {

    /**
     * A criterion on a message of type {@code M} alone.
     *
     * @param type     the message class, {@link DhcpMessage} or {@link Dhcp6Message}
     * @param observed what a message shows in the field
     * @param test     whether a message meets it
     */
    record Alone<M>(Class<M> type, Function<M, String> observed, Predicate<M> test) {

        boolean matches(Object message) {
            return type.isInstance(message) && test.test(type.cast(message));
        }

        String observedIn(Object message) {
            if (!type.isInstance(message)) {
                return "(a " + message.getClass().getSimpleName() + ", not a " + type.getSimpleName() + ")";
            }
            return observed.apply(type.cast(message));
        }
    }

    /** A criterion on the journal entry: its addresses, its time or its place among the others. */
    Criterion(String phrase, String field, String expected, Function<JournalEntry, String> observed,
              Predicate<JournalEntry> test, int weight) {
        this(phrase, field, expected, observed, test, weight, null);
    }

    /** A criterion on the decoded DHCPv4 message alone. */
    static Criterion message(String phrase, String field, String expected, Function<DhcpMessage, String> observed,
                             Predicate<DhcpMessage> test, int weight) {
        return new Criterion(phrase, field, expected, e -> observed.apply(e.message().orElseThrow()),
                e -> e.message().isPresent() && test.test(e.message().get()), weight,
                new Alone<>(DhcpMessage.class, observed, test));
    }

    static Criterion message(String phrase, String field, String expected, Function<DhcpMessage, String> observed,
                             Predicate<DhcpMessage> test) {
        return message(phrase, field, expected, observed, test, 1);
    }

    /**
     * A criterion on a decoded DHCPv6 message alone: the client's (or server's) message inside any relay layers,
     * in the journal as in a message given alone.
     */
    static Criterion message6(String phrase, String field, String expected, Function<Dhcp6Message, String> observed,
                              Predicate<Dhcp6Message> test, int weight) {
        Function<Dhcp6Message, String> inner = m -> observed.apply(m.innermost());
        Predicate<Dhcp6Message> innerTest = m -> test.test(m.innermost());
        return new Criterion(phrase, field, expected, e -> inner.apply(e.message6().orElseThrow()),
                e -> e.message6().isPresent() && innerTest.test(e.message6().get()), weight,
                new Alone<>(Dhcp6Message.class, inner, innerTest));
    }

    static Criterion message6(String phrase, String field, String expected, Function<Dhcp6Message, String> observed,
                              Predicate<Dhcp6Message> test) {
        return message6(phrase, field, expected, observed, test, 1);
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

    /** Whether the DHCPv4 {@code message} meets this criterion on the message alone. */
    boolean matches(DhcpMessage message) {
        return matchesAlone(message);
    }

    /** Whether the DHCPv6 {@code message} meets this criterion on the message alone. */
    boolean matches(Dhcp6Message message) {
        return matchesAlone(message);
    }

    /** Whether {@code message}, a {@link DhcpMessage} or {@link Dhcp6Message}, meets this criterion alone. */
    boolean matchesAlone(Object message) {
        Alone<?> check = onMessage();
        try {
            return check.matches(message);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** What {@code message}, a {@link DhcpMessage} or {@link Dhcp6Message}, shows in this criterion's field. */
    String observedAlone(Object message) {
        Alone<?> check = onMessage();
        try {
            return check.observedIn(message);
        } catch (RuntimeException malformed) {
            return "(malformed: " + malformed.getMessage() + ")";
        }
    }

    private Alone<?> onMessage() {
        if (alone == null) {
            throw new IllegalStateException("'" + phrase + "' needs the journal entry, not only its message");
        }
        return alone;
    }
}
