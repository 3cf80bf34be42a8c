package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * usedRapidCommit, stoppedForIpv6Only, declined, the RFC 4039 and RFC 8925 conformance rules, and the wall-clock
 * timing assertions, on journals whose wall time is a TestClock the test moves (no test sleeps).
 */
@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_modern_Test {

    static final String MAC = Wire.MAC;

    final TestClock clock = TestClock.at(Wire.START);
    final TestClock wall = TestClock.at(Instant.parse("2031-01-01T12:00:00Z"));
    final InMemoryTransport transport = new InMemoryTransport();
    final DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.20.0.1").rapidCommit()
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                    .leaseTime(Duration.ofSeconds(20)).ipv6OnlyPreferred(Duration.ofMinutes(30)))
            .clock(clock).wallClock(wall).start();

    @AfterEach
    void stop() {
        server.close();
    }

    List<DhcpMessage> send(DhcpMessageBuilder message) {
        return transport.exchange(message.build());
    }

    static DhcpMessageBuilder discover(int xid, int... prl) {
        return Wire.message(MessageType.DISCOVER, MAC, xid).option(DhcpOptions.parameterRequestList(
                prl.length == 0 ? new int[] {1, 3, 6} : prl));
    }

    // ---- rapid commit ----

    @Test
    void usedRapidCommit_passes_on_discover_with_80_and_the_rapid_ack() {
        List<DhcpMessage> replies = send(discover(1).option(DhcpOptions.rapidCommit()));
        org.assertj.core.api.Assertions.assertThat(replies).singleElement()
                .matches(m -> m.is(MessageType.ACK) && m.rapidCommit());
        assertThat(server).client(MAC).usedRapidCommit().hasLease("10.20.0.100").conformsToRfc2131();
    }

    @Test
    void usedRapidCommit_fails_without_80() {
        send(discover(1));
        assertThatThrownBy(() -> assertThat(server).client(MAC).usedRapidCommit())
                .hasMessageStartingWith("Expecting client 02:00:00:00:00:42 to have used rapid commit (RFC 4039): a"
                        + " DISCOVER with option 80 answered by an ACK with 80, and no REQUEST after it\n"
                        + "but none of its 1 DISCOVER carried option 80\n");
    }

    @Test
    void usedRapidCommit_fails_when_the_server_offered_instead() {
        server.stub(dev.dhcpembedded.stub.RequestMatcher.onDiscover()
                .respond(dev.dhcpembedded.stub.Responses.withoutRapidCommit()).once());
        send(discover(1).option(DhcpOptions.rapidCommit()));
        assertThatThrownBy(() -> assertThat(server).client(MAC).usedRapidCommit())
                .hasMessageContaining("but the server answered #1 DISCOVER (xid 0x00000001) with no ACK carrying"
                        + " option 80");
    }

    @Test
    void usedRapidCommit_fails_when_the_client_still_requests() {
        send(discover(1).option(DhcpOptions.rapidCommit()));
        send(Wire.selecting(MAC, 1, "10.20.0.100"));
        assertThatThrownBy(() -> assertThat(server).client(MAC).usedRapidCommit())
                .hasMessageContaining("but after the rapid ACK #2 ACK (xid 0x00000001) it still sent #3 REQUEST");
    }

    @Test
    void rapid_commit_in_a_release_breaks_rfc_4039() {
        send(discover(1).option(DhcpOptions.rapidCommit()));
        send(Wire.renewing(MAC, 2, "10.20.0.100").option(DhcpOptions.rapidCommit()));
        send(Wire.message(MessageType.RELEASE, MAC, 3).ciaddr("10.20.0.100")
                .option(DhcpOptions.serverIdentifier("10.20.0.1")).option(DhcpOptions.rapidCommit()));
        org.assertj.core.api.Assertions.assertThat(assertThat(server).client(MAC).rfc2131Violations())
                .extracting(Rfc2131Violation::rule).containsExactly(Rfc2131Rule.RAPID_COMMIT_PLACEMENT);
        assertThatThrownBy(() -> assertThat(server).client(MAC).conformsToRfc2131())
                .hasMessageContaining("#5 RELEASE (xid 0x00000003): is a RELEASE carrying rapid commit (80)");
    }

    // ---- IPv6-only preferred ----

    @Test
    void stoppedForIpv6Only_passes_when_no_request_follows_the_offer_with_108() {
        List<DhcpMessage> replies = send(discover(1, 1, 3, 108).option(DhcpOptions.rapidCommit()));
        org.assertj.core.api.Assertions.assertThat(replies.get(0).is(MessageType.OFFER)).isTrue();
        assertThat(server).client(MAC).stoppedForIpv6Only().conformsToRfc2131();
    }

    @Test
    void stoppedForIpv6Only_fails_when_the_client_requests_and_the_rule_is_broken() {
        send(discover(1, 1, 3, 108));
        send(Wire.selecting(MAC, 1, "10.20.0.100"));
        assertThatThrownBy(() -> assertThat(server).client(MAC).stoppedForIpv6Only())
                .hasMessageContaining("but after #2 OFFER (xid 0x00000001) it sent #3 REQUEST (xid 0x00000001)");
        assertThatThrownBy(() -> assertThat(server).client(MAC).conformsToRfc2131())
                .hasMessageContaining("#3 REQUEST (xid 0x00000001): follows #2 OFFER (xid 0x00000001), which"
                        + " carried IPv6-only preferred (108) 1800 s")
                .hasMessageContaining("rule IPV6_ONLY_NO_REQUEST");
    }

    @Test
    void a_request_after_v6only_wait_is_conformant_again() {
        send(discover(1, 1, 3, 108));
        clock.advance(Duration.ofMinutes(31));
        send(discover(2, 1, 3));
        send(Wire.selecting(MAC, 2, "10.20.0.100"));
        assertThat(server).client(MAC).conformsToRfc2131();
    }

    @Test
    void stoppedForIpv6Only_fails_without_an_offer_with_108() {
        send(discover(1, 1, 3));
        assertThatThrownBy(() -> assertThat(server).client(MAC).stoppedForIpv6Only())
                .hasMessageContaining("but the server sent it no OFFER with option 108");
    }

    @Test
    void the_server_sends_108_only_to_a_client_that_asked_for_it() {
        send(discover(1, 1, 3));
        List<DhcpMessage> acks = send(Wire.selecting(MAC, 1, "10.20.0.100")
                .option(DhcpOptions.parameterRequestList(1, 3, 108)));
        org.assertj.core.api.Assertions.assertThat(acks).singleElement()
                .matches(m -> m.hasOption(OptionCode.IPV6_ONLY_PREFERRED));
        org.assertj.core.api.Assertions.assertThat(assertThat(server).client(MAC).rfc2131Violations()).isEmpty();
    }

    @Test
    void an_offer_with_108_the_client_did_not_ask_for_breaks_rfc_8925() {
        server.stub(dev.dhcpembedded.stub.RequestMatcher.onDiscover().respond(dev.dhcpembedded.stub.Responses
                .defaultReply().withOption(DhcpOptions.ipv6OnlyPreferred(Duration.ofMinutes(5)))).once());
        send(discover(1, 1, 3));
        org.assertj.core.api.Assertions.assertThat(assertThat(server).client(MAC).rfc2131Violations())
                .extracting(Rfc2131Violation::rule).containsExactly(Rfc2131Rule.IPV6_ONLY_WHEN_ASKED);
        assertThatThrownBy(() -> assertThat(server).client(MAC).conformsToRfc2131())
                .hasMessageContaining("#2 OFFER (xid 0x00000001): is the server's OFFER carrying IPv6-only preferred"
                        + " (108), but the client's request of this xid did not ask for 108 in its parameter request"
                        + " list (55)")
                .hasMessageContaining("rule IPV6_ONLY_WHEN_ASKED");
        assertThat(server).client(MAC).conformsToRfc2131Except(Rfc2131Rule.IPV6_ONLY_WHEN_ASKED);
    }

    @Test
    void an_ack_with_108_after_a_request_without_it_breaks_rfc_8925() {
        server.stub(dev.dhcpembedded.stub.RequestMatcher.onRequest().respond(dev.dhcpembedded.stub.Responses
                .defaultReply().withOption(DhcpOptions.ipv6OnlyPreferred(Duration.ofMinutes(5)))).once());
        send(discover(1, 1, 3));
        send(Wire.selecting(MAC, 1, "10.20.0.100").option(DhcpOptions.parameterRequestList(1, 3)));
        org.assertj.core.api.Assertions.assertThat(assertThat(server).client(MAC).rfc2131Violations())
                .extracting(Rfc2131Violation::rule).containsExactly(Rfc2131Rule.IPV6_ONLY_WHEN_ASKED);
        assertThatThrownBy(() -> assertThat(server).client(MAC).conformsToRfc2131())
                .hasMessageContaining("#4 ACK (xid 0x00000001): is the server's ACK carrying IPv6-only preferred");
    }

    // ---- declined ----

    @Test
    void declined_passes_and_fails() {
        send(discover(1));
        send(Wire.selecting(MAC, 1, "10.20.0.100"));
        assertThatThrownBy(() -> assertThat(server).client(MAC).declined("10.20.0.100"))
                .hasMessageContaining("a DECLINE from 02:00:00:00:00:42");
        send(Wire.message(MessageType.DECLINE, MAC, 2).option(DhcpOptions.requestedIpAddress("10.20.0.100"))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")));
        assertThat(server).client(MAC).declined("10.20.0.100").hasNoLease().conformsToRfc2131();
        assertThatThrownBy(() -> assertThat(server).client(MAC).declined("10.20.0.101"))
                .hasMessageContaining("requested IP address (50)");
    }

    // ---- wall-clock timing ----

    private void leaseThenRenewAfter(Duration wait) {
        send(discover(1));
        send(Wire.selecting(MAC, 1, "10.20.0.100"));
        wall.advance(wait);
        send(Wire.renewing(MAC, 2, "10.20.0.100"));
    }

    @Test
    void renewedWithin_passes_at_t1_on_wall_time() {
        leaseThenRenewAfter(Duration.ofMillis(10_400));
        assertThat(server).client(MAC).renewedWithin(Duration.ofSeconds(8), Duration.ofSeconds(12));
    }

    @Test
    void renewedWithin_fails_too_early_and_too_late() {
        leaseThenRenewAfter(Duration.ofMillis(13_250));
        assertThatThrownBy(() -> assertThat(server).client(MAC)
                .renewedWithin(Duration.ofSeconds(8), Duration.ofSeconds(12)))
                .hasMessageStartingWith("Expecting client 02:00:00:00:00:42 to have renewed 8s to 12s after the ACK"
                        + " of its address (wall time)\nbut it renewed 13.250s after #4 ACK (xid 0x00000001): #5"
                        + " REQUEST (xid 0x00000002)");
        assertThatThrownBy(() -> assertThat(server).client(MAC)
                .renewedWithin(Duration.ofSeconds(14), Duration.ofSeconds(20)))
                .hasMessageContaining("but it renewed 13.250s after");
    }

    @Test
    void renewedWithin_ignores_the_server_clock() {
        send(discover(1));
        send(Wire.selecting(MAC, 1, "10.20.0.100"));
        clock.advance(Duration.ofSeconds(10));
        send(Wire.renewing(MAC, 2, "10.20.0.100"));
        assertThatThrownBy(() -> assertThat(server).client(MAC)
                .renewedWithin(Duration.ofSeconds(8), Duration.ofSeconds(12)))
                .hasMessageContaining("but it renewed 0s after");
    }

    @Test
    void renewedWithin_fails_without_a_renewal() {
        send(discover(1));
        assertThatThrownBy(() -> assertThat(server).client(MAC)
                .renewedWithin(Duration.ofSeconds(8), Duration.ofSeconds(12)))
                .hasMessageContaining("but it sent no RENEWING REQUEST");
    }

    private void discoversAfter(long... gapsMillis) {
        server.stub(dev.dhcpembedded.stub.RequestMatcher.onDiscover()
                .respond(dev.dhcpembedded.stub.Responses.ignore()));
        send(discover(7));
        for (long gap : gapsMillis) {
            wall.advance(Duration.ofMillis(gap));
            send(discover(7));
        }
    }

    @Test
    void retransmittedWithBackoff_passes_on_rfc_2131_schedule() {
        discoversAfter(4_300, 7_200, 16_900, 31_500);
        assertThat(server).client(MAC).retransmittedWithBackoff();
    }

    @Test
    void retransmittedWithBackoff_fails_on_a_fixed_interval() {
        discoversAfter(4_000, 4_000, 4_000);
        assertThatThrownBy(() -> assertThat(server).client(MAC).retransmittedWithBackoff())
                .hasMessageStartingWith("Expecting client 02:00:00:00:00:42 to have retransmitted with backoff [4s,"
                        + " 8s, 16s, 32s, 64s, ...] ±1s (wall time)\nbut retransmission 2 #3 DISCOVER (xid"
                        + " 0x00000007) came 4s after the previous copy, not 8s ±1s\n  intervals: [4s, 4s, 4s] of"
                        + " DISCOVER xid 0x00000007\n");
    }

    @Test
    void retransmittedWithBackoff_fails_without_a_retransmission() {
        send(discover(7));
        assertThatThrownBy(() -> assertThat(server).client(MAC).retransmittedWithBackoff())
                .hasMessageContaining("but it never sent the same message (type and xid) twice");
    }

    @Test
    void retransmittedWithBackoff_takes_a_clients_own_schedule() {
        discoversAfter(1_000, 3_100, 3_000, 2_900);
        assertThat(server).client(MAC).retransmittedWithBackoff(List.of(Duration.ofSeconds(1),
                Duration.ofSeconds(3)));
        assertThatThrownBy(() -> assertThat(server).client(MAC).retransmittedWithBackoff(List.of(
                Duration.ofSeconds(1), Duration.ofSeconds(3)), Duration.ofMillis(50)))
                .hasMessageContaining("retransmission 2 #3 DISCOVER (xid 0x00000007) came 3.100s after the previous"
                        + " copy, not 3s ±0.050s");
    }
}
