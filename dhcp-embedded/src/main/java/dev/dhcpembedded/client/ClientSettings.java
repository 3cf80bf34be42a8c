package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MacAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

/** Everything a {@link DhcpTestClient} was built with: the {@link Link} both families share, and DHCPv4's own. */
record ClientSettings(
        Link link,
        MacAddress mac,
        Optional<DhcpOption> clientIdentifier,
        Optional<String> hostname,
        Optional<String> vendorClass,
        List<Integer> parameterRequestList,
        boolean broadcast,
        OptionalInt maxMessageSize,
        List<DhcpOption> extraOptions,
        int giaddr,
        Duration timeout,
        int attempts,
        IntSupplier xids) {

    ClientSettings {
        parameterRequestList = List.copyOf(parameterRequestList);
        extraOptions = List.copyOf(extraOptions);
    }

    InetSocketAddress server() {
        return link.server();
    }

    Clock clock() {
        return link.clock();
    }

    Schedule.Fixed schedule() {
        return new Schedule.Fixed(timeout, attempts);
    }
}
