package dev.dhcpembedded.internal.engine6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.internal.engine.NetbootConfig;
import dev.dhcpembedded.server.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** DHCPv6 netboot in the engine: which requests leave the in-place path, the DUID's MAC, option 16's data. */
class Netboot6Test {

    static final Netboot6 BOOT = new Netboot6(new NetbootConfig(0, arch -> "ipxe.efi", null, "http://[::1]:80/",
            Map.of(), false), "http://[::1]:80/");

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    Lease6Engine engine(Netboot6 boot) {
        return new Lease6Engine(new Server6Config(Lease6EngineTest.SERVER, List.of(Lease6EngineTest.LINK1), false,
                false, OptionalInt.empty(), Duration.ofSeconds(30), Duration.ofHours(1), List.of(), false, boot),
                clock);
    }

    boolean inPlace(Lease6Engine engine, Dhcp6Option... options) {
        Dhcp6Message.Builder b = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(1)
                .option(Dhcp6Option.clientId(Lease6EngineTest.ALICE)).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)));
        for (Dhcp6Option o : options) {
            b.option(o);
        }
        byte[] bytes = Dhcp6Codec.encode(b.build());
        return engine.handleInPlace(new Wire6Request().read(bytes, 0, bytes.length), false, new Reply6Writer(),
                new StringBuilder());
    }

    @Test
    void aPossibleNetbootClientLeavesTheInPlacePathOthersStay() {
        Dhcp6Option user = Dhcp6Option.of(Dhcp6OptionCode.USER_CLASS, new byte[] {0, 4, 'i', 'P', 'X', 'E'});
        assertThat(inPlace(engine(BOOT), Dhcp6Option.oro(23, 24))).isTrue();
        assertThat(inPlace(engine(BOOT), Dhcp6Option.oro(23, 59))).isFalse();
        assertThat(inPlace(engine(BOOT), user)).isFalse();
        assertThat(inPlace(engine(BOOT), Dhcp6Option.of(Dhcp6OptionCode.CLIENT_ARCH_TYPE, new byte[] {0, 16})))
                .isFalse();
        // without netboot, every one of them is answered in place
        assertThat(inPlace(engine(null), user)).isTrue();
        assertThat(inPlace(engine(null), Dhcp6Option.oro(23, 59))).isTrue();
    }

    @Test
    void theMacIsTheEthernetAddressOfADuidLltOrLl() {
        MacAddress mac = MacAddress.parse("52:54:00:ab:cd:ef");
        assertThat(Netboot6.mac(Optional.of(Duid.llt(Instant.parse("2020-01-01T00:00:00Z"), mac))))
                .isEqualTo("52:54:00:ab:cd:ef");
        assertThat(Netboot6.mac(Optional.of(Duid.ll(mac)))).isEqualTo("52:54:00:ab:cd:ef");
        assertThat(Netboot6.mac(Optional.of(Duid.ll(6, new byte[] {1, 2, 3, 4, 5, 6})))).isNull();
        assertThat(Netboot6.mac(Optional.of(Duid.en(343, new byte[] {1, 2, 3, 4, 5, 6})))).isNull();
        assertThat(Netboot6.mac(Optional.empty())).isNull();
    }

    @Test
    void theVendorClassDataIsTheFirstEntryOfEnterprise343Whole() {
        byte[] ok = {0, 0, 1, 0x57, 0, 3, 'P', 'X', 'E'};
        assertThat(Netboot6.vendorData(Optional.of(Dhcp6Option.of(Dhcp6OptionCode.VENDOR_CLASS, ok))))
                .isEqualTo("PXE".getBytes(StandardCharsets.US_ASCII));
        byte[] cut = {0, 0, 1, 0x57, 0, 9, 'P', 'X', 'E'};
        assertThat(Netboot6.vendorData(Optional.of(Dhcp6Option.of(Dhcp6OptionCode.VENDOR_CLASS, cut)))).isNull();
        byte[] other = {0, 0, 0, 9, 0, 3, 'P', 'X', 'E'};
        assertThat(Netboot6.vendorData(Optional.of(Dhcp6Option.of(Dhcp6OptionCode.VENDOR_CLASS, other)))).isNull();
        assertThat(Netboot6.httpClientClass().value()).isEqualTo(
                new byte[] {0, 0, 1, 0x57, 0, 10, 'H', 'T', 'T', 'P', 'C', 'l', 'i', 'e', 'n', 't'});
    }
}
