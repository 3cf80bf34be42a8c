package dev.dhcpembedded.report;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.journal.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/** What a message opens to: its frame, its decoded fields as a tree, and its bytes with the bad one marked. */
final class Pane {

    private static final int BYTES_PER_LINE = 16;

    private Pane() {
    }

    static void render(StringBuilder out, JournalEntry e, Instant start) {
        out.append("<div class=\"pane\">");
        tree(out, List.of(frame(e, start)));
        if (e.kind() != JournalEntry.Kind.TRANSPORT) {
            protocol(e).ifPresent(f -> tree(out, List.of(f)));
            hex(out, e.bytes(), e.originalLength(), e.error().map(DhcpCodecException::offset)
                    .map(OptionalInt::of).orElse(OptionalInt.empty()));
        }
        out.append("</div>");
    }

    private static Field frame(JournalEntry e, Instant start) {
        Field.Fields f = new Field.Fields()
                .add("Journal entry", "#" + e.sequence() + " (" + e.kind().name().toLowerCase() + ")")
                .add("Server time", e.serverTime() + " (" + Rows.offset(start, e.serverTime()) + ")")
                .add("Wall time", e.wallTime())
                .add("Interface", e.interfaceName());
        if (e.kind() != JournalEntry.Kind.TRANSPORT) {
            f.add("Source", Ladder.socket(e.source())).add("Destination", Ladder.socket(e.destination()));
            if (e.peer() != null) {
                f.add("Client's socket", Ladder.socket(e.peer()));
            }
            f.add("Length", e.originalLength() > e.bytes().length
                    ? e.originalLength() + " bytes, the journal kept " + e.bytes().length : e.bytes().length + " bytes");
            f.add("Transcript", e.transcriptLine());
        }
        f.add(e.kind() == JournalEntry.Kind.TRANSPORT ? "Event" : "Server's rule", e.note());
        e.error().ifPresent(x -> f.add("Malformed", x.reason() + " at offset " + x.offset()));
        return Field.group("Frame " + e.sequence(), "", f.list());
    }

    private static java.util.Optional<Field> protocol(JournalEntry e) {
        if (e.isIcmp6()) {
            return java.util.Optional.of(FieldsIcmp6.of(e.bytes()));
        }
        if (e.isV6()) {
            return e.message6().map(Fields6::of);
        }
        return e.message().map(Fields4::of);
    }

    /** Nested lists; a field with fields inside is a {@code <details>} that opens to them. */
    static void tree(StringBuilder out, List<Field> fields) {
        out.append("<ul class=\"tree\">");
        for (Field f : fields) {
            out.append("<li>");
            if (f.children().isEmpty()) {
                label(out, f);
            } else {
                out.append("<details class=\"node\"").append(f.label().startsWith("Option") ? "" : " open")
                        .append("><summary>");
                label(out, f);
                out.append("</summary>");
                tree(out, f.children());
                out.append("</details>");
            }
            out.append("</li>");
        }
        out.append("</ul>");
    }

    private static void label(StringBuilder out, Field f) {
        out.append("<span class=\"k\">").append(Html.escape(f.label())).append("</span>");
        if (!f.value().isEmpty()) {
            out.append(f.value().startsWith("(") ? " " : ": ");
            out.append("<span class=\"v\">").append(Html.escape(f.value())).append("</span>");
        }
    }

    /** Wireshark's bytes pane: offset, hex, ASCII; the byte a decode error points at is marked. */
    static void hex(StringBuilder out, byte[] bytes, int originalLength, OptionalInt bad) {
        out.append("<pre class=\"hex\">");
        for (int line = 0; line < bytes.length; line += BYTES_PER_LINE) {
            out.append(Hex.of(new byte[] {(byte) (line >>> 8), (byte) line}, 0, 2)).append("  ");
            StringBuilder ascii = new StringBuilder();
            for (int i = line; i < line + BYTES_PER_LINE; i++) {
                if (i >= bytes.length) {
                    out.append(i == line + 7 ? "    " : "   ");
                    continue;
                }
                int b = bytes[i] & 0xFF;
                char c = b >= 0x20 && b < 0x7f ? (char) b : '.';
                String h = Hex.of(bytes, i, 1);
                String a = Html.escape(String.valueOf(c));
                if (bad.isPresent() && bad.getAsInt() == i) {
                    h = "<mark>" + h + "</mark>";
                    a = "<mark>" + a + "</mark>";
                }
                out.append(h).append(i == line + 7 ? "  " : " ");
                ascii.append(a);
            }
            out.append(' ').append(ascii).append('\n');
        }
        if (bad.isPresent() && bad.getAsInt() >= bytes.length) {
            out.append("(the decode error is at offset ").append(bad.getAsInt()).append(", past the ")
                    .append(bytes.length).append(" bytes)\n");
        }
        if (originalLength > bytes.length) {
            out.append("(").append(originalLength - bytes.length).append(" more bytes were cut by the journal)\n");
        }
        out.append("</pre>");
    }
}
