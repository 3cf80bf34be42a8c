package dev.dhcpembedded.report;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.internal.wire.RouterAdvertisement;
import dev.dhcpembedded.journal.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ladder: a heading row naming the columns, then one row per journal entry, each an SVG strip with the
 * columns' lifelines and the entry's arrow, between its time offset and the rule the server answered by. A row is a
 * {@code <details>} element that opens to the message's {@link Pane}.
 */
final class Rows {

    static final int COLUMN_WIDTH = 250;
    static final int ROW_HEIGHT = 46;
    private static final int ARROW_Y = 24;
    private static final Pattern STUB = Pattern.compile("^stub #(\\d+)");

    private Rows() {
    }

    static void heading(StringBuilder out, List<Ladder.Column> columns) {
        int width = columns.size() * COLUMN_WIDTH;
        out.append("<div class=\"row heads\"><span class=\"when\">entry, time</span>")
                .append("<svg class=\"lane\" width=\"").append(width).append("\" height=\"44\" viewBox=\"0 0 ")
                .append(width).append(" 44\" role=\"img\" aria-label=\"columns\">");
        for (int i = 0; i < columns.size(); i++) {
            Ladder.Column c = columns.get(i);
            int x = center(i);
            out.append("<g class=\"head ").append(c.server() ? "server" : "client").append("\">")
                    .append("<title>").append(Html.escape(c.title() + " " + c.subtitle())).append("</title>")
                    .append("<text x=\"").append(x).append("\" y=\"18\" text-anchor=\"middle\" class=\"title\">")
                    .append(Html.escape(clip(c.title(), 40))).append("</text>")
                    .append("<text x=\"").append(x).append("\" y=\"36\" text-anchor=\"middle\" class=\"sub\">")
                    .append(Html.escape(clip(c.subtitle(), 44))).append("</text></g>");
        }
        out.append("</svg><span class=\"rule\">the server's rule</span></div>");
    }

    static void row(StringBuilder out, Ladder.Arrow arrow, int columns, JournalEntry first, OptionalLong closest) {
        Instant start = first.serverTime();
        JournalEntry e = arrow.entry();
        String kind = e.kind().name().toLowerCase(Locale.ROOT);
        Optional<String> stub = stub(e.note());
        boolean malformed = e.kind() != JournalEntry.Kind.TRANSPORT && !decoded(e);
        boolean isClosest = closest.isPresent() && closest.getAsLong() == e.sequence();
        String classes = kind + (stub.isPresent() ? " stub" : "") + (malformed ? " malformed" : "")
                + (isClosest ? " closest" : "");
        out.append("<details class=\"msg ").append(classes).append("\" id=\"m").append(e.sequence())
                .append("\" data-seq=\"").append(e.sequence()).append("\" data-kind=\"").append(kind).append('"');
        stub.ifPresent(n -> out.append(" data-stub=\"").append(n).append('"'));
        out.append(isClosest ? " open" : "").append("><summary class=\"row\">");
        out.append("<span class=\"when\"><a class=\"seq\" href=\"#m").append(e.sequence()).append("\">#")
                .append(e.sequence()).append("</a> <span class=\"t\" title=\"on the server's clock\">")
                .append(offset(start, e.serverTime())).append("</span><span class=\"w\" title=\"in real time\">")
                .append("wall ").append(offset(first.wallTime(), e.wallTime())).append("</span></span>");
        svg(out, arrow, columns, classes, label(e), addresses(e));
        out.append("<span class=\"rule\">");
        stub.ifPresent(n -> out.append("<span class=\"badge stub\">stub #").append(n).append("</span> "));
        if (isClosest) {
            out.append("<span class=\"badge closest\">closest to the failed expectation</span> ");
        }
        if (malformed) {
            out.append("<span class=\"badge malformed\">")
                    .append(e.kind() == JournalEntry.Kind.REJECTED ? "dropped" : "malformed").append("</span> ");
        }
        out.append(Html.escape(e.note())).append("</span></summary>");
        Pane.render(out, e, start);
        out.append("</details>");
    }

