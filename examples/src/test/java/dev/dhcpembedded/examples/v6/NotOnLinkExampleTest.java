package dev.dhcpembedded.examples.v6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease6;
import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.junit.DhcpServerExtension;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A device that moved: after a link change it CONFIRMs its address (RFC 8415 section 18.2.3). On its old link the
 * server answers Success; behind a relay on another link, NotOnLink, and the device must SOLICIT again. A relay's
 * link address tells the server which subnet6 the client is on.
 */
class NotOnLinkExampleTest {

    @RegisterExtension
    static DhcpServerExtension dhcp = DhcpServerExtension.builder()
            .server(b -> b.subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff"))
                    .subnet6("2001:db8:2::/64", s -> s.pool("2001:db8:2::100", "2001:db8:2::1ff")))
            .build();

    @Test
    void theServerSaysNotOnLinkAfterAMove(Dhcp6TestClient atHome) {
        ClientLease6 lease = atHome.solicitRequest();                      // 2001:db8:1::100 on the first link
        assertThat(status(atHome.confirm(lease))).isEqualTo(StatusCode.SUCCESS);

        try (Dhcp6TestClient moved = Dhcp6TestClient.builder().server(dhcp.server().v6().address())
                .duid(atHome.duid()).relay("2001:db8:2::1", "fe80::42").build()) {
            assertThat(status(moved.confirm(lease))).isEqualTo(StatusCode.NOT_ON_LINK);
        }
    }

    static StatusCode.Code status(Optional<Dhcp6Message> reply) {
        return reply.orElseThrow().statusCode().orElseThrow().code();
    }
}
