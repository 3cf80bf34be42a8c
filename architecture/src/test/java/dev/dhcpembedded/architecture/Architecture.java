package dev.dhcpembedded.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's structure as rules, in one place: the core's layers from the bytes up, no package cycle in or across
 * artifacts, and no artifact that reaches into another artifact's {@code internal} packages.
 */
final class Architecture {

    static final String ROOT = "dev.dhcpembedded";

    /**
     * The core's layers, bottom first: each may use only those before it. The sibling artifacts (the JUnit
     * extension, Testcontainers, the lab, the CLI and the agent) sit on top and use the public API only.
     */
    static final List<Map.Entry<String, String[]>> LAYERS = List.of(
            Map.entry("wire", new String[] {"..internal.wire..", "..internal.pcap.."}),
            Map.entry("model", new String[] {"..dhcpembedded.codec..", "..dhcpembedded.codec6..",
                    "..dhcpembedded.lease.."}),
            Map.entry("channel SPI", new String[] {"..dhcpembedded.channel.."}),
            Map.entry("stub access", new String[] {"..internal.stubaccess.."}),
            Map.entry("stub DSL", new String[] {"..dhcpembedded.stub..", "..dhcpembedded.stub6.."}),
            Map.entry("engine", new String[] {"..internal.engine..", "..internal.engine6.."}),
            Map.entry("journal", new String[] {"..dhcpembedded.journal..", "..internal.journal.."}),
            Map.entry("transport", new String[] {"..dhcpembedded.transport..", "..internal.transport.."}),
            Map.entry("runtime", new String[] {"..internal.runtime..", "..internal.ra.."}),
            Map.entry("client", new String[] {"..dhcpembedded.client.."}),
            Map.entry("capture", new String[] {"..dhcpembedded.capture.."}),
            Map.entry("report", new String[] {"..dhcpembedded.report.."}),
            Map.entry("netboot files", new String[] {"..dhcpembedded.tftp..", "..internal.tftp.."}),
            Map.entry("server", new String[] {"..dhcpembedded.server.."}),
            Map.entry("config", new String[] {"..dhcpembedded.config..", "..internal.config.."}),
            Map.entry("integrations", new String[] {"..dhcpembedded.junit..", "..dhcpembedded.testcontainers..",
                    "..dhcpembedded.lab..", "..dhcpembedded.cli..", "..dhcpembedded.agent.."}));

    private static final Pattern MODULE_DIR = Pattern.compile("/([^/]+)/target/(?:test-)?classes/");
    private static final Pattern JAR = Pattern.compile("/([^/!]+?)-\\d[^/!]*?\\.jar!");
    private static final Map<String, String> ARTIFACT_OF_MODULE = Map.of(
            "dhcp-embedded", "dhcp-embedded",
            "junit-extension", "dhcp-embedded-junit",
            "testcontainers", "dhcp-embedded-testcontainers",
            "lab", "dhcp-embedded-lab",
            "cli", "dhcp-embedded-cli",
            "agent", "dhcp-embedded-agent");

    private Architecture() {
    }

    /** The main classes of every artifact, from the reactor's target/classes or the jars of the local repository. */
    static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Every layer uses only the layers below it. */
    static ArchRule layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..");
        for (Map.Entry<String, String[]> layer : LAYERS) {
            rule = rule.layer(layer.getKey()).definedBy(layer.getValue());
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] below = LAYERS.subList(0, i).stream().map(Map.Entry::getKey).toArray(String[]::new);
            String name = LAYERS.get(i).getKey();
            rule = below.length == 0 ? rule.whereLayer(name).mayNotAccessAnyLayer()
                    : rule.whereLayer(name).mayOnlyAccessLayers(below);
        }
        return rule.because("a layer that uses one above it makes a cycle in waiting (issue 20's design)");
    }

    /** No cycle between any two packages of the project, in one artifact or across them. */
    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .because("a package cycle makes two packages one, whatever their names say");
    }

    /** A class may use an {@code internal} package only of its own artifact. */
    static ArchRule internalsStayInTheirArtifact() {
        return ArchRuleDefinition.classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("use internal packages of their own artifact only") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = artifactOf(origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            if (!target.getPackageName().startsWith(ROOT)
                                    || !target.getPackageName().contains(".internal")) {
                                continue;
                            }
                            String to = artifactOf(target);
                            if (!from.equals(to)) {
                                events.add(SimpleConditionEvent.violated(dependency, "artifact " + from
                                        + " reaches into " + to + "'s internal package: "
                                        + dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("siblings use the core's public API or its documented SPI, as Testcontainers modules do");
    }

    /**
     * The artifact a class was read from: by the jar's name (the local repository's, or a module's target/ in a
     * reactor build that packaged it), or by the module folder of target/classes.
     */
    static String artifactOf(JavaClass type) {
        String uri = type.getSource().map(s -> s.getUri()).map(URI::toString).orElse("?");
        Matcher jar = JAR.matcher(uri);
        if (jar.find()) {
            return jar.group(1);
        }
        Matcher dir = MODULE_DIR.matcher(uri);
        if (dir.find()) {
            return ARTIFACT_OF_MODULE.getOrDefault(dir.group(1), dir.group(1));
        }
        return uri;
    }

    /** Classes whose names start with one of {@code prefixes}. */
    static DescribedPredicate<JavaClass> named(String... prefixes) {
        return DescribedPredicate.describe("named " + String.join(", ", prefixes),
                c -> List.of(prefixes).stream().anyMatch(p -> c.getName().startsWith(p)));
    }
}
