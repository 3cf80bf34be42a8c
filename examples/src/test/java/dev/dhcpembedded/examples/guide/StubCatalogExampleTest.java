package dev.dhcpembedded.examples.guide;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

// tag::imports[]
import static dev.dhcpembedded.stub.RequestMatcher.*;
import static dev.dhcpembedded.stub.Responses.*;
// end::imports[]

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec.RequestState;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stub terms the documentation's "Stubs and faults" page lists, each registered on a running server. */
class StubCatalogExampleTest {

    static final String MAC = "02:00:00:00:00:42";

    @Test
    void everyTermOfTheCatalogueRegisters() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.router("10.20.0.1"))
                .start()) {
            // tag::catalogue[]
            server.stub(onDiscover().from(MAC).respond(ignore()).times(2));                 // drop the first two
            server.stub(onRequest().respond(nak("address moved")).once());
            server.stub(onDiscover().respond(offer().address("10.20.0.77").delay(Duration.ofMillis(300))));
            server.stub(onRequest().respond(defaultReply().delayOnServerClock(Duration.ofSeconds(5))));
            server.stub(onDiscover().respond(defaultReply().alsoFrom(rogueServerId("10.20.0.2"))));  // competing
            server.stub(onDiscover().respond(defaultReply().duplicate()));
            server.stub(onDiscover().respond(defaultReply().wrongXid()));
            server.stub(onDiscover().respond(defaultReply().malformed(truncatedOption(OptionCode.ROUTER))));
            server.stub(onRequest().inState(RequestState.RENEWING).respond(nak("renewal refused")));
            server.stub(onRequest().respond((request, ctx) -> ctx.defaultReply()
                    .withOption(DhcpOptions.message("hi"))));
            server.stub(onDiscover().from(MAC).respond(withoutRapidCommit()).once());  // an OFFER, not a rapid ACK
            server.stub(onRequest().respond(nak("taken").then(ack())));      // two replies: servers in conflict
            server.stub(onRequest().inState(RequestState.RENEWING)
                    .respond(nak("moved").unicastToClientAddress()));         // not broadcast: a renewing client hears it
            // end::catalogue[]
            assertThat(server.stubs()).hasSize(13);
            assertThat(server.unusedStubs()).hasSize(13);
        }
    }

    @Test
    void everyScriptedFaultHappened() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.router("10.20.0.1")).start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC).build()) {
            server.stub(onRequest().from(MAC).respond(nak("address moved")).once());
            client.request(client.discover().orElseThrow());                    // NAKed by the stub
            client.dora();                                                      // then the RFC path
            // tag::afterwards[]
            assertThat(server.unusedStubs()).isEmpty();        // every scripted fault really happened
            assertThat(server.unmatchedRequests()).isNotEmpty(); // the second DORA went to the RFC default
            // end::afterwards[]
            assertThat(server).received(MessageType.REQUEST).from(MAC).times(2);
        }
    }
}
