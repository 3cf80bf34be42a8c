package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.Fetch;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one rule of {@link DhcpClientAssert#fetched(String)}: a whole fetch of the file from the client's leased
 * address, or from any loopback address (a loopback server sees every client as 127.0.0.1).
 */
final class NetbootFetches {

    private NetbootFetches() {
    }

    /** {@return null when the client fetched {@code file} whole, else why not} */
    static String missing(Traffic traffic, ClientRef client, String file) {
        Optional<DhcpServer> server = traffic.server();
        if (server.isEmpty()) {
            return "fetched(\"" + file + "\") needs the server (assertThat(server)), not a journal alone";
        }
        List<Fetch> fetches;
        try {
            fetches = server.get().netboot().fetches();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        Optional<InetAddress> leased = server.get().leases().stream().filter(client::holds).map(Lease::address)
                .findFirst().map(InetAddress.class::cast);
        for (Fetch fetch : fetches) {
            InetAddress from = fetch.client().getAddress();
            boolean mine = from.isLoopbackAddress() || leased.map(from::equals).orElse(false);
            if (mine && fetch.complete() && fetch.isOf(file)) {
                return null;
            }
        }
        return "expected " + client.describe() + " to have fetched " + file + " whole, but the fetches were:"
                + (fetches.isEmpty() ? " none" : fetches.stream().map(f -> "\n  " + f.protocol() + " " + f.file()
                        + " by " + f.client() + ", " + f.bytes() + " bytes" + (f.complete() ? "" : " (incomplete)"))
                        .collect(Collectors.joining()))
                + leased.map(a -> "\n(the client's lease: " + a.getHostAddress() + ")").orElse("\n(the client has no "
                        + "lease)");
    }
}
