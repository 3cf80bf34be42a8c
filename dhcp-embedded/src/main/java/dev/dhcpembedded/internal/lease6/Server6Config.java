package dev.dhcpembedded.internal.lease6;

import dev.dhcpembedded.codec6.Duid;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The DHCPv6 side of a server: its DUID, its links, whether it answers a SOLICIT with option 14 by REPLY (rapid
 * commit, off by default), whether clients may send by unicast (true in loopback mode, where the client is told
 * the server's address; false answers such messages with UseMulticast), and the preference it advertises.
 */
public record Server6Config(Duid serverDuid, List<Subnet6Config> subnets, boolean rapidCommit,
        boolean acceptUnicast, OptionalInt preference, Duration advertiseHold, Duration declineProbation) {

    public Server6Config {
        subnets = List.copyOf(subnets);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("a DHCPv6 server needs at least one subnet6");
        }
    }
}
