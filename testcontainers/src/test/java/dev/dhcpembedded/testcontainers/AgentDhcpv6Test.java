package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec6.Dhcp6MessageType.ADVERTISE;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.REPLY;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.REQUEST;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.SOLICIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.lab.RealHostSupport;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * A DhcpNetwork with IPv6: ISC {@code dhclient -6} in a container gets its IA_NA address from the server in this
 * JVM, through the agent (which owns UDP 547 of its interface, joined to ff02::1:2). No Router Advertisement:
 * dhclient is started in DHCPv6 mode directly. This JVM needs no privilege. tshark checks the journal's pcap: every
 * frame DHCPv6, none malformed, no expert warning.
 */
@RequiresDockerAgent(images = {RequiresDockerBridge.Image.DEBIAN})
class AgentDhcpv6Test {

    private static final Pattern BOUND = Pattern.compile("DHCP6-EVENT event=BOUND6 iface=eth0 ip6=(\\S+) plen=");

    @Test
    void dhclient6GetsAnAddressFromTheServerThroughTheAgent(@TempDir Path dir) throws Exception {
        dhclient6GetsAnAddress(DhcpNetwork.builder(), dir);
    }

    /** The whole check, on a network built by {@code builder} (through the agent, or from the host bridge). */
    static void dhclient6GetsAnAddress(DhcpNetworkBuilder builder, Path dir) throws Exception {
        Optional<String> noTshark = RealHostSupport.missingBinary("tshark");
        if (noTshark.isPresent()) {
            if (Boolean.getBoolean("dhcp.requireRealHosts")) {
                throw new AssertionError(noTshark.get() + " (dhcp.requireRealHosts=true forbids skipping)");
            }
            Assumptions.abort(noTshark.get());
        }
        try (DhcpNetwork network = builder.ipv6()
                .subnet6(s -> s.dns("fd00:53::53").domainSearch("v6.test")).build();
             GenericContainer<?> client = dhclient6(network)) {
            client.start();
            Matcher bound = BOUND.matcher(client.getLogs());
            assertThat(bound.find()).as("dhclient -6 reported BOUND6:\n%s", client.getLogs()).isTrue();
            String address = bound.group(1);

            String prefix = network.subnet6().orElseThrow();
            assertThat(inPrefix(address, prefix)).as("%s in %s", address, prefix).isTrue();
            List<JournalEntry> solicits = network.journal().received(SOLICIT);
            assertThat(solicits).isNotEmpty();
            Duid duid = solicits.get(0).clientDuid().orElseThrow();
            assertThat(solicits.get(0).source().getAddress().isLinkLocalAddress()).isTrue();
            assertThat(solicits.get(0).destination().getAddress()).isEqualTo(InetAddress.getByName("ff02::1:2"));
            DhcpAssertions.assertThat(network.server()).client(duid).sentInOrder(SOLICIT, REQUEST)
                    .hasAddress(address);
            assertThat(network.journal().sent(ADVERTISE)).isNotEmpty();
            assertThat(network.journal().sent(REPLY)).singleElement().satisfies(reply -> {
                assertThat(reply.destination()).isEqualTo(solicits.get(0).source());
                assertThat(reply.source().getAddress().isLinkLocalAddress()).as("from a link-local address")
                        .isTrue();
            });
            assertThat(network.journal().rejected()).isEmpty();
            assertThat(client.execInContainer("ip", "-6", "addr", "show", "dev", "eth0").getStdout())
                    .contains("inet6 " + address + "/128");
            assertThat(client.getLogs()).contains("dns=fd00:53::53").contains("search=v6.test");

            Path pcap = dir.resolve("dhcpv6.pcap");
            network.journal().writePcap(pcap);
            assertCleanInTshark(pcap, network.journal().size());
        }
    }

    /** Every frame of the journal's pcap is DHCPv6 to tshark, none malformed, none with an expert warning. */
    private static void assertCleanInTshark(Path pcap, int frames) throws Exception {
        Process p = new ProcessBuilder(RealHostSupport.findBinary("tshark").orElseThrow().toString(), "-n", "-r",
                pcap.toString(), "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=;",
                "-e", "frame.number", "-e", "dhcpv6.msgtype", "-e", "_ws.malformed", "-e", "_ws.expert.severity",
                "-e", "_ws.expert.message").redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("tshark's dissection of the journal's pcap").hasSize(frames).allSatisfy(line -> {
            String[] f = line.split("\\|", -1);
            assertThat(f[1]).as("DHCPv6 message type in %s", line).isNotEmpty();
            assertThat(f[2]).as("malformed in %s", line).isEmpty();
            for (String severity : f[3].split(";")) {
                if (!severity.isEmpty()) {
                    assertThat(Long.decode(severity)).as("expert info in %s", line).isLessThan(0x00600000L);
                }
            }
        });
    }

    /** dhclient -6 once (-1), after the link-local address has passed duplicate address detection. */
    private static GenericContainer<?> dhclient6(DhcpNetwork network) {
        String script = "/tmp/dhclient6-script.sh";
        String command = "i=0; while ip -6 addr show dev eth0 | grep -q tentative && [ $i -lt 100 ]; do "
                + "sleep 0.1; i=$((i+1)); done; "
                + "dhclient -6 -1 -v -sf " + script + " -lf /tmp/dhclient6.leases -pf /tmp/dhclient6.pid eth0; "
                + "echo DHCLIENT6-EXIT $?; sleep 600";
        return new GenericContainer<>(TestImages.debian())
                .withNetwork(network)
                .withCreateContainerCmdModifier(c -> c.getHostConfig().withCapAdd(Capability.NET_ADMIN,
                        Capability.NET_RAW))
                .withCopyFileToContainer(MountableFile.forClasspathResource("dev/dhcpembedded/lab/dhclient6-script.sh",
                        0755), script)
                .withCommand("sh", "-c", command)
                .waitingFor(Wait.forLogMessage(".*DHCLIENT6-EXIT.*\\n", 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

    private static boolean inPrefix(String address, String prefix) throws Exception {
        byte[] a = InetAddress.getByName(address).getAddress();
        byte[] p = InetAddress.getByName(prefix.substring(0, prefix.indexOf('/'))).getAddress();
        for (int i = 0; i < 8; i++) {
            if (a[i] != p[i]) {
                return false;
            }
        }
        BigInteger host = new BigInteger(1, java.util.Arrays.copyOfRange(a, 8, 16));
        return host.compareTo(BigInteger.valueOf(0x100)) >= 0 && host.compareTo(BigInteger.valueOf(0xffff)) <= 0;
    }
}
