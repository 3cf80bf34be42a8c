package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What a server serves when it is not told: the default pool (every host but the router and the server
 * identifier) and the default server identifier (the router, else the subnet's first host), so that a client sees a
 * server inside its own subnet, never the loopback address the server listens on.
 */
class DefaultAddressesTest {

    private final InMemoryTransport memory = new InMemoryTransport();
    private int clients;

    private DhcpServer serve(UnaryOperator<DhcpServerBuilder> shape) {
        return shape.apply(DhcpServer.builder().transport(memory)).start();
    }

    /** Sends a DISCOVER from a client never seen before. */
    private Optional<DhcpMessage> offerToANewClient() {
        int client = ++clients;
        DhcpMessage discover = DhcpMessage.builder().xid(0x1000 + client)
                .chaddr(String.format("02:00:00:00:01:%02x", client)).messageType(MessageType.DISCOVER).build();
        List<DhcpMessage> replies = memory.exchange(discover);
        return replies.stream().filter(r -> r.is(MessageType.OFFER)).findFirst();
    }

    /** Offers to new clients until none comes: the addresses the pool really hands out, in order. */
    private List<String> everyOffer() {
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Optional<DhcpMessage> offer = offerToANewClient();
            if (offer.isEmpty()) {
                return offered;
            }
            offered.add(offer.get().yiaddr().getHostAddress());
        }
        throw new AssertionError("more offers than a /29 has hosts: " + offered);
    }

    @Test
    void theRouterIsTheServerIdentifierAndTheDefaultPoolIsEveryOtherHost() {
        try (DhcpServer server = serve(b -> b.subnet("10.20.0.0/29", s -> s.router("10.20.0.1")))) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.1");
            DhcpMessage first = offerToANewClient().orElseThrow();
            assertThat(first.serverIdentifier().orElseThrow().getHostAddress()).isEqualTo("10.20.0.1");
            assertThat(first.yiaddr().getHostAddress()).isEqualTo("10.20.0.2");
            assertThat(everyOffer()).containsExactly("10.20.0.3", "10.20.0.4", "10.20.0.5", "10.20.0.6");
        }
    }

    @Test
    void withoutARouterTheServerIdentifierIsTheFirstHost() {
        try (DhcpServer server = serve(b -> b.subnet("10.20.0.0/29", s -> s.dns("10.20.0.53")))) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.1");
            assertThat(everyOffer()).containsExactly("10.20.0.2", "10.20.0.3", "10.20.0.4", "10.20.0.5",
                    "10.20.0.6");
        }
    }

    @Test
    void aRouterAtTheTopOfTheSubnetIsKeptOutOfThePool() {
        try (DhcpServer server = serve(b -> b.subnet("10.20.0.0/29", s -> s.router("10.20.0.6")))) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.6");
            assertThat(everyOffer()).containsExactly("10.20.0.1", "10.20.0.2", "10.20.0.3", "10.20.0.4",
                    "10.20.0.5");
        }
    }

    @Test
    void aConfiguredServerIdentifierAndTheRouterAreBothKeptOutOfTheDefaultPool() {
        try (DhcpServer server = serve(b -> b.serverId("10.20.0.3")
                .subnet("10.20.0.0/29", s -> s.router("10.20.0.1")))) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.3");
            assertThat(everyOffer()).containsExactly("10.20.0.2", "10.20.0.4", "10.20.0.5", "10.20.0.6");
        }
    }

    @Test
    void aServerWideRouterCountsWhenTheSubnetHasNone() {
        try (DhcpServer server = serve(b -> b.option(DhcpOptions.router("10.20.0.5"))
                .subnet("10.20.0.0/29", s -> s.dns("10.20.0.53")))) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.5");
            assertThat(everyOffer()).containsExactly("10.20.0.1", "10.20.0.2", "10.20.0.3", "10.20.0.4",
                    "10.20.0.6");
        }
    }

    @Test
    void theFirstSubnetGivesTheServerIdentifier() {
        try (DhcpServer server = serve(b -> b
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.254"))
                .subnet("10.30.0.0/24", s -> s.pool("10.30.0.100", "10.30.0.199").router("10.30.0.1")))) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.254");
        }
    }

    @Test
    void theServerIdentifierIsNeverOfferedFromANamedPoolEither() {
        try (DhcpServer server = serve(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.1", "10.20.0.3")))) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.1");
            assertThat(everyOffer()).containsExactly("10.20.0.2", "10.20.0.3");
        }
    }

    @Test
    void onLoopbackTheServerIdentifierIsInTheSubnetNotTheLoopbackAddress() {
        try (DhcpServer server = DhcpServer.builder().bindLoopback()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")).start()) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.1");
        }
    }
}
