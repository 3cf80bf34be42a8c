package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.dhcpembedded.journal.Transcript;

@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_renewedByUnicast_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void passes_on_a_renewing_request() {
        String address = wire.dora(Wire.MAC, 1);
        wire.clock.advance(Duration.ofMinutes(5));
        wire.send(Wire.renewing(Wire.MAC, 2, address));
        assertThat(wire.server).client(Wire.MAC).renewedByUnicast().conformsToRfc2131();
    }

    @Test
    void fails_on_a_renewing_request_that_names_the_server() {
        wire.dora(Wire.MAC, 0x2a);
        wire.send(Wire.renewing(Wire.MAC, 0x2b, "10.20.0.100").option(DhcpOptions.serverIdentifier("10.20.0.1")));
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).renewedByUnicast())
                .hasMessage("""
                        Expecting client 02:00:00:00:00:42 to have renewed by unicast (RENEWING):
                          a REQUEST from 02:00:00:00:00:42 with ciaddr set without requested IP address (50) \
                        without server identifier (54) to the server in RENEWING
                        but none of its 2 REQUESTs does; the closest is #5 REQUEST (xid 0x0000002b):
                          field                      expected              observed
                          message type (53)          REQUEST               REQUEST
                          chaddr                     02:00:00:00:00:42     02:00:00:00:00:42
                          ciaddr                     set                   10.20.0.100
                          requested IP address (50)  (absent)              (absent)
                          server identifier (54)     (absent)              10.20.0.1  <<< differs
                          sent to                    the server (unicast)  10.20.0.1:67
                          RFC 2131 state             RENEWING              SELECTING  <<< differs
                        Transcript of client 02:00:00:00:00:42 (6 entries):
                          #1 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x2a
                          #2 10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x2a
                          #3 0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x2a
                          #4 10.20.0.1:67 -> 10.20.0.100:68 DHCP ACK - Transaction ID 0x2a
                          #5 10.20.0.100:68 -> 10.20.0.1:67 DHCP Request - Transaction ID 0x2b
                          #6 10.20.0.1:67 -> 10.20.0.100:68 DHCP ACK - Transaction ID 0x2b""");
    }

    @Test
    void passes_with_the_broadcast_flag_set_since_the_flag_does_not_decide_the_state() {
        String address = wire.dora(Wire.MAC, 1);
        wire.send(Wire.renewing(Wire.MAC, 2, address).broadcast(true));
        assertThat(wire.server).client(Wire.MAC).renewedByUnicast().conformsToRfc2131();
    }

    @Test
    void fails_on_a_relayed_request_which_is_rebinding() {
        String address = wire.dora(Wire.MAC, 1);
        wire.send(Wire.renewing(Wire.MAC, 2, address).giaddr("10.20.0.2"));
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).renewedByUnicast())
                .hasMessageContaining("  RFC 2131 state             RENEWING              REBINDING  <<< differs\n");
    }

    @Test
    void fails_when_it_sent_no_request() {
        wire.send(Wire.discover(Wire.MAC, 1));
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).renewedByUnicast())
                .hasMessageContaining("\nbut it sent no REQUEST at all\n");
    }
}
