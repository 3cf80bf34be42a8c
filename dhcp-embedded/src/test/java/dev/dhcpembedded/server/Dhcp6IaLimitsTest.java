package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 21, item 3, through the server: a greedy message binds the link's limit and still gets its reply. */
class Dhcp6IaLimitsTest {

    static final Duid SERVER = Duid.ll(MacAddress.parse("02:00:00:00:00:01"));

    static Dhcp6Message.Builder request(int client) {
        return Dhcp6Message.builder(Dhcp6MessageType.REQUEST).transactionId(client)
                .option(Dhcp6Option.clientId(Duid.ll(MacAddress.parse(String.format("02:00:00:00:%02x:%02x",
                        client >> 8, client & 0xFF)))))
                .option(Dhcp6Option.serverId(SERVER)).option(Dhcp6Option.elapsedTime(0));
    }

    @Test
    void fourThousandIaNaGetTheirReplyAndBindTheDefaultLimit() {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = DhcpServer.builder().clock(TestClock.at(Instant.parse("2026-01-01T00:00:00Z")))
                .serverDuid(SERVER).transport6(memory).subnet6("2001:db8:1::/64", Subnet6Builder::defaultPool)
                .start()) {
            for (int c = 0; c < 17; c++) {
                Dhcp6Message.Builder greedy = request(c);
                for (int i = 0; i < 4000; i++) {
                    greedy.option(Dhcp6Option.iaNa(IaNa.of(i, 0, 0)));
                }
                List<Datagram> out = memory.deliver(Dhcp6Codec.encode(greedy.build()), InMemoryTransport.CLIENT);
                assertThat(out).as("the reply is sent, not lost to the encoder").hasSize(1);
                Dhcp6Message reply = Dhcp6Codec.decode(out.get(0).bytes());
                assertThat(reply.iaNa().stream().filter(ia -> !ia.addresses().isEmpty())).hasSize(8);
            }
            assertThat(server.v6().leases()).hasSize(17 * 8);
            // the first reply: its 64 refusals make it longer than the journal's snap length, so it is kept cut
            // and read by its note, not decoded
            JournalEntry sent = server.journal().sent().get(0);
            assertThat(sent.note()).contains("3992 IA_NA over the limit of 8 per message: NoAddrsAvail, nothing bound");

            Dhcp6Message next = Dhcp6Codec.decode(memory.deliver(Dhcp6Codec.encode(request(99)
                    .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build()), InMemoryTransport.CLIENT).get(0).bytes());
            assertThat(next.iaNa().get(0).addresses()).hasSize(1);
        }
    }

    @Test
    void theSubnet6BuilderSetsTheLimits() {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = DhcpServer.builder().serverDuid(SERVER).transport6(memory)
                .subnet6("2001:db8:1::/64", s -> s.defaultPool().prefixDelegation("2001:db8:100::/48", 56)
                        .iaLimits(2, 1))
                .start()) {
            Dhcp6Message.Builder m = request(1).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)))
                    .option(Dhcp6Option.iaNa(IaNa.of(2, 0, 0))).option(Dhcp6Option.iaNa(IaNa.of(3, 0, 0)))
                    .option(Dhcp6Option.iaPd(IaPd.of(4, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(5, 0, 0)));
            Dhcp6Message reply = Dhcp6Codec.decode(memory.deliver(Dhcp6Codec.encode(m.build()),
                    InMemoryTransport.CLIENT).get(0).bytes());
            assertThat(reply.iaNa().get(2).status().orElseThrow().code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL);
            assertThat(reply.iaPd().get(1).status().orElseThrow().code()).isEqualTo(StatusCode.NO_PREFIX_AVAIL);
            assertThat(server.v6().leases()).hasSize(3);
        }
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s.iaLimits(0, 8)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 256");
    }
}
