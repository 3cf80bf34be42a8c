package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_released_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void passes_and_the_lease_is_gone() {
        String address = wire.dora(Wire.MAC, 1);
        wire.send(Wire.message(MessageType.RELEASE, Wire.MAC, 2).ciaddr(address)
                .option(DhcpOptions.serverIdentifier("10.20.0.1")));
        assertThat(wire.server).client(Wire.MAC).released().released(address).hasNoLease().conformsToRfc2131();
    }

    @Test
    void fails_showing_the_closest_message() {
        wire.dora(Wire.MAC, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).released())
                .hasMessageStartingWith("""
                        Expecting the server to have received at least 1 message:
                          a RELEASE from 02:00:00:00:00:42
                        but it received none; the closest is #3 REQUEST (xid 0x0000002a):
                          field              expected           observed
                          message type (53)  RELEASE            REQUEST  <<< differs
                          chaddr             02:00:00:00:00:42  02:00:00:00:00:42
                        Transcript (4 entries):""");
    }
}
