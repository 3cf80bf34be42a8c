package dev.dhcpembedded.examples.scripting;

import static dev.dhcpembedded.codec.ClasslessRoute.route;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/**
 * Small pieces client suites script: a matcher for a request lacking an option ({@code withoutOption}), the
 * interface MTU (option 26, a 16-bit value), classless routes written with host bits (masked to their prefix, since
 * RFC 3442 cannot carry them), and {@code v4().received(type)} without going through the journal.
 */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199")
class SmallPiecesExampleTest {

    @Test
    void anMtuAndARouteForClientsThatSendNoHostname(DhcpServer dhcp) {
        dhcp.stub(onDiscover().withoutOption(OptionCode.HOST_NAME).respond(defaultReply()
                .withOption(DhcpOptions.interfaceMtu(1400))
                .withOption(DhcpOptions.classlessStaticRoutes(route("10.30.1.7/16", "10.20.0.254")))));

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).build()) {
            device.dora();
        }
        assertThat(dhcp.v4().received(DISCOVER)).hasSize(1);
        assertThat(dhcp.v4().received(REQUEST)).hasSize(1);
        assertThat(dhcp.journal().sent().get(0).message().orElseThrow().classlessStaticRoutes())
                .containsExactly(route("10.30.0.0/16", "10.20.0.254"));               // the host bits are gone
        assertThat(dhcp.journal().sent().get(0).message().orElseThrow().option(OptionCode.INTERFACE_MTU)
                .orElseThrow().asUint16()).isEqualTo(1400);
    }
}
