package dev.dhcpembedded.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.IpAddresses;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Socket addresses as the CLI prints them: no leading slash, IPv6 in brackets (RFC 5952). */
class EndpointsTest {

    @Test
    void ipv4IsAddressColonPort() {
        assertThat(Endpoints.text(new InetSocketAddress(IpAddresses.ipv4("127.0.0.1"), 53348)))
                .isEqualTo("127.0.0.1:53348");
    }

    @Test
    void ipv6IsBracketedAndShortest() {
        assertThat(Endpoints.text(new InetSocketAddress(IpAddresses.ipv6("::1"), 547))).isEqualTo("[::1]:547");
        assertThat(Endpoints.text(new InetSocketAddress(IpAddresses.ipv6("2001:db8:0:0:0:0:0:53"), 40123)))
                .isEqualTo("[2001:db8::53]:40123");
    }
}
