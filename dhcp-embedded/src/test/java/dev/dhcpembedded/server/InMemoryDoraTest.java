package dev.dhcpembedded.server;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryDoraTest {

    @Test
    void doraOverMemory() {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = DhcpServer.builder().transport(memory).serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                        .dns("10.20.0.53").leaseTime(Duration.ofMinutes(10)))
                .start()) {
            DhcpMessage discover = DhcpMessage.builder().xid(0x1234).chaddr("02:00:00:00:00:01")
                    .messageType(DISCOVER)
                    .option(DhcpOption.parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                            OptionCode.DOMAIN_NAME_SERVER))
                    .build();
            List<DhcpMessage> offers = memory.exchange(discover);
            assertThat(offers).hasSize(1);
            DhcpMessage offer = offers.get(0);
            assertThat(offer.is(OFFER)).isTrue();
            assertThat(offer.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
            DhcpMessage request = discover.toBuilder().messageType(REQUEST)
                    .option(DhcpOption.requestedIpAddress("10.20.0.100"))
                    .option(DhcpOption.serverIdentifier("10.20.0.1")).build();
            List<DhcpMessage> acks = memory.exchange(request);
            assertThat(acks).hasSize(1);
            assertThat(acks.get(0).is(ACK)).isTrue();
            assertThat(acks.get(0).leaseTime()).contains(Duration.ofMinutes(10));
            assertThat(acks.get(0).renewalTime()).contains(Duration.ofMinutes(5));
            assertThat(server.leases()).hasSize(1);
            System.out.println(server.journal().transcript());
            server.journal().entries().forEach(e -> System.out.println(e.note()));
        }
    }
}
