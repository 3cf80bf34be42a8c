package dev.dhcpembedded.report;

import dev.dhcpembedded.journal.JournalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The document: its head (the style and script inline, a Content-Security-Policy that allows those two and nothing
 * else, so the page loads nothing and runs nothing injected), the summary, the failure, the legend and the ladder.
 */
final class Page {

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final String POLICY = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
            + sha256(JS) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private final String title;
    private final List<JournalEntry> entries;
    private final String evictionNote;
    private final String failure;
    private final OptionalLong closest;

    /** The most entries a page draws, the newest: a browser stays quick, and a failed test has far fewer. */
    static final int MAX_ENTRIES = 2_000;

    Page(String title, List<JournalEntry> entries, String evictionNote, String failure, OptionalLong closest) {
        this.title = title;
        int skip = Math.max(0, entries.size() - MAX_ENTRIES);
        this.entries = entries.subList(skip, entries.size());
        String left = skip == 0 ? "" : "the page leaves out the " + skip + " oldest entries (it draws the newest "
                + MAX_ENTRIES + "; the pcap has them all)";
        this.evictionNote = evictionNote.isEmpty() ? left : left.isEmpty() ? evictionNote : evictionNote + "; " + left;
        this.failure = failure;
        this.closest = closest;
    }

    String render() {
        StringBuilder out = new StringBuilder(4096 + entries.size() * 4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<meta name=\"generator\" content=\"dhcp-embedded\">")
                .append("<title>").append(Html.escape(title)).append("</title>")
                .append("<style>").append(CSS).append("</style></head>\n<body>");
        out.append("<header><h1>").append(Html.escape(title)).append("</h1>");
        summary(out);
        out.append("</header>\n");
        failure(out);
        legend(out, closest.isPresent());
        ladder(out);
        out.append("\n<script>").append(JS).append("</script></body></html>\n");
        return out.toString();
    }

    private void summary(StringBuilder out) {
        long received = entries.stream().filter(e -> e.kind() == JournalEntry.Kind.RECEIVED).count();
        long sent = entries.stream().filter(e -> e.kind() == JournalEntry.Kind.SENT).count();
        long rejected = entries.stream().filter(e -> e.kind() == JournalEntry.Kind.REJECTED).count();
        out.append("<p class=\"summary\">").append(entries.size()).append(entries.size() == 1 ? " entry" : " entries")
                .append(": ").append(received).append(" received, ").append(sent).append(" sent, ").append(rejected)
                .append(" dropped as malformed");
        if (!entries.isEmpty()) {
            out.append("; server time ").append(entries.get(0).serverTime()).append(" to ")
                    .append(entries.get(entries.size() - 1).serverTime());
        }
        out.append(".</p>");
        if (!evictionNote.isEmpty()) {
            out.append("<p class=\"evicted\">").append(Html.escape("Before these: " + evictionNote + ".")).append("</p>");
        }
        Map<String, List<Long>> stubs = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            Optional<String> n = Rows.stub(e.note());
            if (n.isPresent()) {
                stubs.computeIfAbsent(n.get(), k -> new ArrayList<>()).add(e.sequence());
                labels.putIfAbsent(n.get(), e.note());
            }
        }
        if (!stubs.isEmpty()) {
            out.append("<ul class=\"stubs\">");
            stubs.forEach((n, seqs) -> {
                out.append("<li><span class=\"badge stub\">stub #").append(n).append("</span> fired for");
                seqs.forEach(s -> out.append(" <a href=\"#m").append(s).append("\">#").append(s).append("</a>"));
                out.append(": ").append(Html.escape(labels.get(n))).append("</li>");
            });
            out.append("</ul>");
        }
    }

    private void failure(StringBuilder out) {
        if (failure.isEmpty() && closest.isEmpty()) {
            return;
        }
        out.append("<section class=\"failure\" id=\"failure\"><h2>The test failed</h2>");
        if (!failure.isEmpty()) {
            out.append("<pre>").append(Html.escape(failure)).append("</pre>");
        }
        if (closest.isPresent()) {
            Optional<JournalEntry> entry = entries.stream().filter(e -> e.sequence() == closest.getAsLong())
                    .findFirst();
            out.append("<p>The closest message: ");
            if (entry.isPresent()) {
                out.append("<a href=\"#m").append(closest.getAsLong()).append("\">#").append(closest.getAsLong())
                        .append(' ').append(Html.escape(Rows.label(entry.get()))).append("</a>, highlighted below.");
            } else {
                out.append('#').append(closest.getAsLong()).append(", no longer in the journal.");
            }
            out.append("</p>");
        }
        out.append("</section>\n");
    }

    private static void legend(StringBuilder out, boolean closest) {
        out.append("<nav class=\"legend\"><span><i class=\"sw received\"></i>to the server</span>")
                .append("<span><i class=\"sw sent\"></i>from the server</span>")
                .append("<span><i class=\"sw stub\"></i>a stub answered</span>")
                .append("<span><i class=\"sw malformed\"></i>malformed or dropped</span>")
                .append(closest ? "<span><i class=\"sw closest\"></i>closest to the failed expectation</span>" : "")
                .append("<button type=\"button\" id=\"expand\">open all</button>")
                .append("<button type=\"button\" id=\"collapse\">close all</button>")
                .append("<span class=\"hint\">Click an arrow for its decoded fields and bytes.</span></nav>\n");
    }

    private void ladder(StringBuilder out) {
        Ladder ladder = Ladder.of(entries);
        out.append("<main class=\"ladder\" data-entries=\"").append(entries.size()).append("\">");
        if (entries.isEmpty()) {
            out.append("<p class=\"empty\">The journal holds no entry: nothing reached the server.</p></main>");
            return;
        }
        Rows.heading(out, ladder.columns());
        for (Ladder.Arrow arrow : ladder.arrows()) {
            Rows.row(out, arrow, ladder.columns().size(), entries.get(0), closest);
            out.append('\n');
        }
        out.append("</main>");
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
