package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.internal.transport.LoopbackTransport;
import dev.dhcpembedded.internal.transport.ReceiveBuffers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The receive buffer a server asks for: the default, a chosen size, the kernel's own, and bad values. */
class ReceiveBufferConfigTest {

    private static int sysctl(String name) throws Exception {
        // not Files.readString: /proc files report size 0, and it then reads a first chunk only
        try (java.io.BufferedReader in = Files.newBufferedReader(Path.of("/proc/sys/net/core", name))) {
            return Integer.parseInt(in.readLine().trim());
        }
    }

    private static int granted(DhcpServer server) throws Exception {
        return ((LoopbackTransport) server.transport()).receiveBufferGranted();
    }

    /**
     * Linux grants twice what is asked (the other half is its bookkeeping) and reports that; the JDK reports it
     * halved again, i.e. what was asked. Either way, {@code asked} must show.
     */
    private static void assertGranted(int reported, int asked) {
        assertThat(reported).as("receive buffer reported for %d asked", asked).isIn(asked, 2 * asked);
    }

    @Test
    void byDefaultAsksForFourMebibytesWithinTheKernelsCap() throws Exception {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start()) {
            // SO_RCVBUF is capped by net.core.rmem_max
            assertGranted(granted(server), Math.min(ReceiveBuffers.DEFAULT_BYTES, sysctl("rmem_max")));
        }
    }

    @Test
    void aChosenSizeIsAskedFor() throws Exception {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).receiveBuffer(65536)
                .start()) {
            assertGranted(granted(server), Math.min(65536, sysctl("rmem_max")));
        }
    }

    @Test
    void zeroLeavesTheKernelsDefault() throws Exception {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).receiveBuffer(0).start()) {
            assertGranted(granted(server), sysctl("rmem_default") / 2);
        }
    }

    @Test
    void theSizeIsFixedWhenBuiltAndKeptAcrossRestarts() throws Exception {
        DhcpServerBuilder builder = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).receiveBuffer(0);
        try (DhcpServer server = builder.build()) {
            builder.receiveBuffer(65536); // too late for the server already built
            server.start();
            server.stop();
            server.start();
            assertGranted(granted(server), sysctl("rmem_default") / 2);
        }
    }

    @Test
    void aNegativeSizeIsRefusedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> DhcpServer.builder().receiveBuffer(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 0 (the kernel's default) or a size in bytes");
    }
}
