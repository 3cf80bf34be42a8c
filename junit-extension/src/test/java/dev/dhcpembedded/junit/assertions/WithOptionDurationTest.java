package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThatThrownBy;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code withOption(code, "1800s")}: a duration is written in seconds, as the javadoc says, for every such option. */
class WithOptionDurationTest {

    @Test
    void ipv6OnlyPreferredIsWrittenInSeconds() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s
                .ipv6OnlyPreferred(Duration.ofMinutes(30))).start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address())
                     .parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.IPV6_ONLY_PREFERRED).build()) {
            client.discover();
            assertThat(server).sent(MessageType.OFFER).withOption(OptionCode.IPV6_ONLY_PREFERRED, "1800s");
            assertThat(server).sent(MessageType.OFFER).withOption(OptionCode.IP_ADDRESS_LEASE_TIME, "3600s");
            assertThatThrownBy(() -> assertThat(server).sent(MessageType.OFFER)
                    .withOption(OptionCode.IPV6_ONLY_PREFERRED, "1799s"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("1800s");
        }
    }
}
