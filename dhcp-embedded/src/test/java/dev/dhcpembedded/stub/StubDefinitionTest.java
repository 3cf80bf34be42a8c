package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.RequestState;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static dev.dhcpembedded.stub.Responses.ignore;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stub is a complete value, checked when written, registered whole; the server keeps its run-time counts. */
class StubDefinitionTest {

    private static final String MAC = "02:00:00:00:00:42";

    private final InMemoryTransport transport = new InMemoryTransport();
    private final DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.20.0.1")
            .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
            .start();

    @AfterEach
    void stop() {
        server.close();
    }

    private List<DhcpMessage> send(DhcpMessageBuilder message) {
        return transport.exchange(message.build());
    }

    private static DhcpMessageBuilder message(MessageType type) {
        return DhcpMessage.builder().xid(7).chaddr(MAC).messageType(type);
    }

    private static DhcpMessageBuilder discover() {
        return message(MessageType.DISCOVER);
    }

    // ---- checked when written ----

    @Test
    void timesBelowOneFailsAtOnceSayingWhatToDo() {
        Stub stub = onDiscover().respond(ignore());
        assertThatThrownBy(() -> stub.times(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("times(0): a stub answers at least once; to have it not answer, do not register it,"
                        + " or remove it with server.removeStub(stub)");
    }

    @Test
    void scenarioStateWithoutAScenarioFailsAtOnce() {
        Stub stub = onDiscover().respond(ignore());
        assertThatThrownBy(() -> stub.whenScenarioStateIs("dropped")).isInstanceOf(IllegalStateException.class)
                .hasMessage("whenScenarioStateIs(\"dropped\") needs a scenario: call .inScenario(name) before it,"
                        + " e.g. .inScenario(\"boot\").whenScenarioStateIs(\"dropped\")");
        assertThatThrownBy(() -> stub.willSetStateTo("next")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("willSetStateTo(\"next\") needs a scenario: call .inScenario(name)");
        assertThatThrownBy(() -> stub.inScenario(" ")).hasMessage("inScenario(\" \"): name the scenario");
        assertThatThrownBy(() -> stub.inScenario("a").inScenario("b"))
                .hasMessageContaining("already in scenario \"a\"");
    }

    @Test
    void negativeDelaysAndOtherBadValuesFailAtOnce() {
        assertThatThrownBy(() -> defaultReply().delay(Duration.ofMillis(-5)))
                .hasMessage("delay(PT-0.005S): a delay cannot be negative; use Duration.ZERO or a positive duration");
        assertThatThrownBy(() -> defaultReply().delayOnServerClock(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("delayOnServerClock(PT-1S): a delay cannot be negative");
        assertThatThrownBy(() -> defaultReply().duplicate(0)).hasMessageStartingWith("duplicate(0)");
        assertThatThrownBy(() -> Responses.offer().address("10.20.0.300")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nak("x").address("10.20.0.7"))
                .hasMessage("address(10.20.0.7) applies to offer() and ack(), not to nak \"x\"");
        assertThatThrownBy(() -> Responses.badOptionLength(OptionCode.ROUTER, 256))
                .hasMessageContaining("0 to 255");
        assertThatThrownBy(() -> Responses.truncatedTo(-1)).hasMessageContaining("cannot be negative");
    }

    @Test
    void aStubIsAValueNarrowingReturnsANewOne() {
        Stub base = onDiscover().from(MAC).respond(ignore());
        Stub twice = base.times(2).atPriority(3);

        assertThat(base.times()).isEmpty();
        assertThat(base.priority()).isZero();
        assertThat(twice.times()).hasValue(2);
        assertThat(twice.priority()).isEqualTo(3);
        assertThat(twice).hasToString("DISCOVER from " + MAC + " -> ignore, 2 times, priority 3");
        assertThat(onRequest().respond(nak("no")).once().inScenario("boot").whenScenarioStateIs(Stub.STARTED)
                .willSetStateTo("naked"))
                .hasToString("REQUEST -> nak \"no\", once, scenario \"boot\" when \"Started\" then \"naked\"");
    }

    // ---- registered whole; the server keeps the counts ----

    @Test
    void theServerCountsAnswersNotTheStub() {
        Stub once = onDiscover().respond(ignore()).once();
        server.stub(once);

        assertThat(send(discover())).isEmpty();
        assertThat(send(discover())).hasSize(1);
        assertThat(once.times()).hasValue(1);

        DhcpServer other = DhcpServer.builder().transport(new InMemoryTransport()).serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start();
        try {
            other.stub(once);       // the same value, fresh on another server
            assertThat(((InMemoryTransport) other.transport()).exchange(discover().build())).isEmpty();
        } finally {
            other.close();
        }
    }

    @Test
    void theSameStubCannotBeRegisteredTwice() {
        Stub stub = server.stub(onDiscover().respond(ignore()));
        assertThatThrownBy(() -> server.stub(stub)).isInstanceOf(IllegalStateException.class)
                .hasMessage("stub #1 (DISCOVER -> ignore) is registered already; build another stub, or"
                        + " removeStub(...) this one first");
        assertThatThrownBy(() -> server.stub((Stub) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void unusedStubsAreTheOnesThatNeverAnswered() {
        Stub dropDiscover = server.stub(onDiscover().respond(ignore()).once());
        Stub refuseRequest = server.stub(onRequest().respond(nak("no")));
        assertThat(server.unusedStubs()).containsExactly(dropDiscover, refuseRequest);

        send(discover());

        assertThat(server.unusedStubs()).containsExactly(refuseRequest);
        assertThat(server.stubs()).containsExactly(dropDiscover, refuseRequest);
    }

    @Test
    void unmatchedRequestsAreTheOnesNoStubAnsweredWhileStubsWereThere() {
        send(discover().xid(1));                                   // no stubs yet: not "unmatched"
        server.stub(onDiscover().from("02:00:00:00:00:99").respond(ignore()));
        send(discover().xid(2));                                   // another MAC: unmatched
        send(message(MessageType.DISCOVER).xid(3).chaddr("02:00:00:00:00:99"));   // matched

        List<JournalEntry> unmatched = server.unmatchedRequests();
        assertThat(unmatched).extracting(e -> e.message().orElseThrow().xid()).containsExactly(2);
        assertThat(unmatched.get(0).isReceived()).isTrue();

        server.resetStubs();
        assertThat(server.unmatchedRequests()).isEmpty();
    }

    @Test
    void exhaustedStubsStillCountAsPresent() {
        server.stub(onDiscover().respond(ignore()).once());
        send(discover().xid(1));
        send(discover().xid(2));

        assertThat(server.unmatchedRequests()).extracting(e -> e.message().orElseThrow().xid()).containsExactly(2);
    }

    // ---- the stub matcher uses the one classifier ----

    @Test
    void inStateRenewingMatchesAUnicastRenewalWithTheBroadcastFlagSet() {
        server.stub(onRequest().inState(RequestState.RENEWING).respond(nak("renewal refused")));

        List<DhcpMessage> replies = send(message(MessageType.REQUEST).ciaddr("10.20.0.100").broadcast(true));

        assertThat(replies).singleElement().satisfies(m -> assertThat(m.message()).contains("renewal refused"));
        assertThat(server.journal().received().get(0).note()).startsWith("stub #1");
    }

    @Test
    void inStateRebindingMatchesARelayedRenewal() {
        server.stub(onRequest().inState(RequestState.REBINDING).respond(nak("rebinding refused")));

        List<DhcpMessage> replies = send(message(MessageType.REQUEST).ciaddr("10.20.0.100").giaddr("10.20.0.2"));

        assertThat(replies).singleElement().satisfies(m -> assertThat(m.message()).contains("rebinding refused"));
    }

    @Test
    void inStateSelectingAndInitRebootMatchTheirRequests() {
        server.stub(onRequest().inState(RequestState.SELECTING).respond(nak("selecting")));
        server.stub(onRequest().inState(RequestState.INIT_REBOOT).respond(nak("init-reboot")));

        assertThat(send(message(MessageType.REQUEST).option(DhcpOptions.serverIdentifier("10.20.0.1"))
                .option(DhcpOptions.requestedIpAddress("10.20.0.100"))).get(0).message()).contains("selecting");
        assertThat(send(message(MessageType.REQUEST).option(DhcpOptions.requestedIpAddress("10.20.0.100")))
                .get(0).message()).contains("init-reboot");
    }

    @Test
    void contextStateIsTheClassifiers() {
        server.stub(onRequest().respond((request, ctx) -> ctx.nak("state " + ctx.state().rfcName())));

        assertThat(send(message(MessageType.REQUEST).ciaddr("10.20.0.100").broadcast(true)).get(0).message())
                .contains("state RENEWING");
    }

    // ---- Responses offers every malformation, under Malformation's names ----

    @Test
    void responsesOffersEveryMalformationUnderTheSameName() {
        List<String> ofMalformation = factories(Malformation.class);
        List<String> ofResponses = factories(Responses.class).stream()
                .filter(name -> !List.of("defaultReply", "withoutRapidCommit", "offer", "ack", "nak", "ignore", "reply", "rogueServerId")
                        .contains(name))
                .collect(Collectors.toList());

        assertThat(ofMalformation).contains("truncatedTo", "badMagicCookie", "badOptionLength", "truncatedOption",
                "missingEnd", "custom");
        assertThat(ofResponses).containsExactlyInAnyOrderElementsOf(
                ofMalformation.stream().filter(n -> !n.equals("custom")).collect(Collectors.toList()));
    }

    @Test
    void missingEndAndTruncatedToReallyBreakTheReply() {
        server.stub(onDiscover().respond(defaultReply().malformed(Responses.missingEnd())).once());
        server.stub(onDiscover().respond(defaultReply().malformed(Responses.truncatedTo(100))).once());

        transport.deliver(DhcpCodec.encode(discover().xid(1).build()), InMemoryTransport.CLIENT);
        transport.deliver(DhcpCodec.encode(discover().xid(2).build()), InMemoryTransport.CLIENT);

        List<JournalEntry> sent = server.journal().sent();
        assertThat(sent.get(0).bytes()).hasSize(100);
        assertThatThrownBy(() -> DhcpCodec.decode(sent.get(0).bytes())).isInstanceOf(DhcpCodecException.class);
        assertThat(sent.get(1).error()).isPresent();
    }

    private static List<String> factories(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() == Malformation.class || isResponsesFactory(type, m))
                .map(Method::getName).distinct().collect(Collectors.toList());
    }

    private static boolean isResponsesFactory(Class<?> type, Method m) {
        return type == Responses.class && Modifier.isPublic(m.getModifiers());
    }
}
