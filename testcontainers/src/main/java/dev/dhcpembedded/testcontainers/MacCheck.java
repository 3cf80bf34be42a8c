package dev.dhcpembedded.testcontainers;

import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;

/**
 * The read-back of a client container's MAC: the MAC asked for must be the one its interface has, or the container
 * fails to start, naming both and the engine (a MAC an engine ignores silently turns a static lease into a pool one).
 */
final class MacCheck {

    private MacCheck() {
    }

    /**
     * Fails unless {@code actual} is {@code asked} (ignoring case).
     *
     * @throws IllegalStateException naming the asked and the actual MAC, the interface, the container and the engine
     */
    static void verify(String asked, String actual, String iface, String container, String log) {
        if (asked.equalsIgnoreCase(actual.strip())) {
            return;
        }
        throw new IllegalStateException("container " + container + " was asked for MAC " + asked + " on " + iface
                + ", but " + iface + " has MAC " + actual.strip() + " (engine: " + engine() + "); the DHCP client "
                + "was not started. The container sets the MAC itself with 'ip link set dev " + iface + " address "
                + asked + "' (it has NET_ADMIN); its log said: " + log.lines().filter(l -> l.contains("DHCP-CONTAINER"))
                .map(String::strip).collect(Collectors.joining(" | ")));
    }

    /** The engine, as its version endpoint names it, e.g. {@code Podman Engine 4.3.1 (API 1.41)}. */
    static String engine() {
        try {
            Version v = DockerClientFactory.instance().client().versionCmd().exec();
            List<VersionComponent> components = v.getComponents() == null ? List.of() : v.getComponents();
            String names = components.stream()
                    .map(c -> ("Engine".equals(c.getName()) ? "Docker Engine" : c.getName()) + " " + c.getVersion())
                    .filter(n -> n.toLowerCase(Locale.ROOT).contains("engine")).collect(Collectors.joining(", "));
            String host = System.getenv("DOCKER_HOST");
            return (names.isEmpty() ? "Docker-compatible engine " + v.getVersion() : names)
                    + " (API " + v.getApiVersion() + ")" + (host == null || host.isBlank() ? "" : " at " + host);
        } catch (RuntimeException e) {
            return "unknown (its version endpoint failed: " + e.getMessage() + ")";
        }
    }
}