    private static void svg(StringBuilder out, Ladder.Arrow arrow, int columns, String classes, String label,
            String addresses) {
        int width = columns * COLUMN_WIDTH;
        out.append("<svg class=\"lane\" width=\"").append(width).append("\" height=\"").append(ROW_HEIGHT)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(ROW_HEIGHT).append("\" role=\"img\"")
                .append(" aria-label=\"").append(Html.escape(label + ", " + addresses)).append("\">");
        for (int i = 0; i < columns; i++) {
            out.append("<line class=\"life\" x1=\"").append(center(i)).append("\" y1=\"0\" x2=\"").append(center(i))
                    .append("\" y2=\"").append(ROW_HEIGHT).append("\"/>");
        }
        int from = center(arrow.from());
        int to = center(arrow.to());
        out.append("<g class=\"arrow ").append(classes).append("\" data-seq=\"").append(arrow.entry().sequence())
                .append("\" data-from=\"").append(arrow.from()).append("\" data-to=\"").append(arrow.to()).append("\">");
        int mid;
        if (from == to) { // a transport event: a mark on the server's lifeline
            mid = from;
            out.append("<circle class=\"event\" cx=\"").append(from).append("\" cy=\"").append(ARROW_Y)
                    .append("\" r=\"6\"/>");
        } else {
            mid = (from + to) / 2;
            int dir = to > from ? 1 : -1;
            int end = to - dir * 4;
            out.append("<line class=\"shaft\" x1=\"").append(from).append("\" y1=\"").append(ARROW_Y).append("\" x2=\"")
                    .append(end).append("\" y2=\"").append(ARROW_Y).append("\"/>")
                    .append("<path class=\"head\" d=\"M").append(end).append(' ').append(ARROW_Y).append(" l")
                    .append(-dir * 10).append(" -5 v10 z\"/>");
            if (arrow.entry().kind() == JournalEntry.Kind.REJECTED) {
                out.append("<path class=\"cross\" d=\"M").append(end - dir * 22).append(' ').append(ARROW_Y - 6)
                        .append(" l12 12 m0 -12 l-12 12\"/>");
            }
        }
        out.append("<text class=\"label\" x=\"").append(mid).append("\" y=\"").append(ARROW_Y - 7)
                .append("\" text-anchor=\"middle\">").append(Html.escape(clip(label, 44))).append("</text>")
                .append("<text class=\"addr\" x=\"").append(mid).append("\" y=\"").append(ARROW_Y + 16)
                .append("\" text-anchor=\"middle\">").append(Html.escape(clip(addresses, 60))).append("</text>")
                .append("</g></svg>");
    }

    /** {@code DHCP Request · xid 0x3c7d5ed6}, {@code DHCPv6 Solicit · xid 0x001234}, {@code Router Advertisement}. */
    static String label(JournalEntry e) {
        if (e.kind() == JournalEntry.Kind.TRANSPORT) {
            return "transport event";
        }
        if (e.isIcmp6()) {
            int type = e.bytes().length > 0 ? e.bytes()[0] & 0xFF : -1;
            String name = type == RouterAdvertisement.TYPE_RA ? "Router Advertisement"
                    : type == RouterAdvertisement.TYPE_RS ? "Router Solicitation" : "ICMPv6 type " + type;
            return decoded(e) ? name : name + " (malformed)";
        }
        if (e.isV6()) {
            return e.message6().map(Rows::label6).orElse("DHCPv6 (malformed)");
        }
        return e.message().map(Rows::label4).orElse("DHCP (malformed)");
    }

    private static String label4(DhcpMessage m) {
        return m.messageType().map(t -> "DHCP " + t.wiresharkName()).orElse("BOOTP")
                + String.format(" \u00b7 xid 0x%08x", m.xid());
    }

    private static String label6(Dhcp6Message m) {
        StringBuilder out = new StringBuilder("DHCPv6 ");
        Dhcp6Message inner = m;
        while (inner.isRelay()) {
            out.append(inner.type().map(Dhcp6MessageType::wiresharkName).orElse("Relay")).append(" \u25b8 ");
            Optional<Dhcp6Message> next = inner.relayMessage();
            if (next.isEmpty()) {
                return out.append("(no relayed message)").toString();
            }
            inner = next.get();
        }
        return out.append(inner.type().map(Dhcp6MessageType::wiresharkName).orElse("Unknown (" + inner.messageCode()
                + ")")).append(String.format(" \u00b7 xid 0x%06x", inner.transactionId())).toString();
    }

    /** {@code 0.0.0.0:68 → 255.255.255.255:67}. */
    static String addresses(JournalEntry e) {
        if (e.kind() == JournalEntry.Kind.TRANSPORT) {
            return e.interfaceName();
        }
        if (e.isIcmp6()) {
            return Ladder.address(e.source().getAddress()) + " \u2192 " + Ladder.address(e.destination().getAddress());
        }
        return Ladder.socket(e.source()) + " \u2192 " + Ladder.socket(e.destination());
    }

    static boolean decoded(JournalEntry e) {
        if (e.isIcmp6()) {
            return e.kind() != JournalEntry.Kind.REJECTED && e.error().isEmpty()
                    && !RouterAdvertisement.info(e.bytes()).contains("[Malformed");
        }
        return e.isV6() ? e.message6().isPresent() : e.message().isPresent();
    }

    /** The number of the stub the note names, e.g. {@code 2} for {@code stub #2 (DISCOVER -> ignore, once)}. */
    static Optional<String> stub(String note) {
        Matcher m = STUB.matcher(note);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code +0.021 s}: the time since the first entry, on the server's clock. */
    static String offset(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        String sign = d.isNegative() ? "-" : "+";
        d = d.abs();
        return String.format("%s%d.%03d s", sign, d.getSeconds(), d.toMillisPart());
    }

    static int center(int column) {
        return column * COLUMN_WIDTH + COLUMN_WIDTH / 2;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
