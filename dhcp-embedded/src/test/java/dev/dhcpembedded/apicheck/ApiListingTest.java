package dev.dhcpembedded.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The core's public API is the committed {@code api/dhcp-embedded.txt}, and names no internal type. */
class ApiListingTest {

    private final ApiListing api = ApiListing.of(Path.of("target/classes"));

    @Test
    void matchesTheCommittedListing() {
        assertThat(api.compareWithCommitted("dhcp-embedded")).as("API listing").isEmpty();
    }

    @Test
    void noPublicSignatureNamesAnInternalType() {
        assertThat(api.leaks()).as("public signatures that name internal types").isEmpty();
    }
}
