package dev.dhcpembedded.report;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A journal drawn as one self-contained HTML page, the picture of an exchange that a failed test leaves beside its
 * pcap: a ladder diagram with a column for each client and server and an arrow for each entry, labelled with its
 * type, transaction id, addresses, time offset and the rule the server answered by (the stub that fired, or the
 * RFC path); each arrow opens to the message's decoded fields and bytes, as Wireshark's details pane shows them.
 * The page loads nothing from the network and runs no script but its own (its Content-Security-Policy says so).
 *
 * <pre>{@code
 * HtmlReport.write(server.journal(), Path.of("target/exchange.html"));
 *
 * HtmlReport.of(server.journal()).titled("renewal test")
 *         .failed("Expecting the client to renew ...").closest(7)
 *         .write(Path.of("target/renewal.html"));
 * }</pre>
 *
 * <p>Instances are immutable: each {@code titled}, {@code failed} and {@code closest} returns a new report.
 */
public final class HtmlReport {

    private final List<JournalEntry> entries;
    private final String evictionNote;
    private final String title;
    private final String failure;
    private final OptionalLong closest;

    private HtmlReport(List<JournalEntry> entries, String evictionNote, String title, String failure,
            OptionalLong closest) {
        this.entries = entries;
        this.evictionNote = evictionNote;
        this.title = title;
        this.failure = failure;
        this.closest = closest;
    }

    /**
     * The report of the entries {@code journal} keeps now, with a line on those it dropped, if any.
     *
     * @param journal a server's journal, e.g. {@code server.journal()}
     * @return the report, titled "DHCP exchange"
     */
    public static HtmlReport of(Journal journal) {
        return new HtmlReport(journal.entries(), journal.evictionNote(), "DHCP exchange", "", OptionalLong.empty());
    }

    /**
     * The report of {@code entries}, e.g. those of one client.
     *
     * @param entries journal entries, oldest first
     * @return the report, titled "DHCP exchange"
     */
    public static HtmlReport of(List<JournalEntry> entries) {
        return new HtmlReport(List.copyOf(entries), "", "DHCP exchange", "", OptionalLong.empty());
    }

    /**
     * Writes the report of {@code journal} to {@code file}.
     *
     * @param journal a server's journal
     * @param file the file to write, replaced if it exists; missing parent directories are created
     * @throws IOException if the file cannot be written
     */
    public static void write(Journal journal, Path file) throws IOException {
        of(journal).write(file);
    }

    /**
     * The same report under another title, e.g. the test's name.
     *
     * @param title the page's title and heading
     * @return a new report
     */
    public HtmlReport titled(String title) {
        return new HtmlReport(entries, evictionNote, Objects.requireNonNull(title, "title"), failure, closest);
    }

    /**
     * The same report with a failure shown above the ladder, e.g. a failed assertion's message.
     *
     * @param failure what failed, as text (shown as it is, never read as HTML)
     * @return a new report
     */
    public HtmlReport failed(String failure) {
        return new HtmlReport(entries, evictionNote, title, Objects.requireNonNull(failure, "failure"), closest);
    }

    /**
     * The same report with the entry of journal sequence {@code sequence} highlighted as the message closest to the
     * failed expectation, and opened.
     *
     * @param sequence the entry's {@link JournalEntry#sequence()}
     * @return a new report
     */
    public HtmlReport closest(long sequence) {
        return new HtmlReport(entries, evictionNote, title, failure, OptionalLong.of(sequence));
    }

    /** {@return the page, a complete HTML document} */
    public String render() {
        return new Page(title, entries, evictionNote, failure, closest).render();
    }

    /**
     * Writes the page to {@code file} in UTF-8.
     *
     * @param file the file to write, replaced if it exists; missing parent directories are created
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }
}
