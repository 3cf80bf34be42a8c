package dev.dhcpembedded.agent;

import dev.dhcpembedded.server.Transports;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The production opener: finds the interface that holds the address (waiting a little, since Docker may connect
 * the network just after the container started) and opens {@link Transports#onInterface(String)} on it, and for
 * DHCPv6 {@link Transports#onInterface6(String)} on the same interface.
 */
public final class InterfaceOpener implements TransportOpener {

    private final Duration wait;

    public InterfaceOpener(Duration wait) {
        this.wait = wait;
    }

    @Override
    public Transport open(Inet4Address address) throws IOException {
        return Transports.onInterface(interfaceHolding(address).getName());
    }

    /**
     * DHCPv6 on {@code interfaceName}, once its link-local address is there and has passed duplicate address
     * detection: Docker connects the network with the interface up but the address tentative for a second or so,
     * and a tentative address can neither be found to serve from nor be the source of a reply.
     */
    @Override
    public Transport open6(String interfaceName) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String state = linkLocalState(interfaceName);
            if (state.isEmpty()) {
                return Transports.onInterface6(interfaceName);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("interface " + interfaceName + " has no usable IPv6 link-local address after "
                        + wait.toMillis() + " ms (" + state + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the link-local address of " + interfaceName, e);
            }
        }
    }

    /**
     * Empty when {@code name} has a link-local address past duplicate address detection, else what is missing, from
     * /proc/net/if_inet6 (address, index, prefix length, scope, flags, name; scope 0x20 is link, flag 0x40
     * tentative).
     */
    static String linkLocalState(String name) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/if_inet6"));
        } catch (IOException e) {
            return "cannot read /proc/net/if_inet6: " + e.getMessage() + "; is IPv6 on in this container?";
        }
        String found = "no link-local address yet";
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !f[5].equals(name) || Integer.parseInt(f[3], 16) != 0x20) {
                continue;
            }
            int flags = Integer.parseInt(f[4], 16);
            if ((flags & 0x40) == 0 && (flags & 0x08) == 0) {
                return "";
            }
            found = (flags & 0x08) != 0 ? "its link-local address failed duplicate address detection"
                    : "its link-local address is still tentative";
        }
        return found;
    }

    private NetworkInterface interfaceHolding(Inet4Address address) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            NetworkInterface nic = NetworkInterface.getByInetAddress(address);
            if (nic != null && nic.isUp()) {
                return nic;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no interface of this container holds " + address.getHostAddress()
                        + " (after " + wait.toMillis() + " ms); its interfaces are " + describe());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + address.getHostAddress(), e);
            }
        }
    }

    @Override
    public List<Inet4Address> broadcasts(Transport opened) {
        List<Inet4Address> out = new ArrayList<>();
        try {
            out.add((Inet4Address) InetAddress.getByAddress(new byte[] {-1, -1, -1, -1}));
            NetworkInterface nic = NetworkInterface.getByName(opened.interfaceName());
            if (nic != null) {
                for (InterfaceAddress a : nic.getInterfaceAddresses()) {
                    if (a.getBroadcast() instanceof Inet4Address b && !out.contains(b)) {
                        out.add(b);
                    }
                }
            }
        } catch (IOException e) {
            // 255.255.255.255 alone: directed broadcasts are then treated as unicast by the JVM, which is harmless
        }
        return out;
    }

    private static String describe() {
        List<String> names = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<String> addresses = new ArrayList<>();
                for (InterfaceAddress a : nic.getInterfaceAddresses()) {
                    addresses.add(a.getAddress().getHostAddress() + "/" + a.getNetworkPrefixLength());
                }
                names.add(nic.getName() + " " + addresses);
            }
        } catch (SocketException e) {
            names.add("(cannot list: " + e.getMessage() + ")");
        }
        return names.toString();
    }
}
