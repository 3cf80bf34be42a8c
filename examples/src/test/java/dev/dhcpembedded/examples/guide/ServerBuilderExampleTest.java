package dev.dhcpembedded.examples.guide;

import static dev.dhcpembedded.codec.ClasslessRoute.route;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's builder, as the documentation's "The server" page shows it. */
class ServerBuilderExampleTest {

    @Test
    void aServerWithPoolsStaticLeasesAndOptions() {
        // tag::builder[]
        TestClock clock = TestClock.startingNow();
        DhcpServer server = DhcpServer.builder()
            .bindLoopback()                                   // 127.0.0.1, ephemeral port: no root (the default)
            // .bindInterface("veth-srv")                     // port 67 of that interface only; needs root
            .subnet("10.20.0.0/24", s -> s
                .pool("10.20.0.100", "10.20.0.199")
                .exclude("10.20.0.150")
                .router("10.20.0.1").dns("10.20.0.53").domainName("lab.test")
                .leaseTime(Duration.ofMinutes(10)))           // T1/T2 default to 50% / 87.5%
            .staticLease("02:00:00:00:00:42", "10.20.0.42", l -> l.hostname("thermostat"))
            .option(DhcpOptions.classlessStaticRoutes(route("10.30.0.0/16", "10.20.0.254")))
            .clock(clock)                                     // leases age on a clock the test controls
            .start();                                         // ready when it returns
        // end::builder[]
        try (server; DhcpTestClient device = DhcpTestClient.builder().server(server.address())
                .mac("02:00:00:00:00:42").build()) {
            ClientLease lease = device.dora();
            assertThat(lease.address().getHostAddress()).isEqualTo("10.20.0.42");
            assertThat(lease.leaseTime()).isEqualTo(Duration.ofMinutes(10));
            assertThat(lease.option(OptionCode.CLASSLESS_STATIC_ROUTE)).isPresent();
            assertThat(server).client("02:00:00:00:00:42").hasLease("10.20.0.42");
        }
    }

    @Test
    void noSocketAtAll() {
        DhcpMessage discover = DhcpMessage.builder().messageType(MessageType.DISCOVER).xid(0x2a)
                .chaddr("02:00:00:00:00:07").build();
        // tag::in-memory[]
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = DhcpServer.builder().transport(memory)
            .subnet("10.20.0.0/24", s -> s.router("10.20.0.1"))
            .start();
        List<DhcpMessage> replies = memory.exchange(discover);     // the OFFER, with no socket
        // end::in-memory[]
        try (server) {
            assertThat(replies).singleElement().satisfies(offer -> assertThat(offer).isA(MessageType.OFFER));
        }
    }
}
