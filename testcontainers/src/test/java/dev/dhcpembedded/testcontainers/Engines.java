package dev.dhcpembedded.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** What the tests need to know of the container engine they run against (Docker, or rootless Podman in CI). */
final class Engines {

    private Engines() {
    }

    /** {@return whether the engine is Podman, as its version endpoint names it} */
    static boolean onPodman() {
        var components = DockerClientFactory.instance().client().versionCmd().exec().getComponents();
        return components != null && components.stream().anyMatch(c -> c.getName().startsWith("Podman"));
    }

    /** {@return whether resource limits cannot apply: rootless Podman on cgroup v1 ignores them} */
    static boolean limitsIgnored() {
        return onPodman() && !Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    }
}
