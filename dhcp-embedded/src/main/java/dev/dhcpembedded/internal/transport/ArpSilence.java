package dev.dhcpembedded.internal.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Makes the kernel stop answering ARP requests on one interface of the current network namespace, and undoes it:
 * {@code net.ipv4.conf.<interface>.arp_ignore = 8} ("do not reply for all local addresses", the strongest value; the
 * kernel applies the larger of {@code conf.all} and {@code conf.<interface>}), the earlier value written back by
 * {@link #restore()}. Unicast ARP probes of a neighbour's cache (NUD PROBE) go unanswered too, so a client that
 * checks the server's address finds it gone, as in a real outage.
 *
 * <p>Writing the sysctl needs root (CAP_NET_ADMIN and write access to {@code /proc/sys} of the namespace); when it is
 * refused {@link #silence(String)} throws with the reason, and nothing was changed.
 */
public final class ArpSilence {

    /** arp_ignore 8: do not reply to ARP requests for any local address (Documentation/networking/ip-sysctl). */
    static final String IGNORE_ALL = "8";

    private final Path sysctl;
    private final String before;
    private boolean restored;

    private ArpSilence(Path sysctl, String before) {
        this.sysctl = sysctl;
        this.before = before;
    }

    /** The sysctl file of {@code interfaceName}'s arp_ignore in the current namespace. */
    static Path sysctlOf(String interfaceName) {
        if (interfaceName.isEmpty() || interfaceName.contains("/") || interfaceName.equals(".")
                || interfaceName.equals("..")) {
            throw new IllegalArgumentException("not an interface name: '" + interfaceName + "'");
        }
        return Paths.get("/proc/sys/net/ipv4/conf", interfaceName, "arp_ignore");
    }

    /**
     * Stops ARP replies on {@code interfaceName} until {@link #restore()}.
     *
     * @throws IOException saying why it could not (no such interface, no privilege), with nothing changed
     */
    public static ArpSilence silence(String interfaceName) throws IOException {
        Path sysctl = sysctlOf(interfaceName);
        String before;
        try {
            before = Files.readString(sysctl, StandardCharsets.US_ASCII).strip();
            Files.writeString(sysctl, IGNORE_ALL, StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            throw new IOException("cannot stop ARP replies on " + interfaceName + " (writing " + IGNORE_ALL + " to "
                    + sysctl + " failed: " + e + "); that needs root (CAP_NET_ADMIN) in the interface's network"
                    + " namespace", e);
        }
        return new ArpSilence(sysctl, before);
    }

    /** Writes the earlier arp_ignore back; once only, later calls do nothing. */
    public synchronized void restore() throws IOException {
        if (restored) {
            return;
        }
        restored = true;
        Files.writeString(sysctl, before, StandardCharsets.US_ASCII);
    }

    /** The arp_ignore value it found, and writes back. */
    public String before() {
        return before;
    }

    @Override
    public String toString() {
        return "ARP replies off on " + sysctl + " (was " + before + ")";
    }
}
