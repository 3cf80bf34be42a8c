package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.lab.DhcpEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Reply addressing on the wire through the agent (RFC 2131 §4.1): a tshark capture on the Docker network's bridge
 * shows the OFFER and ACK sent unicast to yiaddr and chaddr to a udhcpc without the broadcast flag, and to
 * 255.255.255.255 and ff:ff:ff:ff:ff:ff to a udhcpc with it ({@code -B}); no frame is malformed. Capturing on the
 * bridge needs root and a bridge on this host (CI runs this class as root); otherwise it is skipped with the reason,
 * unless {@code dhcp.requireRealHosts=true}, where it fails. Named apart from {@code Agent*Test}: .ci/run runs
 * those again as an unprivileged user, and this class needs root.
 */
@RequiresDockerAgent
@ExtendWith(ReplyAddressingOnTheWireTest.CanCaptureTheBridge.class)
@Testcontainers
class ReplyAddressingOnTheWireTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String UNICAST_MAC = "02:42:0d:0e:1f:01";
    private static final String BROADCAST_MAC = "02:42:0d:0e:1f:02";
    private static final String ETHERNET_BROADCAST = "ff:ff:ff:ff:ff:ff";
    private static final int DISCOVER = 1;
    private static final int OFFER = 2;
    private static final int ACK = 5;

    @Container
    static final DhcpNetwork NETWORK = DhcpNetwork.builder().subnet(s -> s.leaseTime(Duration.ofMinutes(10))).build();

    @Test
    void offerAndAckGoUnicastToYiaddrAndChaddrWithoutTheBroadcastFlagAndBroadcastWithIt(@TempDir Path dir)
            throws Exception {
        String bridge = NETWORK.bridgeInterface();
        gate(BridgeCapture.bridgeMissingReason(bridge));
        String agent = NETWORK.server().serverIdentifier().getHostAddress();

        List<BridgeCapture.Frame> frames;
        DhcpEvent unicastLease;
        DhcpEvent broadcastLease;
        try (BridgeCapture capture = BridgeCapture.start(bridge, dir);
             DhcpClientContainer plain = TestImages.udhcpc().withNetwork(NETWORK).withMacAddress(UNICAST_MAC);
             DhcpClientContainer flagged = TestImages.udhcpc().withNetwork(NETWORK).withMacAddress(BROADCAST_MAC)
                     .withUdhcpc(u -> u.broadcastFlag())) {
            plain.start();
            unicastLease = plain.awaitLease(LEASE);
            flagged.start();
            broadcastLease = flagged.awaitLease(LEASE);
            capture.awaitSummaryLines("DHCP ACK", 2, Duration.ofSeconds(10));
            frames = capture.stopAndRead();
        }
        String context = "\ncapture on " + bridge + ":\n"
                + frames.stream().map(Object::toString).collect(Collectors.joining("\n"))
                + "\njournal:\n" + NETWORK.journal().transcript();
        System.out.println("[tshark] " + context);

        assertThat(frames).as("frames captured" + context).isNotEmpty();
        assertThat(frames).as("no malformed frame" + context).allSatisfy(f -> assertThat(f.malformed()).isEmpty());

        // without the broadcast flag: Ethernet to chaddr, IP to yiaddr
        assertThat(ofClient(frames, UNICAST_MAC, DISCOVER)).as("udhcpc without -B: its DISCOVER" + context)
                .isNotEmpty().allSatisfy(f -> assertThat(f.broadcastFlagSet()).isFalse());
        for (int type : new int[] {OFFER, ACK}) {
            assertThat(ofClient(frames, UNICAST_MAC, type)).as("type %s to %s, unicast%s", type, UNICAST_MAC,
                    context).isNotEmpty().allSatisfy(f -> {
                        assertThat(f.ethDst()).isEqualTo(UNICAST_MAC);
                        assertThat(f.ipDst()).isEqualTo(f.yiaddr()).isEqualTo(unicastLease.ip());
                        assertThat(f.ipSrc()).isEqualTo(agent);
                        assertThat(f.dstPort()).isEqualTo("68");
                    });
        }

        // with it (-B): Ethernet and IP broadcast
        assertThat(ofClient(frames, BROADCAST_MAC, DISCOVER)).as("udhcpc -B: its DISCOVER" + context)
                .isNotEmpty().allSatisfy(f -> assertThat(f.broadcastFlagSet()).isTrue());
        for (int type : new int[] {OFFER, ACK}) {
            assertThat(ofClient(frames, BROADCAST_MAC, type)).as("type %s to %s, broadcast%s", type, BROADCAST_MAC,
                    context).isNotEmpty().allSatisfy(f -> {
                        assertThat(f.ethDst()).isEqualTo(ETHERNET_BROADCAST);
                        assertThat(f.ipDst()).isEqualTo("255.255.255.255");
                        assertThat(f.yiaddr()).isEqualTo(broadcastLease.ip());
                        assertThat(f.ipSrc()).isEqualTo(agent);
                        assertThat(f.dstPort()).isEqualTo("68");
                    });
        }
    }

    private static List<BridgeCapture.Frame> ofClient(List<BridgeCapture.Frame> frames, String mac, int type) {
        return frames.stream().filter(f -> f.chaddr().equalsIgnoreCase(mac) && f.isType(type)).toList();
    }

    /** Skips with the reason, or fails under {@code dhcp.requireRealHosts=true}. */
    private static void gate(Optional<String> missing) {
        if (missing.isPresent()) {
            if (Boolean.getBoolean("dhcp.requireRealHosts")) {
                throw new AssertionError(missing.get() + " (dhcp.requireRealHosts=true forbids skipping)");
            }
            Assumptions.abort(missing.get());
        }
    }

    /** tshark and root, checked before the network starts; whether the bridge is on this host is checked after. */
    static final class CanCaptureTheBridge implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = BridgeCapture.missingReason();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("tshark and root are here");
            }
            if (Boolean.getBoolean("dhcp.requireRealHosts")) {
                throw new AssertionError(missing.get() + " (dhcp.requireRealHosts=true forbids skipping)");
            }
            return ConditionEvaluationResult.disabled(missing.get());
        }
    }
}
