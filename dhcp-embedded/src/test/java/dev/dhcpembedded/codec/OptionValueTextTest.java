package dev.dhcpembedded.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link DhcpOption#valueText()}: durations in seconds, names and URIs as text, the rest as hex. */
class OptionValueTextTest {

    @Test
    void durationsReadInSecondsWhateverTheOption() {
        assertThat(DhcpOptions.leaseTime(Duration.ofMinutes(10)).valueText()).isEqualTo("600s");
        assertThat(DhcpOptions.renewalTime(Duration.ofMinutes(5)).valueText()).isEqualTo("300s");
        assertThat(DhcpOptions.ipv6OnlyPreferred(Duration.ofMinutes(30)).valueText()).isEqualTo("1800s");
    }

    @Test
    void urisAndTheMtuReadAsPeopleWriteThem() {
        assertThat(DhcpOptions.captivePortal("https://portal.example/").valueText())
                .isEqualTo("\"https://portal.example/\"");
        assertThat(DhcpOptions.mudUrl("https://mud.example/device").valueText())
                .isEqualTo("\"https://mud.example/device\"");
        assertThat(DhcpOption.of(26, new byte[] {0x05, (byte) 0xdc}).valueText()).isEqualTo("1500");
        assertThat(DhcpOption.of(250, new byte[] {1, 2}).valueText()).isEqualTo("0x0102");
    }
}
