package dev.dhcpembedded.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of {@link Architecture} hold for every artifact's main classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = Architecture.mainClasses();
    }

    @Test
    void readsEveryArtifact() {
        assertThat(classes.stream().map(Architecture::artifactOf).distinct())
                .as("the artifacts whose classes were read")
                .contains("dhcp-embedded", "dhcp-embedded-junit", "dhcp-embedded-testcontainers",
                        "dhcp-embedded-lab", "dhcp-embedded-cli", "dhcp-embedded-agent");
    }

    @Test
    void coreLayersUseOnlyTheLayersBelow() {
        Architecture.layers().check(classes);
    }

    @Test
    void noPackageCycle() {
        Architecture.noCycles().check(classes);
    }

    @Test
    void noArtifactReachesIntoAnotherArtifactsInternals() {
        Architecture.internalsStayInTheirArtifact().check(classes);
    }
}
