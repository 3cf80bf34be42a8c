package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThatThrownBy;

import dev.dhcpembedded.server.DhcpServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One static import, {@code DhcpAssertions.assertThat}, brings the project's assertions and AssertJ's own. */
class OneStaticImportTest {

    @Test
    void bringsAssertJsAssertionsToo() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).start()) {
            assertThat(server).hasBoundLeases(0);                 // the project's
            assertThat(server.unusedStubs()).isEmpty();           // AssertJ's, through the same import
            assertThat(List.of(1, 2)).containsExactly(1, 2);
            assertThat("dhcp").startsWith("dh");
            assertThatThrownBy(() -> assertThat(List.of(1)).isEmpty()).isInstanceOf(AssertionError.class);
        }
    }
}
