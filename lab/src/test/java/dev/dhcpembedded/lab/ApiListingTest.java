package dev.dhcpembedded.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.apicheck.ApiListing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of dhcp-embedded-lab is the committed {@code api/dhcp-embedded-lab.txt}, and names no internal type. */
class ApiListingTest {

    private final ApiListing api = ApiListing.of(Path.of("target/classes"));

    @Test
    void matchesTheCommittedListing() {
        assertThat(api.compareWithCommitted("dhcp-embedded-lab")).as("API listing").isEmpty();
    }

    @Test
    void noPublicSignatureNamesAnInternalType() {
        assertThat(api.leaks()).as("public signatures that name internal types").isEmpty();
    }
}
