package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHosts;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TsharkCapture#start} returns only once the capture is live: a datagram sent the moment it returns is in
 * the capture. Every real-client test relies on this, since {@link ServedLab#verifyCapture()} compares every
 * captured frame with the journal. (tshark prints "Capturing on ..." before it even spawns dumpcap; a start that
 * trusted that line lost the first frames of a test now and then, most often under load.)
 */
class TsharkCaptureStartTest {

    static final int ROUNDS = 8;

    @BeforeEach
    void needsTshark() {
        RealHosts.assumeBinary("tshark");
    }

    @Test
    void aDatagramSentRightAfterStartIsCaptured() throws Exception {
        try (HostLab lab = HostLab.create()) {
            InetSocketAddress directedBroadcast = new InetSocketAddress(lab.subnet24().host(255), 68);
            for (int round = 0; round < ROUNDS; round++) {
                TsharkCapture capture = TsharkCapture.start(lab, lab.serverInterface());
                try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(lab.serverAddress(), 0))) {
                    socket.setBroadcast(true);
                    byte[] probe = DhcpCodec.encode(DhcpMessage.builder().xid(0x7c0000 + round)
                            .chaddr("02:00:00:00:7c:01").messageType(MessageType.DISCOVER).build());
                    socket.send(new DatagramPacket(probe, probe.length, directedBroadcast));
                    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    while (capture.framesSeen() < 1 && System.nanoTime() - deadline < 0) {
                        Thread.sleep(20);
                    }
                    assertThat(capture.framesSeen()).as("frames captured of the datagram sent in round %d right "
                            + "after TsharkCapture.start returned", round).isEqualTo(1);
                } finally {
                    capture.close();
                }
            }
        }
    }
}
