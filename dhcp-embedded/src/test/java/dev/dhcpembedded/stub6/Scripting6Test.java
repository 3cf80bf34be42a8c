package dev.dhcpembedded.stub6;

import static dev.dhcpembedded.stub6.Request6Matcher.onRequest;
import static dev.dhcpembedded.stub6.Request6Matcher.onSolicit;
import static dev.dhcpembedded.stub6.Response6.defaultReply;
import static dev.dhcpembedded.stub6.Response6.noAddrsAvail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.StubQueue;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 23, items 1, 2 and 4 for DHCPv6: reply sequences, stub queues, dropUnscripted, withoutOption. */
class Scripting6Test {

    static final Duid SERVER = Duid.ll(MacAddress.parse("02:00:00:00:00:01"));
    static final Duid CLIENT = Duid.ll(MacAddress.parse("02:00:00:00:00:42"));

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryTransport memory = new InMemoryTransport();
    final DhcpServer server = DhcpServer.builder().clock(clock).serverDuid(SERVER).transport6(memory)
            .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")).start();

    @AfterEach
    void stop() {
        server.close();
    }

    static Dhcp6Message.Builder message(Dhcp6MessageType type, int xid) {
        return Dhcp6Message.builder(type).transactionId(xid).option(Dhcp6Option.clientId(CLIENT))
                .option(Dhcp6Option.elapsedTime(0)).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)));
    }

    static Dhcp6Message solicit(int xid) {
        return message(Dhcp6MessageType.SOLICIT, xid).build();
    }

    static Dhcp6Message request(int xid) {
        return message(Dhcp6MessageType.REQUEST, xid).option(Dhcp6Option.serverId(SERVER)).build();
    }

    List<Dhcp6Message> send(Dhcp6Message m) {
        return memory.deliver(Dhcp6Codec.encode(m), InMemoryTransport.CLIENT).stream()
                .map(d -> Dhcp6Codec.decode(d.bytes())).toList();
    }

    private static boolean refused(Dhcp6Message reply) {
        return reply.iaNa().get(0).status().map(s -> s.code().equals(StatusCode.NO_ADDRS_AVAIL)).orElse(false);
    }

    private String lastReceivedNote() {
        List<JournalEntry> received = server.journal().received();
        return received.get(received.size() - 1).note();
    }

    @Test
    void aSequenceSendsTwoRepliesInOrder() {
        server.stub(onRequest().respond(defaultReply().then(noAddrsAvail())));

        List<Dhcp6Message> replies = send(request(1));

        assertThat(replies).hasSize(2);
        assertThat(refused(replies.get(0))).isFalse();
        assertThat(replies.get(0).iaNa().get(0).addresses()).hasSize(1);
        assertThat(refused(replies.get(1))).isTrue();
        assertThat(server.v6().leases()).hasSize(1);
    }

    @Test
    void whatIsCalledOnTheSequenceAppliesToEveryReply() {
        server.stub(onRequest().respond(defaultReply().then(noAddrsAvail()).preference(7)));

        assertThat(send(request(1))).hasSize(2).allSatisfy(r -> assertThat(r.preference()).hasValue(7));
    }

    @Test
    void eachPartOfASequenceKeepsItsOwnDelay() {
        server.stub(onRequest().respond(noAddrsAvail().delayOnServerClock(Duration.ofSeconds(1))
                .then(defaultReply())));

        List<Dhcp6Message> now = send(request(1));

        assertThat(now).hasSize(1);
        assertThat(refused(now.get(0))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(server.v6().sent(Dhcp6MessageType.REPLY)).hasSize(2);
    }

    @Test
    void aSequenceRefusesAnAddressForAllItsParts() {
        assertThatThrownBy(() -> defaultReply().then(noAddrsAvail()).address("2001:db8:1::77"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("give it to a part");
        assertThat(defaultReply().then(noAddrsAvail()).preference(7).toString())
                .isEqualTo("(default reply) then (default reply, IA status NoAddrsAvail), preference 7");
    }

    @Test
    void aStrictQueueAnswersWithItsHeadOnly() {
        StubQueue<Stub6> rules = server.v6().strictQueue(onSolicit().respond(defaultReply()),
                onRequest().respond(noAddrsAvail()));

        assertThat(send(request(1))).isEmpty();
        assertThat(lastReceivedNote()).startsWith("dropped by the strict stub queue: its head, rule 1 of 2");
        assertThat(send(solicit(2))).hasSize(1);
        assertThat(send(solicit(3))).isEmpty();
        assertThat(send(request(4))).singleElement().matches(Scripting6Test::refused);
        assertThat(rules.isConsumed()).isTrue();
        assertThat(send(request(5))).as("consumed: the engine answers").hasSize(1);
    }

    @Test
    void theV4AndV6QueuesAreIndependent() {
        StubQueue<Stub6> six = server.v6().queue(onSolicit().respond(defaultReply()));

        assertThat(six).hasToString("DHCPv6 stub queue, 1 of 1 rules left: [SOLICIT -> default reply]");
        assertThat(server.v4().strictQueue(dev.dhcpembedded.stub.RequestMatcher.onDiscover()
                .respond(dev.dhcpembedded.stub.Responses.ignore())).remaining()).hasSize(1);
        assertThat(send(solicit(1))).hasSize(1);
        assertThat(six.isConsumed()).isTrue();
    }

    @Test
    void dropUnscriptedAnswersNothingNoStubScripts() {
        server.v6().dropUnscripted(true);

        assertThat(send(solicit(1))).isEmpty();
        assertThat(lastReceivedNote()).isEqualTo("dropped: no stub answers it, and DHCPv6 answers only what stubs"
                + " script (dropUnscripted)");
        assertThat(server.unmatchedRequests()).hasSize(1);
        server.v6().dropUnscripted(false);
        assertThat(send(solicit(2))).hasSize(1);
    }

    @Test
    void withoutOptionMatchesMessagesLackingIt() {
        server.stub(onSolicit().withoutOption(Dhcp6OptionCode.RAPID_COMMIT).respond(Response6.ignore()));

        assertThat(send(solicit(1))).isEmpty();
        assertThat(send(message(Dhcp6MessageType.SOLICIT, 2).option(Dhcp6Option.rapidCommit()).build())).hasSize(1);
        assertThat(server.v6().received(Dhcp6MessageType.SOLICIT)).hasSize(2);
    }
}
