package dev.dhcpembedded.stub;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.ignore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.OptionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 23, item 4, on the server: the withoutOption matcher and received(type)/sent(type) on ServerV4. */
class SmallPiecesTest {

    final ScriptedWire wire = new ScriptedWire();

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void withoutOptionMatchesRequestsLackingIt() {
        RequestMatcher matcher = onDiscover().withoutOption(OptionCode.HOST_NAME);
        wire.server.stub(matcher.respond(ignore()));

        assertThat(wire.send(ScriptedWire.discover(1))).isEmpty();
        assertThat(wire.send(ScriptedWire.message(DISCOVER, 2).option(DhcpOptions.hostname("laptop")).build()))
                .hasSize(1);
        assertThat(matcher).hasToString("DISCOVER without option 12");
    }

    @Test
    void receivedAndSentOnTheServersV4Side() {
        wire.dora();
        wire.send(ScriptedWire.renewing(2, "10.20.0.100"));

        assertThat(wire.server.v4().received(REQUEST)).hasSize(2);
        assertThat(wire.server.v4().received(DISCOVER)).hasSize(1);
        assertThat(wire.server.v4().sent(OFFER)).hasSize(1);
        assertThat(wire.server.v4().received(REQUEST)).isEqualTo(wire.server.journal().received(REQUEST));
    }

    @Test
    void interfaceMtuGoesOutAsTwoBytes() {
        wire.server.stub(onDiscover().respond(Responses.offer().withOption(DhcpOptions.interfaceMtu(1400))));

        assertThat(wire.send(ScriptedWire.discover(1)).get(0).option(OptionCode.INTERFACE_MTU).orElseThrow()
                .asUint16()).isEqualTo(1400);
    }
}
