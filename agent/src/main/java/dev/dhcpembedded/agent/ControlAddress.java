package dev.dhcpembedded.agent;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address the control port listens on: the agent's address on its control network, which is the one network
 * the container has when it starts (the DHCP network is connected later). Found as the IPv4 address of the
 * interface of the default route, or else of the only interface other than loopback. Neither the DHCP network nor
 * any other interface joined later reaches the control port.
 */
final class ControlAddress {

    private ControlAddress() {
    }

    /** The control network's address of this container, now. */
    static Inet4Address find() throws IOException {
        String routed = defaultRouteInterface(Path.of("/proc/net/route"));
        List<NetworkInterface> candidates = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback() && ipv4(nic) != null
                    && (routed == null || nic.getName().equals(routed))) {
                candidates.add(nic);
            }
        }
        if (candidates.size() != 1) {
            List<String> names = new ArrayList<>();
            candidates.forEach(n -> names.add(n.getName()));
            throw new IOException("cannot tell the control network's interface: "
                    + (routed == null ? "no default route, and " : "the default route is on " + routed + ", and ")
                    + (candidates.isEmpty() ? "no" : candidates.size()) + " interface(s) with an IPv4 address "
                    + (names.isEmpty() ? "match" : names + " match") + "; the agent must start on one network");
        }
        return ipv4(candidates.get(0));
    }

    /** The interface of the IPv4 default route in {@code routeTable} (/proc/net/route), or null. */
    static String defaultRouteInterface(Path routeTable) {
        try {
            for (String line : Files.readAllLines(routeTable)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 2 && f[1].equals("00000000") && !f[0].equals("Iface")) {
                    return f[0];
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static Inet4Address ipv4(NetworkInterface nic) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
            if (a instanceof Inet4Address v4) {
                return v4;
            }
        }
        return null;
    }
}
