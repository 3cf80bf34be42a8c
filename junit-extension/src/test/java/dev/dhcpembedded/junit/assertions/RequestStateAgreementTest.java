package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.codec.RequestState;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.Transport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user of the RFC 2131 request-state rule calls the same classifier, so they agree: the classifier itself,
 * the lease engine (the state its journal note names), a stub matcher {@code onRequest().inState(...)} on a live
 * server, and the conformance check reading the journal. Requests arrive by broadcast or unicast on a transport
 * that shows both.
 */
class RequestStateAgreementTest {

    private static final String MAC = "02:00:00:00:00:42";
    private static final Pattern ENGINE_STATE = Pattern.compile("^REQUEST\\(([A-Z-]+)\\)");

    static Stream<Arguments> requests() {
        DhcpOption s54 = DhcpOptions.serverIdentifier("10.20.0.1");
        DhcpOption r50 = DhcpOptions.requestedIpAddress("10.20.0.100");
        return Stream.of(
                Arguments.of("54 and 50, broadcast", request().option(s54).option(r50), true, RequestState.SELECTING),
                Arguments.of("54 and ciaddr, unicast", request().option(s54).ciaddr("10.20.0.100"), false,
                        RequestState.SELECTING),
                Arguments.of("50, broadcast", request().option(r50), true, RequestState.INIT_REBOOT),
                Arguments.of("50 and ciaddr, unicast", request().option(r50).ciaddr("10.20.0.100"), false,
                        RequestState.NONE),
                Arguments.of("ciaddr, unicast", request().ciaddr("10.20.0.100"), false, RequestState.RENEWING),
                Arguments.of("ciaddr and broadcast flag, unicast", request().ciaddr("10.20.0.100").broadcast(true),
                        false, RequestState.RENEWING),
                Arguments.of("ciaddr, broadcast", request().ciaddr("10.20.0.100"), true, RequestState.REBINDING),
                Arguments.of("ciaddr, relayed, unicast", request().ciaddr("10.20.0.100").giaddr("10.20.0.2"), false,
                        RequestState.REBINDING),
                Arguments.of("no 50, 54 or ciaddr", request(), true, RequestState.NONE));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("requests")
    void everyUserClassifiesTheRequestAlike(String what, DhcpMessageBuilder builder, boolean broadcast,
                                            RequestState expected) {
        DhcpMessage request = builder.build();

        RequestState byClassifier = RequestState.of(request, broadcast);
        RequestState byEngine;
        RequestState byConformance;
        try (LinkTransport link = new LinkTransport(); DhcpServer server = server(link)) {
            link.deliver(request, broadcast);
            JournalEntry received = server.journal().received().get(0);
            byEngine = engineState(received.note());
            byConformance = Rfc2131Conformance.stateOf(received);
        }
        RequestState byStubs;
        try (LinkTransport link = new LinkTransport(); DhcpServer server = server(link)) {
            for (RequestState state : RequestState.values()) {
                server.stub(onRequest().inState(state).respond((r, ctx) -> ctx.nak(state.name())));
            }
            byStubs = RequestState.valueOf(link.deliver(request, broadcast).get(0).message().orElseThrow());
        }

        assertThat(List.of(byClassifier, byEngine, byStubs, byConformance))
                .as("classifier, engine, stub matcher, conformance on %s", what)
                .containsOnly(expected);
    }

    @Test
    void conformanceJudgesARequestByTheStateTheServerGaveIt() {
        try (LinkTransport link = new LinkTransport(); DhcpServer server = server(link)) {
            link.deliver(request().xid(1).ciaddr("10.20.0.100").broadcast(true), false);    // RENEWING: fine
            link.deliver(request().xid(2).ciaddr("10.20.0.100").giaddr("10.20.0.2"), false); // REBINDING: fine
            link.deliver(request().xid(3).ciaddr("10.20.0.100"), true);                     // REBINDING: fine
            link.deliver(request().xid(4).option(DhcpOptions.requestedIpAddress("10.20.0.100")), true); // INIT-REBOOT
            link.deliver(request().xid(5).ciaddr("10.20.0.100")                              // SELECTING with ciaddr
                    .option(DhcpOptions.serverIdentifier("10.20.0.1"))
                    .option(DhcpOptions.requestedIpAddress("10.20.0.100")), false);

            List<Rfc2131Violation> violations = Rfc2131Conformance.check(server.journal(), MacAddress.parse(MAC));

            assertThat(violations).extracting(v -> v.rule() + ": " + v.detail()).containsExactly(
                    "SELECTING_REQUEST: in SELECTING (it carries server identifier (54) 10.20.0.1), has ciaddr"
                            + " 10.20.0.100");
        }
    }

    private static RequestState engineState(String note) {
        Matcher m = ENGINE_STATE.matcher(note);
        if (!m.find()) {
            return RequestState.NONE;
        }
        for (RequestState state : RequestState.values()) {
            if (state.rfcName().equals(m.group(1))) {
                return state;
            }
        }
        throw new AssertionError("the engine names an unknown state: " + note);
    }

    private static DhcpMessageBuilder request() {
        return DhcpMessage.builder().xid(9).chaddr(MAC).messageType(MessageType.REQUEST);
    }

    private static DhcpServer server(LinkTransport link) {
        return DhcpServer.builder().transport(link).serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                .authoritative(true).start();
    }

    /** Delivers requests as a link would, broadcast to 255.255.255.255 or unicast to the server, and says which. */
    private static final class LinkTransport implements Transport {

        private static final InetSocketAddress SERVER = new InetSocketAddress("10.20.0.1", 67);
        private static final InetSocketAddress BROADCAST = new InetSocketAddress("255.255.255.255", 67);
        private final List<Datagram> sent = new ArrayList<>();
        private Receiver receiver;

        List<DhcpMessage> deliver(DhcpMessageBuilder request, boolean broadcast) {
            return deliver(request.build(), broadcast);
        }

        List<DhcpMessage> deliver(DhcpMessage request, boolean broadcast) {
            sent.clear();
            InetSocketAddress source = new InetSocketAddress(request.ciaddr(), 68);
            receiver.onDatagram(new Datagram(DhcpCodec.encode(request), source, broadcast ? BROADCAST : SERVER,
                    "link0", broadcast));
            List<DhcpMessage> replies = new ArrayList<>();
            sent.forEach(d -> replies.add(DhcpCodec.decode(d.bytes())));
            return replies;
        }

        @Override
        public void start(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public void send(Datagram datagram) {
            sent.add(datagram);
        }

        @Override
        public InetSocketAddress localAddress() {
            return SERVER;
        }

        @Override
        public String interfaceName() {
            return "link0";
        }

        @Override
        public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                                  byte[] clientEthernet) {
            return rfcDestination;
        }

        @Override
        public void close() {
        }
    }
}
