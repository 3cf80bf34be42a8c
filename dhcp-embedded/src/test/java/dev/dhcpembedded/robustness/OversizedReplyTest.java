package dev.dhcpembedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reply that cannot fit the client's size limit (576 bytes or its option 57), even with file and sname
 * overloaded, is not sent, and the journal says so. Found by fuzzing (PacketPathFuzzTestInputs/packetPath/
 * finding-oversized-client-id): a DISCOVER with a 700-byte client identifier (RFC 3396 long option), which the
 * OFFER echoes (RFC 6842), was journaled "DISCOVER: offer ..." while nothing was sent and only a log line said why.
 */
class OversizedReplyTest {

    @Test
    void aReplyThatCannotFitIsJournaledAsNotSent() {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = DhcpServer.builder().transport(memory).serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start()) {
            byte[] clientId = new byte[700];
            Arrays.fill(clientId, (byte) 0xE7);
            clientId[0] = 0; // type 0: an opaque identifier
            byte[] discover = DhcpCodec.encode(DhcpMessage.builder().xid(0x3d1d).chaddr("02:00:00:00:00:42")
                    .messageType(MessageType.DISCOVER).option(DhcpOption.of(61, clientId)).build());

            List<Datagram> replies = memory.deliver(discover, PacketPathFuzzTest.CLIENT);

            assertThat(replies).isEmpty();
            assertThat(server.journal().entries()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(JournalEntry.Kind.RECEIVED);
                assertThat(e.note()).startsWith("no reply: DISCOVER: offer").contains("not sent:");
            });

            // the server answers the next valid request
            byte[] next = DhcpCodec.encode(DhcpMessage.builder().xid(0x3d1e).chaddr("02:00:00:00:00:43")
                    .messageType(MessageType.DISCOVER).build());
            assertThat(memory.deliver(next, PacketPathFuzzTest.CLIENT)).hasSize(1);
        }
    }
}
