package dev.dhcpembedded.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.internal.wire.Ipv4;
import org.junit.jupiter.api.Test;

/** RFC 2131 §4.1's reply destinations, and never a unicast to the server's own address. */
class ReplyAddressingTest {

    private static final int SERVER = Ipv4.parseInt("10.20.0.1");
    private static final int CLIENT = Ipv4.parseInt("10.20.0.100");
    private static final int RELAY = Ipv4.parseInt("10.30.0.1");

    private static String to(long packed) {
        return Ipv4.toString(ReplyAddressing.ip(packed)) + ":" + ReplyAddressing.port(packed);
    }

    @Test
    void followsSection41() {
        assertThat(to(ReplyAddressing.destination(RELAY, 0, false, false, CLIENT, SERVER))).isEqualTo("10.30.0.1:67");
        assertThat(to(ReplyAddressing.destination(0, 0, false, true, 0, SERVER))).isEqualTo("255.255.255.255:68");
        assertThat(to(ReplyAddressing.destination(0, CLIENT, false, false, CLIENT, SERVER)))
                .isEqualTo("10.20.0.100:68");
        assertThat(to(ReplyAddressing.destination(0, 0, true, false, CLIENT, SERVER))).isEqualTo("255.255.255.255:68");
        assertThat(to(ReplyAddressing.destination(0, 0, false, false, CLIENT, SERVER))).isEqualTo("10.20.0.100:68");
    }

    @Test
    void aReplyForTheServersOwnAddressIsBroadcastSoItLeavesTheHost() {
        assertThat(to(ReplyAddressing.destination(0, 0, false, false, SERVER, SERVER)))
                .as("yiaddr is the server's own address").isEqualTo("255.255.255.255:68");
        assertThat(to(ReplyAddressing.destination(0, SERVER, false, false, SERVER, SERVER)))
                .as("ciaddr is the server's own address").isEqualTo("255.255.255.255:68");
    }
}
