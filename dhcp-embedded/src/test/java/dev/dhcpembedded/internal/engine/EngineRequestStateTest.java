package dev.dhcpembedded.internal.engine;

import static dev.dhcpembedded.internal.engine.EngineFixture.SERVER_ID;
import static dev.dhcpembedded.internal.engine.EngineFixture.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.RequestState;
import org.junit.jupiter.api.Test;

/** The engine decides each REQUEST by the one classifier, and names the state in the journal's rule. */
class EngineRequestStateTest {

    private final EngineFixture f = new EngineFixture();

    private String rule(DhcpMessage request, boolean broadcast) {
        return f.handle(request, broadcast).rule();
    }

    @Test
    void selecting() {
        String address = EngineFixture.yiaddr(f.handle(f.discover(mac(1))));
        assertThat(rule(f.selecting(mac(1), address, SERVER_ID), true)).startsWith("REQUEST(SELECTING)");
    }

    @Test
    void initReboot() {
        f.dora(mac(1));
        assertThat(rule(f.initReboot(mac(1), "10.20.0.100"), true)).startsWith("REQUEST(INIT-REBOOT) for 10.20.0.100");
    }

    @Test
    void renewingEvenWithTheBroadcastFlagSet() {
        f.dora(mac(1));
        DhcpMessage renewal = f.base(mac(1), MessageType.REQUEST).ciaddr("10.20.0.100").broadcast(true).build();
        assertThat(rule(renewal, false)).startsWith("REQUEST(RENEWING) for 10.20.0.100: ACK");
    }

    @Test
    void rebindingByBroadcast() {
        f.dora(mac(1));
        assertThat(rule(f.extending(mac(1), "10.20.0.100"), true)).startsWith("REQUEST(REBINDING) for 10.20.0.100");
    }

    @Test
    void rebindingThroughARelay() {
        DhcpMessage relayed = f.base(mac(1), MessageType.REQUEST).ciaddr("10.30.0.100").giaddr("10.30.0.1").build();
        assertThat(rule(relayed, false)).startsWith("REQUEST(REBINDING) for 10.30.0.100");
    }

    @Test
    void noStateIsSilence() {
        DhcpMessage both = f.base(mac(1), MessageType.REQUEST).ciaddr("10.20.0.100")
                .option(DhcpOptions.requestedIpAddress("10.20.0.100")).build();
        assertThat(RequestState.of(both, false)).isEqualTo(RequestState.NONE);
        assertThat(f.handle(both, false).reply()).isEmpty();
        assertThat(rule(both, false)).isEqualTo("REQUEST with option 50 and ciaddr set matches no RFC 2131 state");
        assertThat(rule(f.base(mac(1), MessageType.REQUEST).build(), false))
                .isEqualTo("REQUEST with no server identifier (54), requested address (50) or ciaddr");
    }
}
