package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpMessageAssert_has_Test {

    private final DhcpMessage discover = Wire.discover(Wire.MAC, 0x2a).option(DhcpOptions.hostname("probe"))
            .option(DhcpOptions.vendorClassIdentifier("acme-1.0")).build();

    @Test
    void passes_on_what_the_message_carries() {
        assertThat(discover).isA(MessageType.DISCOVER).hasHostname("probe").hasVendorClass("acme-1.0")
                .hasParameterRequestList(OptionCode.ROUTER, OptionCode.SUBNET_MASK).hasXid(0x2a)
                .hasCiaddr("0.0.0.0").hasBroadcastFlag(false).doesNotHaveOption(OptionCode.SERVER_IDENTIFIER)
                .hasOption(OptionCode.PARAMETER_REQUEST_LIST, "[1,3,6]");
    }

    @Test
    void fails_showing_the_field_side_by_side() {
        assertThatThrownBy(() -> assertThat(discover).hasVendorClass("acme-2.0"))
                .hasMessage("""
                        Expecting message:
                          %s
                        to be with vendor class (60) "acme-2.0"
                          field              expected    observed
                          vendor class (60)  "acme-2.0"  "acme-1.0"  <<< differs""".formatted(discover));
    }

    @Test
    void compares_addresses_and_bytes_without_a_journal() {
        DhcpMessage renewal = Wire.renewing(Wire.MAC, 0x2b, "10.20.0.100")
                .option(DhcpOptions.clientIdentifier(1, new byte[] {2, 0, 0, 0, 0, 0x42})).build();

        assertThat(renewal).hasCiaddr("10.20.0.100").hasYiaddr("0.0.0.0")
                .hasClientId(new byte[] {1, 2, 0, 0, 0, 0, 0x42})
                .hasOption(OptionCode.CLIENT_IDENTIFIER, new byte[] {1, 2, 0, 0, 0, 0, 0x42});
        assertThatThrownBy(() -> assertThat(renewal).hasCiaddr("10.20.0.101"))
                .hasMessageEndingWith("""
                        to be with ciaddr 10.20.0.101
                          field   expected     observed
                          ciaddr  10.20.0.101  10.20.0.100  <<< differs""");
        assertThatThrownBy(() -> assertThat(renewal).hasClientId(new byte[] {1, 2, 0, 0, 0, 0, 0x43}))
                .hasMessageEndingWith("""
                        to be with client identifier (61) 01:02:00:00:00:00:43
                          field                   expected              observed
                          client identifier (61)  01:02:00:00:00:00:43  01:02:00:00:00:00:42  <<< differs""");
        assertThatThrownBy(() -> assertThat(renewal).hasOption(OptionCode.CLIENT_IDENTIFIER, new byte[] {(byte) 0xFF}))
                .hasMessageEndingWith("client identifier (61)  0xff      0x01020000000042  <<< differs");
        assertThatThrownBy(() -> assertThat(renewal).hasRequestedIpAddress("10.20.0.100"))
                .hasMessageEndingWith("requested IP address (50)  10.20.0.100  (absent)  <<< differs");
        assertThatThrownBy(() -> assertThat(renewal).hasCiaddr("renewal.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'renewal.example' is not an IPv4 address such as 10.20.0.1");
    }
}
