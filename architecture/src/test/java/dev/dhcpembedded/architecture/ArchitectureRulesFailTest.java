package dev.dhcpembedded.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.dhcpembedded.cli.archfixture.CycleB;
import dev.dhcpembedded.codec.archfixture.CycleA;
import dev.dhcpembedded.internal.wire.archfixture.WireUsingTheServer;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails when the edge it forbids is added on purpose: fixtures in this module's test sources add a back
 * edge from the wire layer to the server, a package cycle, and a reach into the core's internals from another
 * artifact. Without this, a rule that matched nothing would pass forever.
 */
class ArchitectureRulesFailTest {

    private static JavaClasses withFixtures() {
        JavaClasses main = Architecture.mainClasses();
        JavaClasses fixtures = new ClassFileImporter().importClasses(WireUsingTheServer.class, CycleA.class,
                CycleB.class);
        java.util.List<com.tngtech.archunit.core.domain.JavaClass> all = new java.util.ArrayList<>();
        main.forEach(all::add);
        fixtures.forEach(all::add);
        return new ClassFileImporter().importLocations(all.stream()
                .map(c -> c.getSource().orElseThrow().getUri())
                .map(com.tngtech.archunit.core.importer.Location::of)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aBackEdgeFromTheWireToTheServerFailsTheLayers() {
        assertThatThrownBy(() -> Architecture.layers().check(withFixtures()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(WireUsingTheServer.class.getName())
                .hasMessageContaining("DhcpServer");
    }

    @Test
    void aPackageCycleFailsTheCycleRule() {
        assertThatThrownBy(() -> Architecture.noCycles().check(withFixtures()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("codec.archfixture")
                .hasMessageContaining("cli.archfixture");
    }

    @Test
    void anotherArtifactReachingIntoTheCoresInternalsFailsTheInternalRule() {
        assertThatThrownBy(() -> Architecture.internalsStayInTheirArtifact().check(withFixtures()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(CycleB.class.getName())
                .hasMessageContaining("internal.wire.Ipv4");
    }
}
