package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 2131 §4.1 on a real link, seen by tshark: a client without the broadcast flag gets its OFFER and ACK unicast
 * to yiaddr and its MAC (the server wrote the ARP entry first); a client with the flag ({@code udhcpc -B}) gets
 * them broadcast.
 */
class ReplyAddressingTest {

    @BeforeEach
    void needsUdhcpc() {
        RealHosts.assumeBinary("udhcpc");
        RealHosts.assumeBinary("tshark");
    }

    @Test
    void withoutTheBroadcastFlagOfferAndAckAreUnicastToYiaddrAndChaddr() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(UdhcpcTest.udhcpc(s).build());
            DhcpEvent bound = s.awaitEvent(client, "bound");
            String ip = bound.ip();

            for (JournalEntry reply : s.server.journal().sent()) {
                assertThat(reply.destination()).as(reply.transcriptLine()).isEqualTo(ServedLab.socket(ip, 68));
            }
            TsharkCapture.Result wire = s.verifyCapture();
            assertThat(wire.ofType(1)).isNotEmpty().allSatisfy(f -> assertThat(f.broadcastFlagSet()).isFalse());
            List<TsharkCapture.Frame> replies = List.of(wire.ofType(2).get(0), wire.ofType(5).get(0));
            assertThat(replies).allSatisfy(f -> {
                assertThat(f.ipDst()).as(f.toString()).isEqualTo(ip);
                assertThat(f.ethDst()).as(f.toString()).isEqualToIgnoringCase(s.lab.clientMac());
                assertThat(f.yiaddr()).isEqualTo(ip);
            });
        }
    }

    @Test
    void withTheBroadcastFlagOfferAndAckAreBroadcast() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            BackgroundProcess client = s.lab.start(UdhcpcTest.udhcpc(s).broadcastFlag().build());
            DhcpEvent bound = s.awaitEvent(client, "bound");
            assertThat(bound.ip()).isEqualTo(s.host(100));

            assertThat(s.server.journal().received(MessageType.DISCOVER).get(0).message().get().isBroadcast())
                    .isTrue();
            for (JournalEntry reply : s.server.journal().sent()) {
                assertThat(reply.destination()).as(reply.transcriptLine())
                        .isEqualTo(ServedLab.socket("255.255.255.255", 68));
            }
            TsharkCapture.Result wire = s.verifyCapture();
            assertThat(wire.ofType(1)).isNotEmpty().allSatisfy(f -> assertThat(f.broadcastFlagSet()).isTrue());
            List<TsharkCapture.Frame> replies = List.of(wire.ofType(2).get(0), wire.ofType(5).get(0));
            assertThat(replies).allSatisfy(f -> {
                assertThat(f.ipDst()).as(f.toString()).isEqualTo("255.255.255.255");
                assertThat(f.ethDst()).as(f.toString()).isEqualTo("ff:ff:ff:ff:ff:ff");
                assertThat(f.yiaddr()).isEqualTo(s.host(100));
            });
        }
    }
}
