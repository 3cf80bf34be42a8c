package dev.dhcpembedded.examples.modern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/** Typed options: captive portal (114, RFC 8910) from the server, MUD URL (161, RFC 8520) from the device. */
class CaptivePortalExampleTest {

    @Test
    void theDeviceLearnsThePortalAndSendsItsMudUrl() {
        try (DhcpServer server = DhcpServer.builder()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")
                        .captivePortal("https://portal.example/api"))
                .start();
             DhcpTestClient device = DhcpTestClient.builder().server(server.address())
                     .parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.CAPTIVE_PORTAL)
                     .option(DhcpOptions.mudUrl("https://mud.example/thermostat.json")).build()) {
            DhcpMessage offer = device.discover().orElseThrow();

            assertThat(offer.captivePortal()).contains("https://portal.example/api");
            assertThat(server.journal().received().get(0).message().orElseThrow().mudUrl())
                    .contains("https://mud.example/thermostat.json");
        }
    }
}
