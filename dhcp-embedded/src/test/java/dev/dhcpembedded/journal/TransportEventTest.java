package dev.dhcpembedded.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.internal.journal.JournalRecord;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event of the transport itself (a DHCP agent's channel closing) is journaled beside the datagrams. */
class TransportEventTest {

    @Test
    void aTransportEventIsInTheJournalAndTranscriptButNotInThePcap(@TempDir Path dir) throws Exception {
        InMemoryTransport memory = new InMemoryTransport();
        try (DhcpServer server = DhcpServer.builder().transport(memory)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start()) {
            memory.deliver(DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).htype(1).xid(0x3d1d)
                    .chaddr("02:00:00:00:00:42").messageType(MessageType.DISCOVER).build()), InMemoryTransport.CLIENT);
            Journal journal = server.journal();
            long before = journal.appended();

            long sequence = ((JournalStore) journal).append(new JournalRecord()
                    .of(JournalEntry.Kind.TRANSPORT, server.clock().millis(), 1_000L).interfaceName("eth1")
                    .note("channel to agent dhcp-agent-7 closed: the agent closed the channel"));

            assertThat(journal.appended()).isEqualTo(before + 1);
            JournalEntry event = journal.entries().get(journal.size() - 1);
            assertThat(event.sequence()).isEqualTo(sequence);
            assertThat(event.kind()).isEqualTo(JournalEntry.Kind.TRANSPORT);
            assertThat(event.note()).isEqualTo("channel to agent dhcp-agent-7 closed: the agent closed the channel");
            assertThat(event.interfaceName()).isEqualTo("eth1");
            assertThat(event.wallTime().toEpochMilli()).isEqualTo(1_000L);
            assertThat(event.message()).isEmpty();
            assertThat(event.message6()).isEmpty();
            assertThat(event.error()).isEmpty();
            assertThat(event.isReceived()).isFalse();
            assertThat(event.isSent()).isFalse();
            assertThat(journal.received()).doesNotContain(event);
            assertThat(journal.sent()).doesNotContain(event);
            assertThat(journal.rejected()).isEmpty();
            assertThat(journal.rejectedCount()).isZero();
            assertThat(journal.transcript()).contains("DHCP Discover - Transaction ID 0x3d1d")
                    .contains("transport eth1: channel to agent dhcp-agent-7 closed: the agent closed the channel");

            Path pcap = dir.resolve("traffic.pcap");
            journal.writePcap(pcap);
            assertThat(pcapRecords(Files.readAllBytes(pcap))).isEqualTo(journal.size() - 1);
        }
    }

    private static int pcapRecords(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        in.order(in.getInt(0) == 0xa1b2c3d4 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        int records = 0;
        while (at < file.length) {
            int captured = in.getInt(at + 8);
            at += 16 + captured;
            records++;
        }
        assertThat(at).isEqualTo(file.length);
        return records;
    }
}
