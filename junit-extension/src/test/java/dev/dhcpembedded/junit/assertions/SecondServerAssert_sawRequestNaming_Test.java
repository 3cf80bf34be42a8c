package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecondServerAssert_sawRequestNaming_Test {

    private final DhcpServer server = DhcpServer.builder().serverId("10.20.0.1")
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149"))
            .secondServer("10.20.0.2", s -> s.pool("10.20.0.150", "10.20.0.199"))
            .start();
    private final DhcpTestClient client = DhcpTestClient.builder().server(server.address())
            .mac("02:00:00:00:00:42").timeout(Duration.ofSeconds(2)).attempts(1).build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void requestOfferOf(String serverId) {
        DhcpMessage offer = client.discoverAll(Duration.ofSeconds(1)).stream()
                .filter(o -> o.serverIdentifier().get().getHostAddress().equals(serverId)).findFirst().get();
        client.request(offer);
    }

    @Test
    void passes_when_the_client_chose_the_first_server() {
        requestOfferOf("10.20.0.1");
        assertThat(server.secondServer()).sawRequestNaming("10.20.0.1");
    }

    @Test
    void fails_saying_what_it_saw_when_the_client_chose_it() {
        requestOfferOf("10.20.0.2");
        assertThatThrownBy(() -> assertThat(server.secondServer()).sawRequestNaming("10.20.0.1"))
                .hasMessage("""
                        Expecting second server 10.20.0.2
                        to have seen a REQUEST naming server 10.20.0.1
                        but it saw no request naming another server""");
    }
}
