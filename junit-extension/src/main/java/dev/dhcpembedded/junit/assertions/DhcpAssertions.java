package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.SecondServer;

/**
 * The entry point of the AssertJ assertions on DHCP traffic:
 *
 * <pre>{@code
 * import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
 *
 * assertThat(server).awaiting().received(DISCOVER).from(MAC).withParameterRequestList(SUBNET_MASK, ROUTER);
 * assertThat(server).client(MAC).sentInOrder(DISCOVER, REQUEST).hasLease("10.20.0.100").conformsToRfc2131();
 * }</pre>
 *
 * Failures are {@link AssertionError}s that state the expectation, show the closest observed message side by side
 * with it, and end with the transcript of the exchange.
 *
 * <p>It extends AssertJ's {@link org.assertj.core.api.Assertions}, as AssertJ advises for a project's entry point, so
 * that one static import brings AssertJ's own assertions too: {@code assertThat(server.unusedStubs()).isEmpty()}.
 */
public final class DhcpAssertions extends org.assertj.core.api.Assertions {

    private DhcpAssertions() {
    }

    public static DhcpServerAssert assertThat(DhcpServer server) {
        return new DhcpServerAssert(server);
    }

    public static JournalAssert assertThat(Journal journal) {
        return new JournalAssert(journal);
    }

    public static DhcpMessageAssert assertThat(DhcpMessage message) {
        return new DhcpMessageAssert(message);
    }

    /**
     * Assertions on one DHCPv6 message, e.g.
     * {@code assertThat(reply).isA(REPLY).hasIaNaAddress("2001:db8:1::100").hasStatusCode(StatusCode.SUCCESS)}.
     *
     * @param message the message, e.g. one a test client received
     * @return its assertions
     */
    public static Dhcp6MessageAssert assertThat(Dhcp6Message message) {
        return new Dhcp6MessageAssert(message);
    }

    public static LeaseAssert assertThat(Lease lease) {
        return new LeaseAssert(lease);
    }

    /**
     * Assertions on the second server of a link, e.g.
     * {@code assertThat(server.secondServer()).sawRequestNaming("10.20.0.1")}.
     *
     * @param second the second server
     * @return its assertions
     */
    public static SecondServerAssert assertThat(SecondServer second) {
        return new SecondServerAssert(second);
    }
}
