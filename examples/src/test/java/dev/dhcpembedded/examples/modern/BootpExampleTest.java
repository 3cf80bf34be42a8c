package dev.dhcpembedded.examples.modern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.lease.LeaseState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * BOOTP (RFC 951/1542), for PXE loaders and old firmware: off by default; with {@code .bootp()} a BOOTREQUEST without
 * option 53 gets a BOOTREPLY with a permanent address (or the static lease) and only the options that fit the 64-byte
 * vendor area.
 */
class BootpExampleTest {

    @Test
    void aBootpClientGetsAPermanentAddress() {
        try (DhcpServer server = DhcpServer.builder().bootp()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                .staticLease("02:00:00:00:00:42", "10.20.0.42")
                .start();
             DhcpTestClient firmware = DhcpTestClient.builder().server(server.address()).build()) {
            firmware.send(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).chaddr("02:00:00:00:00:42").xid(1).build());
            DhcpMessage reply = firmware.receive(Duration.ofSeconds(2)).orElseThrow();

            assertThat(reply.op()).isEqualTo(DhcpMessage.BOOTREPLY);
            assertThat(reply.messageType()).isEmpty();                 // BOOTP: no DHCP message type
            assertThat(reply.yiaddr().getHostAddress()).isEqualTo("10.20.0.42");
            assertThat(reply.routers()).isNotEmpty();
            assertThat(server.lease("02:00:00:00:00:42").orElseThrow().state()).isEqualTo(LeaseState.BOUND);
        }
    }
}
