package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHostSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Where the bridge cannot be seen (a stand-in for DinD and Docker Desktop): the JVM that runs the DhcpNetwork is a
 * process in its own network namespace, with no Docker bridge, only loopback and a veth to the host. It reaches the
 * Docker socket as a file and the agent's published port at the host's end of the veth
 * (TESTCONTAINERS_HOST_OVERRIDE); a udhcpc container still gets its lease. Making the namespace needs root (CI runs
 * this class as root); otherwise it is skipped with the reason, unless {@code dhcp.requireRealHosts=true}, where it
 * fails. Named apart from {@code Agent*Test}, which .ci/run runs again as an unprivileged user.
 */
@RequiresDockerAgent
@ExtendWith(WhereTheBridgeCannotBeSeenTest.CanMakeNamespaces.class)
class WhereTheBridgeCannotBeSeenTest {

    private static final Duration RUN = Duration.ofSeconds(120);

    @Test
    void aJvmInANamespaceWithoutTheBridgeServesALeaseThroughTheAgent() {
        try (HostLab lab = HostLab.create()) {
            String host = lab.serverAddress();
            lab.addClientAddress(lab.subnet24().host(2) + "/24");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            BackgroundProcess child = lab.start(List.of("env", "TESTCONTAINERS_HOST_OVERRIDE=" + host,
                    "TESTCONTAINERS_RYUK_DISABLED=true", java, "-cp", System.getProperty("java.class.path"),
                    NoBridgeLeaseMain.class.getName()));
            OptionalInt exit = child.waitFor(RUN);
            String network = child.stdoutLines().stream().filter(l -> l.startsWith("NETWORK ")).findFirst()
                    .map(l -> l.substring("NETWORK ".length())).orElse(null);
            if (exit.isEmpty()) {
                child.kill();
            }
            String context = "\nthe namespaced JVM's output:\n" + child.output();
            System.out.println("[namespace " + lab.name() + "]" + context);

            assertThat(exit).as("the namespaced JVM exits 0 within %s s%s", RUN.toSeconds(), context)
                    .isEqualTo(OptionalInt.of(0));
            assertThat(line(child, "INTERFACES").split(",")).as("it sees only loopback and its veth" + context)
                    .containsExactlyInAnyOrder("lo", lab.clientInterface());
            assertThat(line(child, "BRIDGE")).as("the network's bridge is not an interface there" + context)
                    .endsWith(" visible=false");
            assertThat(line(child, "LEASE")).as("udhcpc bound to an address of the pool" + context)
                    .contains(" inPool=true ");
            assertThat(child.stdoutLines()).as(context).contains("DONE");
            assertThat(network).as("the network's name" + context).isNotNull();
            assertThat(DockerClientFactory.instance().client().listNetworksCmd().withNameFilter(network).exec())
                    .as("the namespaced JVM removed its network").isEmpty();
        }
    }

    private static String line(BackgroundProcess process, String key) {
        return process.stdoutLines().stream().filter(l -> l.startsWith(key + " ")).findFirst()
                .map(l -> l.substring(key.length() + 1)).orElse("(no " + key + " line)");
    }

    /** Root and network namespaces (HostLab), checked before anything starts. */
    static final class CanMakeNamespaces implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = RealHostSupport.missingReason();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("network namespaces can be made here");
            }
            if (Boolean.getBoolean("dhcp.requireRealHosts")) {
                throw new AssertionError(missing.get() + " (dhcp.requireRealHosts=true forbids skipping)");
            }
            return ConditionEvaluationResult.disabled(missing.get());
        }
    }
}
