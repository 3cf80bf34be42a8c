package dev.dhcpembedded.junit.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The assertions' address parsing (literals only, never DNS) and printing. */
class AddressesTest {

    @Test
    void parsesDottedQuads() throws UnknownHostException {
        assertThat(Addresses.ipv4("10.20.0.1")).isEqualTo(InetAddress.getByAddress(new byte[] {10, 20, 0, 1}));
        assertThat(Addresses.ipv4(" 255.255.255.255 ").getHostAddress()).isEqualTo("255.255.255.255");
        assertThat(Addresses.ipv4("0.0.0.0").isAnyLocalAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0", "10.20.0.1.2", "10.20..1", "localhost", "10.20.0.1a", "1234.1.1.1", "",
        "0x0a.1.1.1", "::1"})
    void refusesAnythingButADottedQuad(String text) {
        assertThatThrownBy(() -> Addresses.ipv4(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not an IPv4 address such as 10.20.0.1");
    }

    @Test
    void refusesAnOctetOver255AndNull() {
        assertThatThrownBy(() -> Addresses.ipv4("10.20.0.256")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'10.20.0.256' has an octet over 255");
        assertThatThrownBy(() -> Addresses.ipv4(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "2001:db8:1::100,             2001:db8:1::100",
        "2001:DB8:1:0:0:0:0:0100,     2001:db8:1::100",
        "::,                          ::",
        "::1,                         ::1",
        "fe80:0:0:0:a00:27ff:fefe:8f95, fe80::a00:27ff:fefe:8f95",
        "2001:db8:0:1:0:0:0:1,        2001:db8:0:1::1",
        "2001:0:0:1:0:0:1:1,          2001::1:0:0:1:1",
        "1:0:2:3:4:5:6:7,             1:0:2:3:4:5:6:7",
        "::ffff:10.0.0.1,             ::ffff:a00:1"})
    void parsesIpv6LiteralsAndPrintsThemAsRfc5952Text(String text, String rfc5952) {
        Inet6Address address = Addresses.ipv6(text);
        assertThat(Addresses.text(address)).isEqualTo(rfc5952);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "localhost", "dhcp.example:547", "[2001:db8::1]", "fe80::1%eth0",
        "g::1", "2001:db8::1::2", ".::1", "zz:zz", "2001:db8:1:2:3:4:5:6:7", ""})
    void refusesAnythingButAnIpv6Literal(String text) {
        assertThatThrownBy(() -> Addresses.ipv6(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an IPv6 address: " + text);
    }

    @Test
    void printsBytesAsLowercaseHex() {
        byte[] id = {1, 2, 0, 0, 0, (byte) 0xAB, 0x42};
        assertThat(Addresses.hex(id)).isEqualTo("0102000000ab42");
        assertThat(Addresses.colons(id)).isEqualTo("01:02:00:00:00:ab:42");
        assertThat(Addresses.colons(new byte[0])).isEmpty();
    }
}
