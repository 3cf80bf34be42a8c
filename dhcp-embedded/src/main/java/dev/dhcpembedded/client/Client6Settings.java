package dev.dhcpembedded.client;

import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link Dhcp6TestClient} was built with: the {@link Link} both families share, and DHCPv6's own.
 *
 * @param link server, socket, clock and waiting
 * @param duid the client identifier (option 1)
 * @param iaNa the IAIDs of the client's IA_NAs, in order
 * @param iaPd the IAIDs of the client's IA_PDs, in order
 * @param oro the option codes the client asks for (option 6)
 * @param extraOptions options added to every message that asks for configuration
 * @param relay the relay agent the client's messages go through, if any
 * @param attempts the client's own limit on transmissions of one message
 * @param random the source of RAND
 * @param xids the source of 24-bit transaction ids
 */
record Client6Settings(
        Link link,
        Duid duid,
        List<Long> iaNa,
        List<Long> iaPd,
        List<Integer> oro,
        List<Dhcp6Option> extraOptions,
        Optional<Relay6> relay,
        int attempts,
        RandomGenerator random,
        IntSupplier xids) {

    Client6Settings {
        iaNa = List.copyOf(iaNa);
        iaPd = List.copyOf(iaPd);
        oro = List.copyOf(oro);
        extraOptions = List.copyOf(extraOptions);
    }

    InetSocketAddress server() {
        return link.server();
    }

    Clock clock() {
        return link.clock();
    }
}
