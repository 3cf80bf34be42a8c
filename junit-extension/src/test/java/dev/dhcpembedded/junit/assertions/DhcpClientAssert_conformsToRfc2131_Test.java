package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.dhcpembedded.journal.Transcript;

@Execution(ExecutionMode.CONCURRENT)
class DhcpClientAssert_conformsToRfc2131_Test {

    private final Wire wire = new Wire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void passes_on_a_well_behaved_client() {
        String address = wire.dora(Wire.MAC, 1);
        wire.send(Wire.renewing(Wire.MAC, 2, address).secs(0));
        assertThat(wire.server).client(Wire.MAC).conformsToRfc2131();
    }

    @Test
    void lists_every_rule_broken_message_by_message() {
        wire.send(Wire.discover(Wire.MAC, 1).ciaddr("10.20.0.9").secs(4));      // ciaddr in DISCOVER
        wire.send(Wire.discover(Wire.MAC, 1).secs(2));                           // secs went backwards
        wire.send(Wire.message(MessageType.REQUEST, Wire.MAC, 1).secs(4));       // SELECTING without 54 and 50
        wire.send(Wire.discover(Wire.MAC, 1).secs(5));                           // xid reused by a new DISCOVER
        wire.send(Wire.renewing(Wire.MAC, 5, "10.20.0.100")
                .option(DhcpOptions.requestedIpAddress("10.20.0.100")));          // RENEWING with 50
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).conformsToRfc2131())
                .hasMessageStartingWith("""
                        Expecting client 02:00:00:00:00:42 to conform to RFC 2131
                        but its messages broke 5 rules:
                          1. #1 DISCOVER (xid 0x00000001): has ciaddr 10.20.0.9
                             rule DISCOVER_CIADDR_ZERO: a DISCOVER has ciaddr 0 (RFC 2131 table 5)
                          2. #3 DISCOVER (xid 0x00000001): has secs 2 after 4 earlier in the same transaction
                             rule SECS_MONOTONIC: 'secs' never goes backwards within one transaction (same xid) \
                        (RFC 2131 §4.4.1, table 5)
                          3. #5 REQUEST (xid 0x00000001): in SELECTING, has no server identifier (54) and has no \
                        requested IP address (50)
                             rule SELECTING_REQUEST: a REQUEST in SELECTING carries the server identifier (54) and \
                        the requested IP address (50), and ciaddr 0 (RFC 2131 §4.3.2, table 5)
                          4. #6 DISCOVER (xid 0x00000001): reuses xid 0x00000001 of an earlier transaction
                             rule NEW_DISCOVER_NEW_XID: a new DISCOVER uses a new xid, not one of an earlier \
                        transaction (RFC 2131 §4.4.1)
                          5. #8 REQUEST (xid 0x00000005): in RENEWING/REBINDING (ciaddr 10.20.0.100), carries \
                        requested IP address (50) 10.20.0.100
                             rule EXTENDING_REQUEST: a REQUEST in RENEWING or REBINDING sets ciaddr and carries \
                        neither the requested IP address (50) nor the server identifier (54) (RFC 2131 §4.3.2, table 5)
                        Transcript of client 02:00:00:00:00:42 (""");
    }

    @Test
    void checks_decline_release_inform_and_client_id() {
        byte[] id = {1, 2, 0, 0, 0, 0, 0x42};
        wire.send(Wire.discover(Wire.MAC, 1).option(DhcpOption.of(61, id)));
        wire.send(Wire.message(MessageType.DECLINE, Wire.MAC, 2).option(DhcpOption.of(61, id)));
        wire.send(Wire.message(MessageType.RELEASE, Wire.MAC, 3));
        wire.send(Wire.message(MessageType.INFORM, Wire.MAC, 4).option(DhcpOption.of(61, id))
                .option(DhcpOptions.serverIdentifier("10.20.0.1")));
        var violations = assertThat(wire.server).client(Wire.MAC).rfc2131Violations();
        Assertions.assertThat(violations).extracting(v -> v.rule().name() + ": " + v).containsExactly(
                "DECLINE_FIELDS: #3 DECLINE (xid 0x00000002): has no requested IP address (50) and has no server"
                        + " identifier (54)",
                "RELEASE_FIELDS: #4 RELEASE (xid 0x00000003): has ciaddr 0 and has no server identifier (54)",
                "CLIENT_ID_STABLE: #4 RELEASE (xid 0x00000003): has no client identifier (61); earlier ones had"
                        + " 01:02:00:00:00:00:42",
                "INFORM_FIELDS: #5 INFORM (xid 0x00000004): has ciaddr 0 and carries server identifier (54)");
        Assertions.assertThat(Rfc2131Conformance.check(wire.server.journal(), MacAddress.parse(Wire.MAC)))
                .hasSize(4);
        assertThat(wire.server).client(Wire.MAC).conformsToRfc2131Except(Rfc2131Rule.DECLINE_FIELDS, Rfc2131Rule.RELEASE_FIELDS, Rfc2131Rule.CLIENT_ID_STABLE,
                Rfc2131Rule.INFORM_FIELDS);
        assertThat(wire.server).clientWithId(id).sent(MessageType.INFORM);
    }

    @Test
    void fails_when_the_client_sent_nothing() {
        assertThatThrownBy(() -> assertThat(wire.server).client(Wire.MAC).conformsToRfc2131())
                .hasMessage("""
                        Expecting client 02:00:00:00:00:42 to conform to RFC 2131
                        but it sent nothing to check
                        Transcript (0 entries): nothing at all""");
    }
}
