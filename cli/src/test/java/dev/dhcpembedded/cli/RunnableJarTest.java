package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The runnable -all jar as users run it ({@code java -jar}). It runs in the package phase, after the shade plugin
 * built the jar (cli/pom.xml), not with the unit tests: {@code mvn -o -pl cli -am package -Dtest=RunnableJarTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Picked by name in the test phase, it is skipped: no jar is built yet.
 */
class RunnableJarTest {

    private static Path jar() {
        String name = System.getProperty("dhcp-embedded.cli.jar");
        Assumptions.assumeTrue(name != null, "runs in the package phase only (cli/pom.xml's runnable-jar-test), "
                + "where the -all jar is built and dhcp-embedded.cli.jar names it");
        Path jar = Path.of(name);
        assertThat(jar).as("the -all jar: this test runs in the package phase, after the shade plugin").exists();
        return jar;
    }

    private static String run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 3];
        command[0] = java;
        command[1] = "-jar";
        command[2] = jar().toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }

    @Test
    void versionIsTheProjectVersion() throws Exception {
        assertThat(run("--version").strip()).isEqualTo("dhcp-embedded " + MainTest.projectVersion());
    }

    @Test
    void theManifestCarriesTheVersion() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .isEqualTo(MainTest.projectVersion());
        }
    }

    @Test
    void helpSaysItServesDhcpv4AndDhcpv6() throws Exception {
        assertThat(run("--help")).contains("An embedded DHCPv4 and DHCPv6 server");
    }
}
