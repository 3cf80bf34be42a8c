package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpMessagesAssert_times_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void counts_retransmissions() {
        wire.send(Wire.discover(Wire.MAC, 7));
        wire.send(Wire.discover(Wire.MAC, 7));
        assertThat(wire.server).received(DISCOVER).from(Wire.MAC).times(2).atLeast(2).atMost(2);
        assertThat(wire.server).sent(OFFER).to(Wire.MAC).times(2);
    }

    @Test
    void fails_naming_every_message_counted() {
        wire.send(Wire.discover(Wire.MAC, 7));
        wire.send(Wire.discover(Wire.MAC, 7));
        assertThatThrownBy(() -> assertThat(wire.server).received(DISCOVER).once())
                .hasMessage("""
                        Expecting the server to have received exactly 1 message:
                          a DISCOVER
                        but it received 2: #1 DISCOVER (xid 0x00000007), #3 DISCOVER (xid 0x00000007)
                        Transcript (4 entries):
                          #1 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x7
                          #2 10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x7
                          #3 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x7
                          #4 10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x7""");
    }

    @Test
    void atLeast_fails_when_too_few_came() {
        wire.send(Wire.discover(Wire.MAC, 7));
        assertThatThrownBy(() -> assertThat(wire.server).received(DISCOVER).atLeast(3))
                .hasMessageStartingWith("""
                        Expecting the server to have received at least 3 messages:
                          a DISCOVER
                        but it received 1: #1 DISCOVER (xid 0x00000007)
                        Transcript (2 entries):""");
    }
}
