package dev.dhcpembedded.junit;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed test's report shows of its failure: the message without the transcript (the ladder draws it), and
 * the journal entry the project's assertions named as the closest to what was expected ("the closest is #7 ...").
 */
final class FailureText {

    /** How the near-miss report of {@code dev.dhcpembedded.junit.assertions} names the closest message. */
    private static final Pattern CLOSEST = Pattern.compile("the closest is #(\\d+)");
    private static final Pattern TRANSCRIPT = Pattern.compile("(?m)^Transcript\\b");
    private static final int MAX_DEPTH = 10;

    private FailureText() {
    }

    /** {@return the sequence of the closest message named by {@code failure} or one of its causes} */
    static OptionalLong closest(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = CLOSEST.matcher(t.getMessage());
                if (m.find()) {
                    return OptionalLong.of(Long.parseLong(m.group(1)));
                }
            }
        }
        return OptionalLong.empty();
    }

    /** {@return the failure as it reads: its type, then its message up to the transcript} */
    static String shown(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        Matcher transcript = TRANSCRIPT.matcher(message);
        if (transcript.find()) {
            message = message.substring(0, transcript.start()).stripTrailing()
                    + "\n(the transcript is the ladder below)";
        }
        return failure.getClass().getName() + (message.isEmpty() ? "" : ":\n" + message);
    }
}
