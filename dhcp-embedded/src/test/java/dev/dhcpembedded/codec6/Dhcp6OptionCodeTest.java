package dev.dhcpembedded.codec6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DHCPv6 option codes and status codes are open value classes, as DHCPv4's OptionCode. */
class Dhcp6OptionCodeTest {

    @Test
    void knownCodesAreTheConstants() {
        assertThat(Dhcp6OptionCode.of(3)).isSameAs(Dhcp6OptionCode.IA_NA).hasToString("IA_NA(3)");
        assertThat(Dhcp6OptionCode.IA_NA.code()).isEqualTo(3);
        assertThat(Dhcp6OptionCode.IA_NA.name()).isEqualTo("IA_NA");
    }

    @Test
    void unknownCodesAreValidAndEqualByNumber() {
        Dhcp6OptionCode big = Dhcp6OptionCode.of(300);
        assertThat(big).isEqualTo(Dhcp6OptionCode.of(300)).hasSameHashCodeAs(Dhcp6OptionCode.of(300))
                .hasToString("OPTION_300(300)");
        assertThat(Dhcp6OptionCode.of(200).name()).isEqualTo("OPTION_200");
        assertThat(Dhcp6OptionCode.of(300)).isGreaterThan(Dhcp6OptionCode.IA_NA);
        assertThatThrownBy(() -> Dhcp6OptionCode.of(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dhcp6OptionCode.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAndMessagesAreReadByTypedCodes() {
        Dhcp6Option unknown = Dhcp6Option.of(Dhcp6OptionCode.of(300), new byte[] {1, 2});
        Dhcp6Message m = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(7).option(unknown)
                .option(Dhcp6Option.oro(Dhcp6OptionCode.DNS_SERVERS, Dhcp6OptionCode.of(300))).build();
        Dhcp6Message decoded = Dhcp6Codec.decode(Dhcp6Codec.encode(m));
        assertThat(decoded.hasOption(Dhcp6OptionCode.of(300))).isTrue();
        assertThat(decoded.option(Dhcp6OptionCode.of(300))).contains(unknown);
        assertThat(decoded.option(300)).contains(unknown);
        assertThat(decoded.oro()).containsExactly(Dhcp6OptionCode.DNS_SERVERS, Dhcp6OptionCode.of(300));
        assertThat(decoded.toBuilder().removeOption(Dhcp6OptionCode.of(300)).build()
                .hasOption(Dhcp6OptionCode.of(300))).isFalse();
        Dhcp6Message replaced = decoded.toBuilder().replaceOption(Dhcp6Option.of(300, new byte[] {9})).build();
        assertThat(replaced.options(Dhcp6OptionCode.of(300))).singleElement()
                .satisfies(o -> assertThat(o.value()).containsExactly(9));
    }

    @Test
    void statusCodesAreTyped() {
        assertThat(StatusCode.Code.of(2)).isSameAs(StatusCode.NO_ADDRS_AVAIL).hasToString("NoAddrsAvail");
        assertThat(StatusCode.Code.of(1000).name()).isEqualTo("Status(1000)");
        assertThat(StatusCode.Code.of(1000)).isEqualTo(StatusCode.Code.of(1000));
        StatusCode decoded = Dhcp6Option.statusCode(StatusCode.NOT_ON_LINK, "moved").asStatusCode();
        assertThat(decoded.code()).isEqualTo(StatusCode.NOT_ON_LINK);
        assertThat(decoded).hasToString("NotOnLink \"moved\"");
        assertThat(new StatusCode(StatusCode.SUCCESS, "").isSuccess()).isTrue();
    }
}
