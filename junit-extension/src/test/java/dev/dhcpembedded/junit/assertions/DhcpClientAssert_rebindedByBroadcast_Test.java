package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_rebindedByBroadcast_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void passes_on_a_request_after_t2_where_the_link_cannot_show_the_broadcast() {
        String address = wire.dora(Wire.MAC, 1);
        wire.clock.advance(Duration.ofSeconds(525));
        wire.send(Wire.renewing(Wire.MAC, 2, address));
        assertThat(wire.server).client(Wire.MAC).rebindedByBroadcast().reboundByBroadcast();
    }

    @Test
    void fails_before_t2_saying_how_long_after_the_ack_it_came() {
        String address = wire.dora(Wire.MAC, 1);
        wire.clock.advance(Duration.ofSeconds(300));
        wire.send(Wire.renewing(Wire.MAC, 2, address));
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).rebindedByBroadcast())
                .hasMessageContaining("""
                          field                      expected                                       observed
                          message type (53)          REQUEST                                        REQUEST
                          chaddr                     02:00:00:00:00:42                              02:00:00:00:00:42
                          ciaddr                     set                                            10.20.0.100
                          requested IP address (50)  (absent)                                       (absent)
                          server identifier (54)     (absent)                                       (absent)
                          sent to                    all servers (255.255.255.255, or at/after T2)  \
                        10.20.0.1:67, 300s after ACK #4 (T2 = 525s)  <<< differs
                        """);
    }
}
