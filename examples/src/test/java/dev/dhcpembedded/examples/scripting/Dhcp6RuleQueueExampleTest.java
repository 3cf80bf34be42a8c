package dev.dhcpembedded.examples.scripting;

import static dev.dhcpembedded.stub6.Request6Matcher.onRequest;
import static dev.dhcpembedded.stub6.Request6Matcher.onSolicit;
import static dev.dhcpembedded.stub6.Response6.defaultReply;
import static dev.dhcpembedded.stub6.Response6.noAddrsAvail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.StubQueue;
import dev.dhcpembedded.stub6.Stub6;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same DSL for DHCPv6: a strict queue of rules ({@code v6().strictQueue(...)}) and two replies to one REQUEST
 * ({@code defaultReply().then(noAddrsAvail())}). A message the head rule does not match is dropped; here the
 * in-memory transport stands in for the device.
 */
class Dhcp6RuleQueueExampleTest {

    static final Duid DEVICE = Duid.ll(MacAddress.parse("02:00:00:00:00:42"));

    @Test
    void aSolicitThenARequestAnsweredTwice() {
        InMemoryTransport link = new InMemoryTransport();
        try (DhcpServer dhcp = DhcpServer.builder().transport6(link)
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")).start()) {
            StubQueue<Stub6> rules = dhcp.v6().strictQueue(
                    onSolicit().respond(defaultReply()),
                    onRequest().respond(defaultReply().then(noAddrsAvail())));

            Dhcp6Option server = Dhcp6Option.serverId(dhcp.serverDuid().orElseThrow());
            Dhcp6Message request = message(Dhcp6MessageType.REQUEST, 1).toBuilder().option(server).build();

            assertThat(send(link, request)).isEmpty();                                 // not the head: dropped
            assertThat(send(link, message(Dhcp6MessageType.SOLICIT, 2))).hasSize(1);  // ADVERTISE
            assertThat(send(link, request)).hasSize(2);                                // REPLY, then a refusal
            assertThat(rules.isConsumed()).isTrue();
        }
    }

    private static Dhcp6Message message(Dhcp6MessageType type, int xid) {
        return Dhcp6Message.builder(type).transactionId(xid).option(Dhcp6Option.clientId(DEVICE))
                .option(Dhcp6Option.elapsedTime(0)).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build();
    }

    private static List<Dhcp6Message> send(InMemoryTransport link, Dhcp6Message message) {
        return link.deliver(Dhcp6Codec.encode(message), InMemoryTransport.CLIENT).stream()
                .map(d -> Dhcp6Codec.decode(d.bytes())).toList();
    }
}
