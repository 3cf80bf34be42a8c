package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.lab.CommandResult;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHostSupport;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.lab.RealHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What bindInterface says when it cannot work: a missing interface, a missing privilege, a busy interface. */
class InterfaceFailureTest {

    @Test
    void aMissingInterfaceIsNamedWithTheInterfacesThatExist() throws Exception {
        List<String> existing = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            existing.add(nic.getName());
        }
        assertThatThrownBy(() -> DhcpServer.builder().bindInterface("dhe-missing0")
                .subnet("10.99.0.0/24", s -> s.pool("10.99.0.100", "10.99.0.199")).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no interface named 'dhe-missing0'")
                .hasMessageContaining("the interfaces here are")
                .hasMessageContaining("lo")
                .satisfies(e -> assertThat(e.getMessage()).contains(existing));
    }

    @Test
    void aSecondServerOnTheSameInterfaceFailsAndOneOnAnotherInterfaceStarts() {
        RealHosts.assume();
        try (HostLab lab = HostLab.create();
             DhcpServer first = DhcpServer.builder().bindInterface(lab.serverInterface())
                     .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199)))
                     .start()) {
            assertThat(first.serverIdentifier().getHostAddress()).isEqualTo(lab.serverAddress());
            assertThatThrownBy(() -> DhcpServer.builder().bindInterface(lab.serverInterface())
                    .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199))).start())
                    .hasMessageContaining("port 67 of " + lab.serverInterface() + " is in use");
            var other = lab.addLink();
            try (DhcpServer second = DhcpServer.builder().bindInterface(other.serverInterface())
                    .subnet(other.cidr(), s -> s.pool(other.subnet().host(100), other.subnet().host(199))).start()) {
                assertThat(second.address().getPort()).isEqualTo(67);
            }
        }
    }

    /**
     * A child JVM as user nobody (65534), inside a fresh namespace where {@code ip_unprivileged_port_start} has its
     * default (1024), binds the namespace's end of the veth: it must fail with one message that names the fixes.
     */
    @Test
    void anUnprivilegedUserIsToldTheFixes() throws IOException {
        RealHosts.assumeBinary("setpriv");
        Path dir = Files.createTempDirectory("dhe-unpriv-");
        try (HostLab lab = HostLab.create()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            String classpath = copyClasspath(dir);
            Path jnaTmp = Files.createDirectories(dir.resolve("jna"));
            Files.setPosixFilePermissions(jnaTmp, PosixFilePermissions.fromString("rwxrwxrwx"));
            lab.addClientAddress(lab.subnet24().host(2) + "/24");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

            CommandResult run = lab.exec(Duration.ofSeconds(60), RealHostSupport.findBinary("setpriv").get().toString(),
                    "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=" + dir,
                    java, "-Xshare:auto", "-Djna.tmpdir=" + jnaTmp, "-Djava.io.tmpdir=" + jnaTmp, "-cp", classpath,
                    BindInterfaceMain.class.getName(), lab.clientInterface(), lab.subnet(),
                    lab.subnet24().host(100), lab.subnet24().host(199));

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
            assertThat(run.stdout()).as(run.describe())
                    .contains("FAILED: not allowed to listen on UDP port 67 of " + lab.clientInterface())
                    .contains("run the tests as root")
                    .contains("setcap cap_net_bind_service,cap_net_raw+ep")
                    .contains("sysctl net.ipv4.ip_unprivileged_port_start=67");
            assertThat(run.stdout().lines().filter(l -> l.startsWith("FAILED"))).hasSize(1);
        } finally {
            deleteTree(dir);
        }
    }

    /** Copies the module's classes and the jars the server needs where user nobody can read them. */
    private static String copyClasspath(Path dir) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            Path target = dir.resolve(n++ + "-" + name);
            if (Files.isDirectory(p)) {
                copyTree(p, target);
            } else if (name.endsWith(".jar") && (name.startsWith("jna") || name.startsWith("slf4j-api")
                    || name.startsWith("dhcp-embedded-"))) {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                continue;
            }
            out.add(target.toString());
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                try {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxrwxrwx" : "rw-r--r--"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
