package dev.dhcpembedded.codec;

import static dev.dhcpembedded.codec.ClasslessRoute.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 23, item 4: 16-bit options (interface MTU, 26) and option 121 routes written with host bits. */
class SixteenBitOptionsAndRoutesTest {

    @Test
    void interfaceMtuIsTwoBytesInNetworkOrder() {
        DhcpOption mtu = DhcpOptions.interfaceMtu(1400);

        assertThat(mtu.code()).isEqualTo(OptionCode.INTERFACE_MTU);
        assertThat(mtu.value()).containsExactly(0x05, 0x78);
        assertThat(mtu.asUint16()).isEqualTo(1400);
    }

    @Test
    void interfaceMtuRefusesWhatRfc2132Forbids() {
        assertThat(DhcpOptions.interfaceMtu(68).asUint16()).isEqualTo(68);
        assertThat(DhcpOptions.interfaceMtu(65535).asUint16()).isEqualTo(65535);
        assertThatThrownBy(() -> DhcpOptions.interfaceMtu(67)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interface MTU 67 is outside 68..65535 (RFC 2132 §5.1)");
        assertThatThrownBy(() -> DhcpOptions.interfaceMtu(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uint16TakesAnyCodeAndRefusesWhatDoesNotFit() {
        assertThat(DhcpOptions.uint16(OptionCode.of(57), 1500).value()).containsExactly(0x05, 0xDC);
        assertThat(DhcpOptions.maximumMessageSize(1500)).isEqualTo(DhcpOptions.uint16(OptionCode.of(57), 1500));
        assertThatThrownBy(() -> DhcpOptions.uint16(OptionCode.INTERFACE_MTU, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit 16 bits");
        assertThatThrownBy(() -> DhcpOptions.uint16(OptionCode.INTERFACE_MTU, 70000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDestinationWithHostBitsIsMaskedToItsPrefix() {
        ClasslessRoute written = route("10.30.1.7/16", "10.20.0.254");

        assertThat(written.destination()).isEqualTo("10.30.0.0/16");
        assertThat(written).isEqualTo(route("10.30.0.0/16", "10.20.0.254"));
        assertThat(route("10.30.129.1/17", "10.20.0.254").destination()).isEqualTo("10.30.128.0/17");
        assertThat(route("192.0.2.1/0", "10.20.0.1").destination()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void aMaskedRouteEncodesOnlyItsSignificantOctetsAndDecodesBack() {
        DhcpOption option = DhcpOptions.classlessStaticRoutes(route("10.30.129.1/17", "10.20.0.254"));

        assertThat(option.value()).containsExactly(17, 10, 30, 128, 10, 20, 0, 254);
        DhcpMessage message = DhcpMessage.builder().xid(1).chaddr("02:00:00:00:00:42")
                .messageType(MessageType.ACK).option(option).build();
        assertThat(DhcpCodec.decode(DhcpCodec.encode(message)).classlessStaticRoutes())
                .containsExactly(route("10.30.128.0/17", "10.20.0.254"));
    }

    @Test
    void receivedBytesWithBitsBeyondThePrefixStayMalformed() {
        DhcpMessage message = DhcpMessage.builder().xid(1).chaddr("02:00:00:00:00:42").messageType(MessageType.ACK)
                .option(DhcpOption.create(OptionCode.CLASSLESS_STATIC_ROUTE,
                        new byte[] {17, 10, 30, (byte) 129, 10, 20, 0, (byte) 254}))
                .build();

        assertThatThrownBy(() -> DhcpCodec.decode(DhcpCodec.encode(message)).classlessStaticRoutes())
                .isInstanceOf(DhcpCodecException.class).hasMessageContaining("bits set beyond its /17");
    }

    @Test
    void thePrefixLengthMustStillBeInRange() {
        assertThatThrownBy(() -> route("10.30.0.0/33", "10.20.0.254")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix length 33 is outside 0..32");
    }
}
