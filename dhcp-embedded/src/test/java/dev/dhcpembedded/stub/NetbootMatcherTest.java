package dev.dhcpembedded.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link RequestMatcher#pxe()} and {@link RequestMatcher#withArchitecture(int)} on real requests. */
class NetbootMatcherTest {

    static DhcpMessage discover(DhcpOption... options) {
        var b = DhcpMessage.builder().xid(1).chaddr("02:00:00:00:00:01").messageType(MessageType.DISCOVER);
        for (DhcpOption o : options) {
            b.option(o);
        }
        return b.build();
    }

    static final DhcpOption PXE = DhcpOptions.vendorClassIdentifier("PXEClient:Arch:00007:UNDI:003016");

    @Test
    void pxeMatchesPxeHttpAndIpxeClientsOnly() {
        RequestMatcher pxe = RequestMatcher.onDiscover().pxe();
        assertThat(pxe.matches(discover(PXE), true)).isTrue();
        assertThat(pxe.matches(discover(DhcpOptions.vendorClassIdentifier("HTTPClient:Arch:00016")), true)).isTrue();
        assertThat(pxe.matches(discover(DhcpOption.of(77, "iPXE".getBytes(StandardCharsets.US_ASCII))), true))
                .isTrue();
        assertThat(pxe.matches(discover(DhcpOptions.vendorClassIdentifier("udhcp 1.36")), true)).isFalse();
        assertThat(pxe.matches(discover(), true)).isFalse();
    }

    @Test
    void withArchitectureReads93ThenOption60() {
        assertThat(RequestMatcher.onDiscover().withArchitecture(9)
                .matches(discover(PXE, DhcpOption.of(93, new byte[] {0, 9})), true)).isTrue();
        assertThat(RequestMatcher.onDiscover().withArchitecture(7).matches(discover(PXE), true)).isTrue();
        assertThat(RequestMatcher.onDiscover().withArchitecture(0).matches(discover(PXE), true)).isFalse();
        assertThat(RequestMatcher.onDiscover().pxe().withArchitecture(7).toString()).contains("architecture 7");
    }
}
