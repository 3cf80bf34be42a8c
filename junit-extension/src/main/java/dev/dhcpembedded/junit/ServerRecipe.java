package dev.dhcpembedded.junit;

import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.util.Optional;

/** How to start one server: from {@code @DhcpServerTest} or from a {@link DhcpServerExtension.Builder}. */
interface ServerRecipe {

    /** Starts a new server; bad configuration is an ExtensionConfigurationException saying what to change. */
    Started start();

    /** Where the recipe comes from, for messages. */
    String origin();

    /** A started server and the TestClock it runs on, if any. */
    record Started(DhcpServer server, Optional<TestClock> clock) {
    }
}
