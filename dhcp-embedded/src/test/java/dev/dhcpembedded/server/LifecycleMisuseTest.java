package dev.dhcpembedded.server;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.ignore;
import static dev.dhcpembedded.stub6.Request6Matcher.onSolicit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.stub6.Response6;
import dev.dhcpembedded.transport.InMemoryTransport;
import org.junit.jupiter.api.Test;

/** Calls that could never take effect fail and say why, instead of being accepted silently (issue 21, item 4). */
class LifecycleMisuseTest {

    private static DhcpServerBuilder builder() {
        return DhcpServer.builder().transport(new InMemoryTransport())
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"));
    }

    @Test
    void aStubAfterStopIsRefused() {
        DhcpServer server = builder().start();
        server.stop();

        assertThatThrownBy(() -> server.stub(onDiscover().respond(ignore())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the server was stopped")
                .hasMessageContaining("start() the server again first");
        assertThatThrownBy(() -> server.stub(onSolicit().respond(Response6.ignore())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the server was stopped");
    }

    @Test
    void aStubBeforeTheFirstStartAndAfterARestartIsWelcome() {
        DhcpServer server = builder().build();
        server.stub(onDiscover().respond(ignore()));
        server.start();
        server.stop();
        server.start();
        try {
            server.stub(onDiscover().respond(ignore()).once());
            assertThat(server.stubs()).hasSize(2);
        } finally {
            server.stop();
        }
    }

    @Test
    void pauseBeforeStartIsRefused() {
        DhcpServer server = builder().build();

        assertThatThrownBy(server::pause).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
        assertThat(server.isPaused()).isFalse();
    }
}
