package dev.dhcpembedded.report;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static org.assertj.core.api.Assertions.assertThat;


import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's structure, its escaping, and each kind of entry: DHCPv4, DHCPv6, ICMPv6, dropped, transport. */
class HtmlReportTest {

    static List<String> all(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return out;
    }

    @Test
    void one_arrow_per_entry_in_journal_order_each_a_row_that_opens_to_its_fields() {
        Journal journal = SampleJournals.everyKind();
        String html = HtmlReport.of(journal).render();

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(all("<g class=\"arrow [^\"]*\" data-seq=\"(\\d+)\"", html))
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(all("<details class=\"msg ([a-z]+)", html))
                .containsExactly("received", "sent", "received", "sent", "sent", "rejected", "transport");
        assertThat(html).contains("data-entries=\"7\"")
                .contains("7 entries: 2 received, 3 sent, 1 dropped as malformed");
    }

    @Test
    void columns_are_the_clients_and_servers_dhcpv4_left_and_dhcpv6_right() {
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        assertThat(all("<text x=\"\\d+\" y=\"18\" text-anchor=\"middle\" class=\"title\">([^<]*)</text>", html))
                .containsExactly("client 02:00:00:00:00:42", "peer", "DHCPv4 server", "DHCPv6 server",
                        "router (RA)", "DHCPv6 client", "all nodes");
    }

    @Test
    void a_dhcpv4_arrow_is_labelled_with_type_xid_addresses_offset_and_rule() {
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        assertThat(html).contains(">DHCP Discover \u00b7 xid 0x00003d1d</text>")
                .contains(">0.0.0.0:68 \u2192 255.255.255.255:67</text>")
                .contains("on the server's clock\">+0.012 s</span>").contains("in real time\">wall +0.012 s</span>")
                .contains("DISCOVER: offer a free pool address</span></summary>")
                .contains("<span class=\"k\">Option (54) SERVER_IDENTIFIER</span>: <span class=\"v\">10.20.0.1</span>")
                .contains("<span class=\"k\">Your (client) IP address (yiaddr)</span>: <span class=\"v\">10.20.0.100");
    }

    @Test
    void a_stub_that_fired_is_marked_on_its_arrow_and_listed() {
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        assertThat(html).contains("<details class=\"msg sent stub\" id=\"m2\" data-seq=\"2\" data-kind=\"sent\" "
                + "data-stub=\"1\">").contains("<g class=\"arrow sent stub\" data-seq=\"2\"")
                .contains("<span class=\"badge stub\">stub #1</span> fired for <a href=\"#m2\">#2</a>");
        assertThat(all("class=\"arrow [^\"]*stub", html)).hasSize(1);
    }

    @Test
    void dhcpv6_decodes_the_duid_the_ia_and_its_address() {
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        assertThat(html).contains(">DHCPv6 Solicit \u00b7 xid 0x100874</text>")
                .contains(">[fe80::66]:546 \u2192 [ff02::1:2]:547</text>")
                .contains("DUID-LLT, time 2020-01-01T00:00:00Z, MAC 02:00:00:00:00:66")
                .contains("<span class=\"k\">Option (3) IA_NA</span>: <span class=\"v\">IAID 7, T1 1800 s, T2 2880 s")
                .contains("<span class=\"v\">2001:db8:1::100, preferred 3600 s, valid 7200 s</span>")
                .contains("<span class=\"k\">Option (23) DNS_SERVERS</span>: <span class=\"v\">2001:db8:1::53</span>")
                .contains("DUID with MAC 02:00:00:00:00:66");
    }

    @Test
    void a_router_advertisement_decodes_its_flags_and_prefix() {
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        assertThat(html).contains(">Router Advertisement</text>").contains(">fe80::1 \u2192 ff02::1</text>")
                .contains("Managed address configuration (M)</span>: <span class=\"v\">set")
                .contains("<span class=\"k\">Prefix information</span>: <span class=\"v\">2001:db8:1::/64")
                .contains("<span class=\"k\">Router lifetime</span>: <span class=\"v\">1800 s");
    }

    @Test
    void a_dropped_datagram_shows_its_reason_and_the_offset_in_its_bytes() {
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        assertThat(html).contains("<details class=\"msg rejected malformed\" id=\"m6\"")
                .contains("<g class=\"arrow rejected malformed\" data-seq=\"6\"")
                .contains("<span class=\"badge malformed\">dropped</span> dropped: packet of 5 bytes is shorter")
                .contains("Malformed</span>: <span class=\"v\">packet of 5 bytes is shorter than the 236-byte header"
                        + " at offset 5")
                .contains("(the decode error is at offset 5, past the 5 bytes)")
                .contains("<path class=\"cross\"");
    }

