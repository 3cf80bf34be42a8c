package dev.dhcpembedded.junit;

import dev.dhcpembedded.server.DhcpServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where fixture tests (run through the testkit) leave the servers they saw, for the outer test to inspect. */
final class Probe {

    private static final Map<String, List<DhcpServer>> SEEN = new ConcurrentHashMap<>();

    private Probe() {
    }

    static void saw(String fixture, DhcpServer server) {
        SEEN.computeIfAbsent(fixture, k -> new CopyOnWriteArrayList<>()).add(server);
    }

    static List<DhcpServer> seen(String fixture) {
        return SEEN.getOrDefault(fixture, List.of());
    }

    static void forget(String fixture) {
        SEEN.remove(fixture);
    }

    /** Whether the UDP port can be bound again, i.e. the server let go of it. */
    @SuppressWarnings("try")
    static boolean portFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
