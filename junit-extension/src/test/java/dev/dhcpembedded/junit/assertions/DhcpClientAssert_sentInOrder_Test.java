package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.RELEASE;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_sentInOrder_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void lets_retransmissions_and_other_clients_come_between() {
        wire.send(Wire.discover(Wire.MAC, 1));
        wire.send(Wire.discover(Wire.OTHER_MAC, 9));
        wire.dora(Wire.MAC, 1);
        assertThat(wire.server).client(Wire.MAC).sentInOrder(DISCOVER, REQUEST)
                .sentExactly(DISCOVER, DISCOVER, REQUEST).hasLease("10.20.0.100");
    }

    @Test
    void fails_saying_where_the_order_broke() {
        wire.dora(Wire.MAC, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).sentInOrder(DISCOVER, REQUEST, RELEASE))
                .hasMessage("""
                        Expecting client 02:00:00:00:00:42 to have sent, in this order:
                          [DISCOVER, REQUEST, RELEASE]
                        but it sent:
                          [DISCOVER, REQUEST]
                        (the order holds up to #3 REQUEST (xid 0x0000002a), after which no RELEASE came)
                        Transcript of client 02:00:00:00:00:42 (4 entries):
                          #1 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x2a
                          #2 10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x2a
                          #3 0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x2a
                          #4 10.20.0.1:67 -> 10.20.0.100:68 DHCP ACK - Transaction ID 0x2a""");
    }

    @Test
    void fails_when_the_first_never_came() {
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).sentInOrder(DISCOVER))
                .hasMessage("""
                        Expecting client 02:00:00:00:00:42 to have sent, in this order:
                          [DISCOVER]
                        but it sent:
                          []
                        (no DISCOVER came at all)
                        Transcript of client 02:00:00:00:00:42 (0 entries): nothing at all""");
    }
}
