package dev.dhcpembedded.junit;

import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running server kept in the {@link ExtensionContext.Store}: JUnit closes it when its context ends (the test or
 * the class), whatever happened, so the server stops and its port is freed. It is both an {@link AutoCloseable}
 * (JUnit 5.13 and later, 6) and a {@code CloseableResource} (older 5.x); JUnit closes it once either way.
 */
@SuppressWarnings("deprecation")
final class ServerResource implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final DhcpServer server;
    private final Optional<TestClock> clock;
    private final String origin;
    private final boolean shared;
    private final Object creator;
    private final String contextId;
    private final Consumer<ServerResource> closed;
    /** Tests that share one server take turns, even under concurrent execution. */
    private final Semaphore turn = new Semaphore(1, true);

    ServerResource(DhcpServer server, Optional<TestClock> clock, String origin, boolean shared, Object creator,
                   String contextId, Consumer<ServerResource> closed) {
        this.closed = closed;
        this.creator = creator;
        this.contextId = contextId;
        this.server = server;
        this.clock = clock;
        this.origin = origin;
        this.shared = shared;
    }

    DhcpServer server() {
        return server;
    }

    Optional<TestClock> clock() {
        return clock;
    }

    /** Where the server was declared, for messages: {@code @DhcpServerTest on FooTest}. */
    String origin() {
        return origin;
    }

    /** Whether it serves a whole class (and is reset before each test) rather than one test. */
    boolean shared() {
        return shared;
    }

    /** The extension instance that started it. */
    Object creator() {
        return creator;
    }

    /** The unique id of the context (class or test) it belongs to. */
    String contextId() {
        return contextId;
    }

    Semaphore turn() {
        return turn;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            closed.accept(this);
        }
    }

    @Override
    public String toString() {
        return server + " from " + origin;
    }
}
