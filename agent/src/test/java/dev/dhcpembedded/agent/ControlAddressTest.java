package dev.dhcpembedded.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control network is the interface of the default route when the agent starts. */
class ControlAddressTest {

    @Test
    void theDefaultRoutesInterfaceIsTheControlNetwork(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("route");
        Files.writeString(table, """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0
                eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
                eth1\t0000A8C0\t00000000\t0001\t0\t0\t0\t00F0FFFF\t0\t0\t0
                """);
        assertThat(ControlAddress.defaultRouteInterface(table)).isEqualTo("eth0");
    }

    @Test
    void withoutADefaultRouteThereIsNone(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("route");
        Files.writeString(table, "Iface\tDestination\tGateway\neth1\t0000A8C0\t00000000\n");
        assertThat(ControlAddress.defaultRouteInterface(table)).isNull();
        assertThat(ControlAddress.defaultRouteInterface(dir.resolve("absent"))).isNull();
    }
}
