package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.SecondServer;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the second server of a link ({@code server.secondServer()}). */
public final class SecondServerAssert extends AbstractAssert<SecondServerAssert, SecondServer> {

    SecondServerAssert(SecondServer actual) {
        super(actual, SecondServerAssert.class);
    }

    /**
     * It heard a REQUEST (or DECLINE, RELEASE) that names {@code serverIdentifier} in option 54: it saw the client
     * choose that server, and stayed silent.
     *
     * @param serverIdentifier the server the client chose, e.g. {@code "10.20.0.1"}
     * @return this assertion
     */
    public SecondServerAssert sawRequestNaming(String serverIdentifier) {
        isNotNull();
        List<JournalEntry> seen = actual.requestsNamingAnotherServer();
        boolean found = seen.stream().anyMatch(e -> e.message().flatMap(m -> m.serverIdentifier())
                .map(id -> id.getHostAddress().equals(serverIdentifier)).orElse(false));
        if (!found) {
            failWithMessage("Expecting second server %s%nto have seen a REQUEST naming server %s%nbut it saw %s",
                    actual.address().getHostAddress(), serverIdentifier, seen.isEmpty()
                            ? "no request naming another server"
                            : seen.stream().map(e -> e + " (" + e.note() + ")").collect(Collectors.joining(
                                    System.lineSeparator() + "  ", System.lineSeparator() + "  ", "")));
        }
        return this;
    }
}
