package dev.dhcpembedded.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the annotated class only where a DhcpNetwork can work: Linux, a rootful Docker engine reachable from this
 * JVM, root (to bind port 67 of the bridge), and the client images present locally (nothing is pulled). Otherwise
 * the class is skipped with the reason, unless {@code dhcp.requireRealHosts=true} (CI), where it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDockerBridge.Condition.class)
@interface RequiresDockerBridge {

    /** Which local images the class needs. */
    Image[] images() default {Image.BUSYBOX};

    enum Image { BUSYBOX, DEBIAN }

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<RequiresDockerBridge> annotation = context.getTestClass()
                    .map(c -> c.getAnnotation(RequiresDockerBridge.class));
            if (annotation.isEmpty()) {
                return ConditionEvaluationResult.enabled("no @RequiresDockerBridge");
            }
            Optional<String> missing = TestImages.missingReason(annotation.get().images());
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("Docker, root and the client images are here");
            }
            if (Boolean.getBoolean("dhcp.requireRealHosts")) {
                throw new AssertionError(missing.get() + " (dhcp.requireRealHosts=true forbids skipping)");
            }
            return ConditionEvaluationResult.disabled(missing.get());
        }
    }
}

/** The client images of the tests: the system properties, else the ones .ci/build-images.sh builds. */
final class TestImages {

    static final String LOCAL_BUSYBOX = "dhcp-embedded/busybox-udhcpc:local";
    static final String LOCAL_DEBIAN = "dhcp-embedded/debian-dhcp-clients:local";

    static {
        // what examples/pom.xml passes to surefire; here the tests default to the locally built images
        if (System.getProperty(DhcpClientContainer.BUSYBOX_IMAGE_PROPERTY) == null
                && System.getenv("DHCP_CLIENT_IMAGE_BUSYBOX") == null) {
            System.setProperty(DhcpClientContainer.BUSYBOX_IMAGE_PROPERTY, LOCAL_BUSYBOX);
        }
        if (System.getProperty(DhcpClientContainer.DEBIAN_IMAGE_PROPERTY) == null
                && System.getenv("DHCP_CLIENT_IMAGE_DEBIAN") == null) {
            System.setProperty(DhcpClientContainer.DEBIAN_IMAGE_PROPERTY, LOCAL_DEBIAN);
        }
    }

    private TestImages() {
    }

    /** udhcpc in the busybox image (the factory, after the image property got its default). */
    static DhcpClientContainer udhcpc() {
        return DhcpClientContainer.udhcpc();
    }

    static DhcpClientContainer dhclient() {
        return DhcpClientContainer.dhclient();
    }

    static DhcpClientContainer dhcpcd() {
        return DhcpClientContainer.dhcpcd();
    }

    static DhcpClientContainer dhclient6() {
        return DhcpClientContainer.dhclient6();
    }

    static DhcpClientContainer dhcpcd6() {
        return DhcpClientContainer.dhcpcd6();
    }

    static String busybox() {
        return DhcpClientContainer.udhcpc().getDockerImageName();
    }

    static String debian() {
        return DhcpClientContainer.dhclient().getDockerImageName();
    }

    static Optional<String> missingReason(RequiresDockerBridge.Image... images) {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of("a DhcpNetwork needs the Docker bridge on this host, i.e. Linux; this is " + os);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.of("no Docker engine is available (start one, e.g. .ci/start-dockerd.sh)");
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return Optional.of("binding port 67 of a Docker bridge needs root; tests run as uid " + uid);
            }
        } catch (Exception e) {
            return Optional.of("cannot tell whether this runs as root: " + e);
        }
        List<String> absent = new ArrayList<>();
        for (RequiresDockerBridge.Image image : images) {
            String name = image == RequiresDockerBridge.Image.BUSYBOX ? busybox() : debian();
            try {
                DockerClientFactory.instance().client().inspectImageCmd(name).exec();
            } catch (RuntimeException e) {
                absent.add(name);
            }
        }
        if (!absent.isEmpty()) {
            return Optional.of("client image(s) " + absent + " are not present locally and nothing is pulled here; "
                    + "build them with .ci/build-images.sh");
        }
        return Optional.empty();
    }
}
