package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_hasLease_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void passes_on_the_bound_address_and_the_lease_row_asserts_too() {
        wire.dora(Wire.MAC, 1);
        assertThat(wire.server).client(Wire.MAC).hasLease("10.20.0.100").hasLease();
        assertThat(wire.server).client(Wire.OTHER_MAC).hasNoLease();
        assertThat(wire.server).hasBoundLeases(1);
        assertThat(wire.server.lease(Wire.MAC).orElseThrow()).hasAddress("10.20.0.100").isBound()
                .isHeldBy(Wire.MAC).expiresAt(Wire.START.plusSeconds(600));
    }

    @Test
    void fails_listing_the_clients_leases() {
        wire.dora(Wire.MAC, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).hasLease("10.20.0.101"))
                .hasMessage("""
                        Expecting client 02:00:00:00:00:42 to hold a BOUND lease on 10.20.0.101
                        but its leases are:
                          10.20.0.100 BOUND 02:00:00:00:00:42 until 2030-01-01T00:10:00Z
                        Transcript of client 02:00:00:00:00:42 (4 entries):
                          #1 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x2a
                          #2 10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x2a
                          #3 0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x2a
                          #4 10.20.0.1:67 -> 10.20.0.100:68 DHCP ACK - Transaction ID 0x2a""");
    }

    @Test
    void fails_when_the_server_never_leased_to_it() {
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).hasLease("10.20.0.100"))
                .hasMessage("""
                        Expecting client 02:00:00:00:00:42 to hold a BOUND lease on 10.20.0.100
                        but the server has no lease for it
                        Transcript of client 02:00:00:00:00:42 (0 entries): nothing at all""");
    }

    @Test
    void needs_the_server_not_just_its_journal() {
        assertThatThrownBy(() -> assertThat(wire.server.journal()).client(Wire.MAC).hasLease("10.20.0.100"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use assertThat(server) rather than assertThat(journal)");
    }
}
