package dev.dhcpembedded.junit;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @DhcpServerTest(rapidCommit = true, bootp = true)} reaches the server; both are off by default. */
class RapidCommitAnnotationTest {

    @Nested
    @DhcpServerTest(subnet = "10.20.0.0/24", rapidCommit = true, bootp = true)
    class On {
        @Test
        void rapidCommitAndBootp(DhcpServer server, DhcpTestClient client) {
            DhcpMessage reply = client.discoverWithRapidCommit().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(reply.messageType()).contains(MessageType.ACK);
            assertThat(server).client(client.mac().toString()).usedRapidCommit().hasLease();
            client.send(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).chaddr("02:00:00:00:0d:01").xid(9).build());
            org.assertj.core.api.Assertions.assertThat(client.receive(Duration.ofSeconds(2)))
                    .get().matches(m -> m.messageType().isEmpty() && m.op() == DhcpMessage.BOOTREPLY);
        }
    }

    @Nested
    @DhcpServerTest(subnet = "10.20.0.0/24")
    class Off {
        @Test
        void offerAndNoBootReply(DhcpServer server, DhcpTestClient client) {
            org.assertj.core.api.Assertions.assertThat(client.discoverWithRapidCommit().orElseThrow().messageType())
                    .contains(MessageType.OFFER);
            client.send(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).chaddr("02:00:00:00:0d:01").xid(9).build());
            org.assertj.core.api.Assertions.assertThat(client.receive(Duration.ofMillis(300))).isEmpty();
        }
    }
}
