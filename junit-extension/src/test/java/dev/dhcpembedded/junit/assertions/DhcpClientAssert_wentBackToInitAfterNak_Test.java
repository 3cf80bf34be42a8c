package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_wentBackToInitAfterNak_Test {

    private final InMemoryTransport transport = new InMemoryTransport();
    private final DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.20.0.1")
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).authoritative()
            .clock(TestClock.at(Wire.START)).start();

    @AfterEach
    void stop() {
        server.close();
    }

    private void initRebootForAnUnknownAddress(int xid) {
        transport.exchange(Wire.message(MessageType.REQUEST, Wire.MAC, xid)
                .option(DhcpOptions.requestedIpAddress("10.20.0.7")).build());
    }

    @Test
    void passes_when_a_discover_follows_the_nak() {
        initRebootForAnUnknownAddress(1);
        transport.exchange(Wire.discover(Wire.MAC, 2).build());
        assertThat(server).sent(MessageType.NAK).to(Wire.MAC);
        assertThat(server).client(Wire.MAC).wentBackToInitAfterNak();
    }

    @Test
    void fails_naming_what_came_instead() {
        initRebootForAnUnknownAddress(1);
        initRebootForAnUnknownAddress(2);
        assertThatThrownBy(() -> assertThat(server).client(Wire.MAC).wentBackToInitAfterNak())
                .hasMessage("""
                        Expecting client 02:00:00:00:00:42 to go back to INIT (send a DISCOVER) after a NAK
                        but after the NAK #2 NAK (xid 0x00000001) it sent #3 REQUEST (xid 0x00000002)
                        Transcript of client 02:00:00:00:00:42 (4 entries):
                          #1 0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x1
                          #2 10.20.0.1:67 -> 255.255.255.255:68 DHCP NAK - Transaction ID 0x1
                          #3 0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x2
                          #4 10.20.0.1:67 -> 255.255.255.255:68 DHCP NAK - Transaction ID 0x2""");
    }

    @Test
    void fails_when_nothing_came_after_the_nak() {
        initRebootForAnUnknownAddress(1);
        assertThatThrownBy(() -> assertThat(server).client(Wire.MAC).wentBackToInitAfterNak())
                .hasMessageContaining("but after the NAK #2 NAK (xid 0x00000001) it sent nothing\n");
    }

    @Test
    void fails_when_there_was_no_nak() {
        transport.exchange(Wire.discover(Wire.MAC, 2).build());
        assertThatThrownBy(() -> assertThat(server).client(Wire.MAC).wentBackToInitAfterNak())
                .hasMessageContaining("but the server sent it no NAK\n");
    }
}
