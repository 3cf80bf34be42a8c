package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.engine.ClientKey;
import dev.dhcpembedded.internal.engine.StaticLease;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Per-host settings of a static lease: its host name and options that override the subnet's. */
public final class StaticLeaseBuilder {

    private Optional<String> hostname = Optional.empty();
    private final List<DhcpOption> options = new ArrayList<>();

    StaticLeaseBuilder() {
    }

    /**
     * The host name (option 12) given to the client.
     *
     * @param name the name, as {@link DhcpOptions#hostname(String)} takes it
     * @return this builder
     */
    public StaticLeaseBuilder hostname(String name) {
        DhcpOptions.hostname(name);
        this.hostname = Optional.of(name);
        return this;
    }

    /**
     * An option for this host, replacing the subnet's option of the same code (and any earlier one given here).
     *
     * @param option the option
     * @return this builder
     */
    public StaticLeaseBuilder option(DhcpOption option) {
        options.removeIf(o -> o.code().equals(option.code()));
        options.add(option);
        return this;
    }

    /**
     * The key of a static lease for the client with {@code mac}: an Ethernet MAC of 6 bytes, since a lease keyed on
     * any other length could never match a client's chaddr (htype 1, hlen 6).
     */
    static ClientKey keyOf(MacAddress mac) {
        int length = mac.bytes().length;
        if (length != 6) {
            throw new IllegalArgumentException("the static lease's MAC " + mac + " has " + length + " byte"
                    + (length == 1 ? "" : "s") + ", so no client can match it; write all 6, e.g. 02:00:00:00:00:42");
        }
        return ClientKey.ofMac(mac);
    }

    StaticLease build(ClientKey client, int address) {
        return new StaticLease(client, address, hostname, options);
    }
}
