package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.wire.Ipv4;
import java.util.List;
import java.util.Optional;

/** A fixed address for one client, known by its MAC or its client identifier, with per-host options. */
public record StaticLease(ClientKey client, int address, Optional<String> hostname, List<DhcpOption> options) {

    public StaticLease {
        options = List.copyOf(options);
    }

    @Override
    public String toString() {
        return client + "=" + Ipv4.toString(address) + hostname.map(h -> " (" + h + ")").orElse("");
    }
}
