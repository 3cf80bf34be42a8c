package dev.dhcpembedded.realclients;

import dev.dhcpembedded.server.DhcpServer;

/**
 * Starts a server on interface {@code args[0]} serving {@code args[1]} (a CIDR, pool {@code args[2]}-{@code args[3]}) and reports how that went: run by
 * {@link InterfaceFailureTest} as an unprivileged user in a child JVM. Prints {@code STARTED} and exits 0, or
 * prints {@code FAILED: <message>} and exits 2.
 */
public final class BindInterfaceMain {

    private BindInterfaceMain() {
    }

    public static void main(String[] args) {
        try (DhcpServer server = DhcpServer.builder().bindInterface(args[0]).subnet(args[1], s -> s.pool(args[2], args[3])).start()) {
            System.out.println("STARTED " + server.address());
        } catch (RuntimeException e) {
            System.out.println("FAILED: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }
}
