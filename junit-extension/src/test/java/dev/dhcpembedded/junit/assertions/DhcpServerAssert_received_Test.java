package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.INFORM;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.codec.OptionCode.CLASSLESS_STATIC_ROUTE;
import static dev.dhcpembedded.codec.OptionCode.DOMAIN_NAME_SERVER;
import static dev.dhcpembedded.codec.OptionCode.HOST_NAME;
import static dev.dhcpembedded.codec.OptionCode.ROUTER;
import static dev.dhcpembedded.codec.OptionCode.SUBNET_MASK;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpServerAssert_received_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    private static final String TRANSCRIPT = """
            Transcript (4 entries):
              #1 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover - Transaction ID 0x2a
              #2 10.20.0.1:67 -> 10.20.0.100:68 DHCP Offer - Transaction ID 0x2a
              #3 0.0.0.0:68 -> 255.255.255.255:67 DHCP Request - Transaction ID 0x2a
              #4 10.20.0.1:67 -> 10.20.0.100:68 DHCP ACK - Transaction ID 0x2a""";

    @Test
    void passes_when_the_message_arrived_and_every_refinement_holds() {
        wire.send(Wire.discover(Wire.MAC, 0x2a).option(DhcpOptions.hostname("probe")));
        assertThat(wire.server).received(DISCOVER).from(Wire.MAC)
                .withParameterRequestList(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER)
                .withHostname("probe").withOption(HOST_NAME, "probe").once();
    }

    @Test
    void fails_with_nothing_received_at_all() {
        assertThatThrownBy(() -> assertThat(wire.server).received(DISCOVER))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a DISCOVER
                        but it received no message at all
                        Transcript (0 entries): nothing at all""");
    }

    @Test
    void fails_showing_the_closest_message_field_by_field() {
        wire.dora(Wire.MAC, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(DISCOVER).from(Wire.MAC)
                .withParameterRequestList(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER, CLASSLESS_STATIC_ROUTE))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a DISCOVER from 02:00:00:00:00:42 with parameter request list (55) containing [1, 3, 6, 121]
                        but it received none; the closest is #1 DISCOVER (xid 0x0000002a):
                          field                        expected                 observed
                          message type (53)            DISCOVER                 DISCOVER
                          chaddr                       02:00:00:00:00:42        02:00:00:00:00:42
                          parameter request list (55)  contains [1, 3, 6, 121]  [1, 3, 6] (missing [121])  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_on_the_wrong_sender() {
        wire.dora(Wire.MAC, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(REQUEST).from(Wire.OTHER_MAC))
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a REQUEST from 02:00:00:00:00:99
                        but it received none; the closest is #3 REQUEST (xid 0x0000002a):
                          field              expected           observed
                          message type (53)  REQUEST            REQUEST
                          chaddr             02:00:00:00:00:99  02:00:00:00:00:42  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_on_a_type_that_never_came_naming_the_closest_of_another_type() {
        wire.dora(Wire.MAC, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(INFORM))
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          an INFORM
                        but it received none; the closest is #3 REQUEST (xid 0x0000002a):
                          field              expected  observed
                          message type (53)  INFORM    REQUEST  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void honours_a_description_given_with_as() {
        assertThatThrownBy(() -> assertThat(wire.server).as("boot").received(DISCOVER))
                .hasMessageStartingWith("[boot] Expecting the server to have received at least 1 message:");
    }

    @Test
    void hasNotReceived_fails_listing_what_came() {
        wire.dora(Wire.MAC, 0x2a);
        assertThat(wire.server).hasNotReceived(INFORM);
        assertThatThrownBy(() -> assertThat(wire.server).hasNotReceived(REQUEST))
                .hasMessage("""
                        Expecting the server to have received no REQUEST
                        but it received 1: #3 REQUEST (xid 0x0000002a)
                        """ + TRANSCRIPT);
    }
}
