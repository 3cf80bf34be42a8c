package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.apicheck.ApiListing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of dhcp-embedded-junit is the committed {@code api/dhcp-embedded-junit.txt}, and names no internal type. */
class ApiListingTest {

    private final ApiListing api = ApiListing.of(Path.of("target/classes"));

    @Test
    void matchesTheCommittedListing() {
        assertThat(api.compareWithCommitted("dhcp-embedded-junit")).as("API listing").isEmpty();
    }

    @Test
    void noPublicSignatureNamesAnInternalType() {
        assertThat(api.leaks()).as("public signatures that name internal types").isEmpty();
    }
}
