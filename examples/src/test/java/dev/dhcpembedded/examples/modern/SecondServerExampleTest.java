package dev.dhcpembedded.examples.modern;

import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.SecondServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two DHCP servers on one link: ours (10.20.0.1) and a second one (10.20.0.2) with its own pool and stubs. The
 * device hears an OFFER from each and must REQUEST one; the other server sees that REQUEST name someone else. Or the
 * other server NAKs first and ours ACKs after. (Bound to an interface, the second server is a host of its own with
 * MAC 02:5e:0a:14:00:02; over loopback it differs by its server identifier only.)
 */
class SecondServerExampleTest {

    static final String MAC = "02:00:00:00:00:42";
    DhcpServer dhcp;
    DhcpTestClient device;

    @BeforeEach
    void start() {
        dhcp = DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149").router("10.20.0.1"))
                .secondServer("10.20.0.2", s -> s.pool("10.20.0.150", "10.20.0.199").router("10.20.0.1"))
                .start();
        device = DhcpTestClient.builder().server(dhcp.address()).mac(MAC).timeout(Duration.ofSeconds(2))
                .attempts(1).build();
    }

    @AfterEach
    void stop() {
        device.close();
        dhcp.close();
    }

    @Test
    void anOfferFromEachAndTheOtherSeesTheRequestNamingOurs() {
        List<DhcpMessage> offers = device.discoverAll(Duration.ofSeconds(1));
        assertThat(offers).hasSize(2);
        DhcpMessage ours = offers.stream()
                .filter(o -> o.serverIdentifier().get().getHostAddress().equals("10.20.0.1")).findFirst().get();

        assertThat(device.request(ours)).get().matches(m -> m.is(MessageType.ACK));

        SecondServer other = dhcp.secondServer();
        DhcpAssertions.assertThat(other).sawRequestNaming("10.20.0.1"); // it saw the client choose ours
        assertThat(other.lease(MAC)).isEmpty();                          // and forgot its offer
    }

    @Test
    void aNakFromTheOtherServerThenAnAckFromOurs() {
        device.dora();
        dhcp.secondServer().stub(onRequest().respond(nak("wrong network")).once());
        dhcp.stub(onRequest().respond(defaultReply().delay(Duration.ofMillis(200))).once());

        DhcpMessage first = device.initReboot("10.20.0.100").get();      // INIT-REBOOT after a restart
        DhcpMessage then = device.receive(Duration.ofSeconds(2)).get();

        assertThat(first.is(MessageType.NAK)).isTrue();
        assertThat(first.serverIdentifier().get().getHostAddress()).isEqualTo("10.20.0.2");
        assertThat(then.is(MessageType.ACK)).isTrue();
        assertThat(then.serverIdentifier().get().getHostAddress()).isEqualTo("10.20.0.1");
    }
}
