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

/** Everything a {@link DhcpTestClient} was built with; immutable once built. */
record ClientSettings(
        InetSocketAddress server,
        InetSocketAddress local,
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
        IntSupplier xids,
        Clock clock) {

    ClientSettings {
        parameterRequestList = List.copyOf(parameterRequestList);
        extraOptions = List.copyOf(extraOptions);
    }
}
