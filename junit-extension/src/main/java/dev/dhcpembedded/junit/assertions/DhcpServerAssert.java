package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.server.DhcpServer;
import java.util.stream.Collectors;

/**
 * Assertions on a running {@link DhcpServer}: its journal and its lease table.
 *
 * <pre>{@code
 * assertThat(server).awaitingAtMost(Duration.ofSeconds(5))
 *     .received(DISCOVER).from(DEVICE_MAC).withParameterRequestList(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER);
 * assertThat(server).client(DEVICE_MAC).sentInOrder(DISCOVER, REQUEST).hasLease("10.20.0.100");
 * }</pre>
 */
public final class DhcpServerAssert extends AbstractTrafficAssert<DhcpServerAssert, DhcpServer> {

    DhcpServerAssert(DhcpServer actual) {
        super(actual, DhcpServerAssert.class);
    }

    @Override
    Traffic traffic() {
        return Traffic.of(actual);
    }

    /** No datagram failed to decode. */
    public DhcpServerAssert hasNoRejectedDatagrams() {
        isNotNull();
        waiter().check(() -> {
            var rejected = actual.journal().rejected();
            if (rejected.isEmpty()) {
                return null;
            }
            return "Expecting the server to have rejected no datagram\nbut " + Report.plural(rejected.size(),
                    "datagram", "datagrams") + " did not decode:\n" + rejected.stream()
                    .map(e -> "  #" + e.sequence() + " " + e.transcriptLine()).collect(Collectors.joining("\n"))
                    + "\n" + Report.transcript("Transcript", actual.journal().entries(), actual.journal());
        }, failure -> failWithMessage("%s", failure));
        return myself;
    }

    /** Exactly {@code count} addresses are BOUND in the lease table. */
    public DhcpServerAssert hasBoundLeases(int count) {
        isNotNull();
        waiter().check(() -> {
            var bound = actual.leases().stream().filter(l -> l.state() == LeaseState.BOUND)
                    .collect(Collectors.toList());
            if (bound.size() == count) {
                return null;
            }
            return "Expecting the server to have " + Report.plural(count, "BOUND lease", "BOUND leases")
                    + "\nbut it has " + bound.size() + (bound.isEmpty() ? "" : ":\n" + bound.stream()
                    .map(l -> "  " + l).collect(Collectors.joining("\n")));
        }, failure -> failWithMessage("%s", failure));
        return myself;
    }
}
