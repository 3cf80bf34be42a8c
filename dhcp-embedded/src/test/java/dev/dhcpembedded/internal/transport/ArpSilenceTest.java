package dev.dhcpembedded.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What ArpSilence touches, and how it fails without changing anything. */
class ArpSilenceTest {

    @Test
    void theSysctlIsTheInterfacesArpIgnore() {
        assertThat(ArpSilence.sysctlOf("veth-srv").toString())
                .isEqualTo("/proc/sys/net/ipv4/conf/veth-srv/arp_ignore");
    }

    @Test
    void aNameThatIsAPathIsRefused() {
        assertThatThrownBy(() -> ArpSilence.sysctlOf("../all")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArpSilence.sysctlOf("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArpSilence.sysctlOf("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingInterfaceFailsWithTheReason() {
        assertThatThrownBy(() -> ArpSilence.silence("no-such-if0"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot stop ARP replies on no-such-if0 (writing 8 to"
                        + " /proc/sys/net/ipv4/conf/no-such-if0/arp_ignore failed: ")
                .hasMessageEndingWith("that needs root (CAP_NET_ADMIN) in the interface's network namespace");
    }
}
