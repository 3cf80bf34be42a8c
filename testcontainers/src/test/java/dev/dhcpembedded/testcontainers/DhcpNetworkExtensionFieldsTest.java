package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** DhcpNetworkExtension finds the DhcpNetwork fields of a test class, and says so when one holds no network. */
class DhcpNetworkExtensionFieldsTest {

    private static final String FIXTURES = "dhcp.embedded.fixtures";

    @Test
    void aNullNetworkFieldFailsTheClassNamingTheField() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NullFieldFixture.class))
                .configurationParameter(FIXTURES, "true")
                .execute().containerEvents().failed().list();

        assertThat(failed).singleElement().satisfies(event -> assertThat(
                event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("DhcpNetwork field NETWORK of " + NullFieldFixture.class.getName()
                        + " is null; give it a network, e.g. DhcpNetwork.newNetwork()"));
    }

    /** Run by the test above only. */
    @EnabledIf("runByTheTestKit")
    @ExtendWith(DhcpNetworkExtension.class)
    static class NullFieldFixture {

        static DhcpNetwork NETWORK;

        static boolean runByTheTestKit(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES).isPresent();
        }

        @Test
        void neverRuns() {
        }
    }
}
