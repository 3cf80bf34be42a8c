package dev.dhcpembedded.internal.wire.archfixture;

import dev.dhcpembedded.server.DhcpServer;

/** A back edge on purpose: the wire layer using the server facade. Only ArchitectureRulesFailTest reads it. */
public final class WireUsingTheServer {

    private WireUsingTheServer() {
    }

    public static int port(DhcpServer server) {
        return server.port();
    }
}