    @Test
    void a_hostile_hostname_and_note_are_text_never_markup() {
        String html = HtmlReport.of(SampleJournals.everyKind()).titled("<title>" + SampleJournals.HOSTILE).failed("expected " + SampleJournals.HOSTILE)
                .render();
        assertThat(html).doesNotContain("<img").doesNotContain("onerror=alert(1)>")
                .doesNotContain("alert('owned')").doesNotContain("<EOF>")
                .contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img").contains("&lt;EOF&gt;");
        assertThat(all("<script", html)).as("the page's own script only").hasSize(1);
        assertThat(all("<title>", html.substring(0, html.indexOf("</head>")))).hasSize(1);
    }

    @Test
    void control_characters_and_lone_surrogates_show_as_text() {
        assertThat(Html.escape("a\u0000b\u001bc\ud800d\uD83D\uDE00 <&>\"'"))
                .isEqualTo("a\\x00b\\x1bc\uFFFDd\uD83D\uDE00 &lt;&amp;&gt;&quot;&#39;");
    }

    @Test
    void the_page_loads_nothing_and_its_policy_allows_its_own_style_and_script_only() throws Exception {
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:|//)").doesNotContain("@import")
                .doesNotContain("url(");
        String policy = all("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"", html).get(0);
        assertThat(policy).startsWith("default-src 'none'; ");
        String style = all("(?s)<style>(.*?)</style>", html).get(0);
        String script = all("(?s)<script>(.*?)</script>", html).get(0);
        assertThat(policy).contains("style-src '" + sha256(style) + "'").contains("script-src '" + sha256(script)
                + "'");
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_failure_is_shown_and_its_closest_message_highlighted_and_open() {
        String html = HtmlReport.of(SampleJournals.everyKind()).failed("Expecting a REQUEST\nbut none").closest(3).render();
        assertThat(html).contains("<pre>Expecting a REQUEST\nbut none</pre>")
                .contains("The closest message: <a href=\"#m3\">#3 DHCPv6 Solicit \u00b7 xid 0x100874</a>");
        assertThat(all("<g class=\"arrow [^\"]*closest[^\"]*\" data-seq=\"(\\d+)\"", html)).containsExactly("3");
        assertThat(all("<details class=\"msg [^\"]*closest[^\"]*\" id=\"m(\\d+)\"[^>]* open>", html))
                .containsExactly("3");
    }

    @Test
    void a_closest_message_the_journal_dropped_is_named_as_such() {
        assertThat(HtmlReport.of(SampleJournals.everyKind()).closest(99).render()).contains("#99, no longer in the journal.")
                .doesNotContain("closest to the failed expectation</span> ");
    }

    @Test
    void a_long_journal_is_drawn_by_its_newest_entries() {
        Journal journal = SampleJournals.everyKind();
        java.util.List<dev.dhcpembedded.journal.JournalEntry> many = new java.util.ArrayList<>();
        while (many.size() < Page.MAX_ENTRIES + 5) {
            many.addAll(journal.entries());
        }
        String html = HtmlReport.of(many).render();
        assertThat(all("<g class=\"arrow ", html)).hasSize(Page.MAX_ENTRIES);
        assertThat(html).contains("Before these: the page leaves out the " + (many.size() - Page.MAX_ENTRIES)
                + " oldest entries (it draws the newest 2000; the pcap has them all).");
    }

    @Test
    void an_empty_journal_says_so() {
        assertThat(HtmlReport.of(new JournalStore(10)).render()).contains("0 entries")
                .contains("The journal holds no entry").doesNotContain("<g class=\"arrow");
    }

    @Test
    void a_real_server_exchange_with_a_stub_and_a_malformed_reply(@TempDir Path tmp) throws Exception {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = DhcpServer.builder().transport(memory)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")).start()) {
            server.stub(onDiscover().respond(defaultReply().malformed(
                    dev.dhcpembedded.stub.Responses.badOptionLength(OptionCode.ROUTER, 200))));
            memory.deliver(DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).htype(1).xid(0x3d1d)
                    .chaddr("02:00:00:00:00:42").messageType(MessageType.DISCOVER).option(DhcpOption.of(OptionCode.HOST_NAME, SampleJournals.HOSTILE.getBytes(StandardCharsets.UTF_8))).build()),
                    InMemoryTransport.CLIENT);
            Path file = tmp.resolve("sub/dir/report.html");
            HtmlReport.write(server.journal(), file);

            String html = Files.readString(file);
            assertThat(all("<g class=\"arrow ([^\"]*)\" data-seq", html))
                    .containsExactly("received stub", "sent stub malformed");
            assertThat(all("<text x=\"\\d+\" y=\"18\" text-anchor=\"middle\" class=\"title\">([^<]*)</text>", html))
                    .as("the malformed reply goes to the client that asked").containsExactly(
                            "client 02:00:00:00:00:42", "DHCPv4 server");
            assertThat(html).contains("DHCP (malformed)").contains("option 3 length 200").doesNotContain("<img");
        }
    }
}
