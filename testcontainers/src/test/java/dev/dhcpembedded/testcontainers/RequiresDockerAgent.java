package dev.dhcpembedded.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the annotated class where a DhcpNetwork with its agent can work: a reachable Docker engine, the agent image
 * and the client images present locally (nothing is pulled). No root and no particular host: that is the point of
 * the agent. Otherwise the class is skipped with the reason, unless {@code dhcp.requireRealHosts=true} (CI), where
 * it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDockerAgent.Condition.class)
@interface RequiresDockerAgent {

    /** Which local client images the class needs. */
    RequiresDockerBridge.Image[] images() default {RequiresDockerBridge.Image.BUSYBOX};

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<RequiresDockerAgent> annotation = context.getTestClass()
                    .map(c -> c.getAnnotation(RequiresDockerAgent.class));
            if (annotation.isEmpty()) {
                return ConditionEvaluationResult.enabled("no @RequiresDockerAgent");
            }
            Optional<String> missing = missingReason(annotation.get().images());
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("Docker, the agent image and the client images are here");
            }
            if (Boolean.getBoolean("dhcp.requireRealHosts")) {
                throw new AssertionError(missing.get() + " (dhcp.requireRealHosts=true forbids skipping)");
            }
            return ConditionEvaluationResult.disabled(missing.get());
        }

        static Optional<String> missingReason(RequiresDockerBridge.Image... images) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.of("no Docker engine is available (start one, e.g. .ci/start-dockerd.sh)");
            }
            List<String> absent = new ArrayList<>();
            List<String> wanted = new ArrayList<>();
            // the image the tests will run: Testcontainers' substitution (e.g. AgentImageSubstitutor) applied
            wanted.add(org.testcontainers.utility.ImageNameSubstitutor.instance().apply(AgentContainer.DEFAULT_IMAGE)
                    .asCanonicalNameString());
            for (RequiresDockerBridge.Image image : images) {
                wanted.add(image == RequiresDockerBridge.Image.BUSYBOX ? TestImages.busybox() : TestImages.debian());
            }
            for (String name : wanted) {
                try {
                    DockerClientFactory.instance().client().inspectImageCmd(name).exec();
                } catch (RuntimeException e) {
                    absent.add(name);
                }
            }
            if (!absent.isEmpty()) {
                return Optional.of("image(s) " + absent + " are not present locally and nothing is pulled here; "
                        + "build them with .ci/build-images.sh");
            }
            return Optional.empty();
        }
    }
}
