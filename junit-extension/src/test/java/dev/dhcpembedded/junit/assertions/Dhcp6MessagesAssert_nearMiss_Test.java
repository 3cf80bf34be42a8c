package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The DHCPv6 traffic assertions fail as the DHCPv4 ones do (issue 22): the closest message side by side with the
 * expectation, the differing field marked, then the transcript.
 */
@Execution(ExecutionMode.CONCURRENT)
class Dhcp6MessagesAssert_nearMiss_Test {

    private final Wire6 wire = new Wire6();

    @AfterEach
    void stop() {
        wire.close();
    }

    private static final String TRANSCRIPT = """
            Transcript (4 entries):
              #1 [fe80::a]:546 -> [::1]:547 DHCPv6 Solicit XID: 0x00002a CID: 0003000102000000000a
              #2 [::1]:547 -> [fe80::a]:546 DHCPv6 Advertise XID: 0x00002a CID: 0003000102000000000a
              #3 [fe80::a]:546 -> [::1]:547 DHCPv6 Request XID: 0x00002b CID: 0003000102000000000a
              #4 [::1]:547 -> [fe80::a]:546 DHCPv6 Reply XID: 0x00002b CID: 0003000102000000000a""";

    @Test
    void passes_when_every_refinement_holds() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThat(wire.server).received(Dhcp6MessageType.SOLICIT).fromDuid(Wire6.ALICE).withIaNa(1).withIaPd(2)
                .withOro(23, 24).withElapsedTime().withoutOption(Dhcp6OptionCode.SERVERID).withXid(0x2a).once();
        assertThat(wire.server).sent(Dhcp6MessageType.REPLY).toDuid(Wire6.ALICE).withServerId(Wire6.SERVER)
                .withIaNaAddress("2001:db8:1::100").withIaPdPrefix("2001:db8:100::/56").once()
                .last().hasT1T2(1800, 2880);
    }

    @Test
    void fails_with_nothing_received_at_all() {
        assertThatThrownBy(() -> assertThat(wire.server).received(Dhcp6MessageType.SOLICIT))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a SOLICIT
                        but it received no message at all
                        Transcript (0 entries): nothing at all""");
    }

    @Test
    void fails_on_the_wrong_client_showing_the_closest_message_field_by_field() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(Dhcp6MessageType.SOLICIT).fromDuid(Wire6.BOB))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a SOLICIT from DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0b
                        but it received none; the closest is #1 DHCPv6 SOLICIT (xid 0x00002a):
                          field         expected                                         observed
                          message type  SOLICIT                                          SOLICIT
                          CLIENTID(1)   DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0b  \
                        DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_naming_the_iaid_that_differs() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(Dhcp6MessageType.REQUEST).fromDuid(Wire6.ALICE)
                .withIaPd(3))
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a REQUEST from DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a with IA_PD iaid=3
                        but it received none; the closest is #3 DHCPv6 REQUEST (xid 0x00002b):
                          field         expected                                         observed
                          message type  REQUEST                                          REQUEST
                          CLIENTID(1)   DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a  \
                        DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a
                          IA_PD(25)     iaid=3                                           iaid=2  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_naming_the_missing_oro_code() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(Dhcp6MessageType.SOLICIT).withOro(23, 24, 56))
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a SOLICIT with an ORO containing [DNS_SERVERS(23), DOMAIN_LIST(24), NTP_SERVER(56)]
                        but it received none; the closest is #1 DHCPv6 SOLICIT (xid 0x00002a):
                          field         expected                                                     observed
                          message type  SOLICIT                                                      SOLICIT
                          ORO(6)        contains [DNS_SERVERS(23), DOMAIN_LIST(24), NTP_SERVER(56)]  \
                        [DNS_SERVERS(23), DOMAIN_LIST(24)] (missing [NTP_SERVER(56)])  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_on_a_sent_address_that_differs() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).sent(Dhcp6MessageType.REPLY)
                .withIaNaAddress("2001:db8:1::101"))
                .hasMessage("""
                        Expecting the server to have sent at least 1 message:
                          a REPLY with IA_NA address 2001:db8:1::101
                        but it sent none; the closest is #4 DHCPv6 REPLY (xid 0x00002b):
                          field          expected         observed
                          message type   REPLY            REPLY
                          IA_NA address  2001:db8:1::101  2001:db8:1::100  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_on_a_type_that_never_came_naming_the_closest_of_another_type() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(Dhcp6MessageType.REBIND))
                .hasMessage("""
                        Expecting the server to have received at least 1 message:
                          a REBIND
                        but it received none; the closest is #3 DHCPv6 REQUEST (xid 0x00002b):
                          field         expected  observed
                          message type  REBIND    REQUEST  <<< differs
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_on_a_count_listing_the_messages_that_match() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).received(Dhcp6MessageType.SOLICIT).times(2))
                .hasMessage("""
                        Expecting the server to have received exactly 2 messages:
                          a SOLICIT
                        but it received 1: #1 DHCPv6 SOLICIT (xid 0x00002a)
                        """ + TRANSCRIPT);
    }

    @Test
    void fails_on_a_status_code_the_reply_does_not_carry() {
        wire.bind(Wire6.ALICE, 0x2a);
        assertThatThrownBy(() -> assertThat(wire.server).sent(Dhcp6MessageType.REPLY)
                .withStatusCode(StatusCode.NO_ADDRS_AVAIL))
                .hasMessageContaining("""
                          field            expected      observed
                          message type     REPLY         REPLY
                          STATUS_CODE(13)  NoAddrsAvail  (absent)  <<< differs
                        """);
    }
}
