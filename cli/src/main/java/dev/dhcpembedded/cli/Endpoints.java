package dev.dhcpembedded.cli;

import dev.dhcpembedded.codec.IpAddresses;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** How the CLI writes a socket address: {@code 127.0.0.1:67}, {@code [::1]:547} (RFC 5952 text, no host name). */
final class Endpoints {

    private Endpoints() {
    }

    static String text(InetSocketAddress endpoint) {
        String host = IpAddresses.text(endpoint.getAddress());
        return (endpoint.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + endpoint.getPort();
    }
}
