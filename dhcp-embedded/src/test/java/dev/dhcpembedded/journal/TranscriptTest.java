package dev.dhcpembedded.journal;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.badOptionLength;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.InMemoryTransport;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    /**
     * A reply that a stub malformed on purpose is in the journal as SENT with no message. Its transcript line
     * shows the decode error; it used to throw, which also broke the failure report that prints the transcript.
     */
    @Test
    void aMalformedSentReplyReadsAsAMalformedPacket() {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = DhcpServer.builder().transport(memory)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")).start()) {
            server.stub(onDiscover().respond(defaultReply().malformed(badOptionLength(OptionCode.ROUTER, 200))));

            memory.deliver(DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).htype(1).xid(0x3d1d)
                    .chaddr("02:00:00:00:00:42").messageType(MessageType.DISCOVER).build()), InMemoryTransport.CLIENT);

            JournalEntry sent = server.journal().sent().get(0);
            assertThat(sent.message()).isEmpty();
            assertThat(Transcript.line(sent)).startsWith("10.20.0.1:67 -> ")
                    .contains("DHCP [Malformed Packet: option 3 length 200");
            assertThat(server.journal().transcript()).contains("DHCP Discover - Transaction ID 0x3d1d")
                    .contains("Malformed Packet");
        }
    }
}
