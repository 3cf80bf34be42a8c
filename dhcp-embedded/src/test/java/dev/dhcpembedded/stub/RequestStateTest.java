package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.RequestState;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The classifier's rule, case by case (RFC 2131 §4.3.2). */
class RequestStateTest {

    static final String MAC = "02:00:00:00:00:42";

    static DhcpMessageBuilder request() {
        return DhcpMessage.builder().xid(7).chaddr(MAC).messageType(MessageType.REQUEST);
    }

    static Stream<Arguments> cases() {
        DhcpOption s54 = DhcpOptions.serverIdentifier("10.20.0.1");
        DhcpOption r50 = DhcpOptions.requestedIpAddress("10.20.0.100");
        return Stream.of(
                Arguments.of("54 and 50", request().option(s54).option(r50), false, RequestState.SELECTING),
                Arguments.of("54 with ciaddr set", request().option(s54).ciaddr("10.20.0.100"), false,
                        RequestState.SELECTING),
                Arguments.of("50 only, broadcast", request().option(r50), true, RequestState.INIT_REBOOT),
                Arguments.of("50 with ciaddr set", request().option(r50).ciaddr("10.20.0.100"), false,
                        RequestState.NONE),
                Arguments.of("ciaddr, unicast", request().ciaddr("10.20.0.100"), false, RequestState.RENEWING),
                Arguments.of("ciaddr, unicast, broadcast flag set", request().ciaddr("10.20.0.100").broadcast(true),
                        false, RequestState.RENEWING),
                Arguments.of("ciaddr, broadcast", request().ciaddr("10.20.0.100"), true, RequestState.REBINDING),
                Arguments.of("ciaddr, relayed, unicast to the server",
                        request().ciaddr("10.30.0.100").giaddr("10.30.0.1"), false, RequestState.REBINDING),
                Arguments.of("nothing set", request(), false, RequestState.NONE),
                Arguments.of("not a REQUEST", DhcpMessage.builder().xid(7).chaddr(MAC)
                        .messageType(MessageType.DISCOVER).ciaddr("10.20.0.100"), false, RequestState.NONE));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void classifies(String what, DhcpMessageBuilder message, boolean arrivedByBroadcast, RequestState expected) {
        assertThat(RequestState.of(message.build(), arrivedByBroadcast)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void theStubMatcherAgrees(String what, DhcpMessageBuilder message, boolean arrivedByBroadcast,
                              RequestState expected) {
        DhcpMessage built = message.build();
        for (RequestState state : RequestState.values()) {
            assertThat(RequestMatcher.onAnyMessage().inState(state).matches(built, arrivedByBroadcast))
                    .as("inState(%s) on %s", state, what).isEqualTo(state == expected);
        }
    }

    @org.junit.jupiter.api.Test
    void rfcNames() {
        assertThat(RequestState.INIT_REBOOT.rfcName()).isEqualTo("INIT-REBOOT");
        assertThat(RequestState.RENEWING.rfcName()).isEqualTo("RENEWING");
    }
}
