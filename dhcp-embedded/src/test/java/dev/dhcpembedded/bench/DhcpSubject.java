package dev.dhcpembedded.bench;

import dev.dhcpembedded.server.DhcpServer;

/** A loopback DHCP server with one subnet, built and started as a test would. */
final class DhcpSubject implements StartupHarness.Subject {

    private DhcpServer server;

    @Override
    public void start() {
        server = DhcpServer.builder()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                .start();
    }

    @Override
    public void stop() {
        server.stop();
    }
}
