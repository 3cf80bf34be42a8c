package dev.dhcpembedded.junit.assertions;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import org.junit.jupiter.api.Test;

@Execution(ExecutionMode.CONCURRENT)
class DhcpMessageAssert_has_Test {

    private final DhcpMessage discover = Wire.discover(Wire.MAC, 0x2a).option(DhcpOption.hostname("probe"))
            .option(DhcpOption.vendorClassIdentifier("acme-1.0")).build();

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
}
