package dev.dhcpembedded.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostLabTest {

    private static final Duration T = Duration.ofSeconds(10);

    @BeforeEach
    void needsNamespaces() {
        RealHosts.assume();
    }

    @Test
    void wiresANamespaceThatReachesTheServerAddressAndCleansUp() {
        String name;
        String serverIf;
        HostLab lab = HostLab.create();
        try {
            name = lab.name();
            serverIf = lab.serverInterface();
            assertThat(name).matches("dhe-[0-9a-z]+-[0-9a-z]+");
            assertThat(lab.serverInterface()).hasSizeLessThanOrEqualTo(15);
            assertThat(lab.clientInterface()).hasSizeLessThanOrEqualTo(15);
            assertThat(lab.subnet()).matches("10\\.231\\.\\d+\\.0/24");
            assertThat(lab.serverAddress()).isEqualTo(lab.subnet24().host(1));
            assertThat(netnsList()).contains(name);

            // the client end starts without an address; give it one to reach the server end
            assertThat(lab.clientAddresses()).isEmpty();
            lab.addClientAddress(lab.subnet24().host(2) + "/24");
            assertThat(lab.clientAddresses()).containsExactly(lab.subnet24().host(2) + "/24");
            assertThat(lab.clientRoutes()).anyMatch(r -> r.startsWith(lab.subnet() + " dev " + lab.clientInterface()));

            CommandResult ping = lab.exec(T, ping(lab.serverAddress()));
            assertThat(ping.ok()).as(ping.describe()).isTrue();

            lab.flushClientAddresses();
            assertThat(lab.clientAddresses()).isEmpty();
        } finally {
            lab.close();
        }
        assertThat(netnsList()).doesNotContain(name);
        assertThat(Commands.run(T, "ip", "link", "show", serverIf).ok()).isFalse();
        assertThat(Files.exists(Path.of("/etc/netns", name))).isFalse();
        assertThat(Files.exists(lab.workDir())).isFalse();
        lab.close(); // twice is harmless
    }

    @Test
    void clientMacIsDeterministicAndSettable() {
        try (HostLab lab = HostLab.builder().clientMac("02:00:00:00:00:42").build()) {
            assertThat(lab.clientMac()).isEqualTo("02:00:00:00:00:42");
            assertThat(linkShow(lab)).contains("02:00:00:00:00:42");
            lab.clientMac("02:AA:00:00:00:01");
            assertThat(lab.clientMac()).isEqualTo("02:aa:00:00:00:01");
            assertThat(linkShow(lab)).contains("02:aa:00:00:00:01");
        }
        try (HostLab lab = HostLab.create()) {
            Subnet24 s = lab.subnet24();
            assertThat(lab.clientMac()).isEqualTo(String.format("02:00:%02x:%02x:%02x:10", s.a(), s.b(), s.c()));
        }
    }

    @Test
    void parallelLabsAndExtraLinksGetDistinctSubnets() {
        try (HostLab one = HostLab.create(); HostLab two = HostLab.create()) {
            LabLink extra = one.addLink();
            assertThat(List.of(one.subnet(), two.subnet(), extra.cidr())).doesNotHaveDuplicates();
            assertThat(extra.clientInterface()).isEqualTo(one.name() + "c1");
            assertThat(one.addressesOf(extra.clientInterface())).isEmpty();
            // the other lab's server address is not reachable from this one: labs are isolated
            one.addClientAddress(one.subnet24().host(2) + "/24");
            assertThat(one.exec(T, ping(two.serverAddress())).ok()).isFalse();
        }
    }

    @Test
    void backgroundProcessesAreReadableSignalableAndStoppedOnClose() {
        BackgroundProcess sleeper;
        try (HostLab lab = HostLab.create()) {
            BackgroundProcess echo = lab.start("sh", "-c", "echo hello; echo oops >&2; exec sleep 30");
            assertThat(echo.awaitLineContaining("hello", T)).isPresent();
            assertThat(echo.awaitLineContaining("oops", T)).isPresent();
            assertThat(echo.isAlive()).isTrue();
            assertThat(echo.stop(Duration.ofSeconds(2))).isEqualTo(143);

            sleeper = lab.start("sh", "-c", "trap 'echo got-usr1' USR1; echo trap-set; while :; do sleep 0.1; done");
            assertThat(sleeper.awaitLineContaining("trap-set", T)).as("trap installed").isPresent();
            assertThat(sleeper.signal(Signal.USR1)).isTrue();
            assertThat(sleeper.awaitLineContaining("got-usr1", T)).isPresent();

            CommandResult inNs = lab.exec(T, "ip", "-o", "link", "show", lab.clientInterface());
            assertThat(inNs.ok()).as(inNs.describe()).isTrue();
            CommandResult slow = lab.exec(Duration.ofMillis(300), "sleep", "5");
            assertThat(slow.timedOut()).isTrue();
        }
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void clientScriptsAreMaterializedExecutable() {
        try (HostLab lab = HostLab.create()) {
            for (ClientScript s : ClientScript.values()) {
                Path p = lab.script(s);
                assertThat(p).isExecutable().hasParent(lab.workDir());
                assertThat(s.text()).startsWith("#!/bin/sh").containsPattern("DHCP6?-EVENT");
            }
        }
    }

    static List<String> ping(String address) {
        // iputils ping is not always installed; busybox-static is (it provides udhcpc too)
        if (RealHostSupport.findBinary("ping").isPresent()) {
            return List.of("ping", "-c", "1", "-W", "1", address);
        }
        return List.of("busybox", "ping", "-c", "1", "-W", "1", address);
    }

    private static String netnsList() {
        return Commands.run(T, "ip", "netns", "list").stdout();
    }

    private static String linkShow(HostLab lab) {
        return Commands.run(T, "ip", "-n", lab.name(), "link", "show", lab.clientInterface()).stdout();
    }
}
