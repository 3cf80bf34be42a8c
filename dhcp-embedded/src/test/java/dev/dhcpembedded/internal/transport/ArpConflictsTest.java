package dev.dhcpembedded.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ARP replies of the made-up owner of an address, frame by frame. */
class ArpConflictsTest {

    static final byte[] CLIENT = {0x02, 0, 0, 0, 0, 0x42};
    static final int OWNED = Ipv4.parseInt("10.20.0.100");

    /** An Ethernet ARP request from the client: who has {@code target}? tell {@code sender}. */
    static byte[] request(String sender, String target) {
        byte[] f = new byte[42];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) 0xff;
        }
        System.arraycopy(CLIENT, 0, f, 6, 6);
        f[12] = 0x08;
        f[13] = 0x06;
        f[15] = 1;
        f[16] = 0x08;
        f[18] = 6;
        f[19] = 4;
        f[21] = 1;
        System.arraycopy(CLIENT, 0, f, 22, 6);
        Ipv4.writeInt(f, 28, Ipv4.parseInt(sender));
        Ipv4.writeInt(f, 38, Ipv4.parseInt(target));
        return f;
    }

    static String hex(byte[] b, int from, int to) {
        return Hex.colons(b, from, to - from);
    }

    @Test
    void aProbeForTheAddressGetsAReplyFromTheOwnersMac() {
        byte[] reply = ArpConflicts.replyTo(request("0.0.0.0", "10.20.0.100"), a -> a == OWNED ? ArpConflicts.ownerMac(a) : null);
        assertThat(reply).hasSize(60);
        assertThat(hex(reply, 0, 6)).as("to the prober").isEqualTo("02:00:00:00:00:42");
        assertThat(hex(reply, 6, 12)).as("from the owner").isEqualTo("02:c0:0a:14:00:64");
        assertThat(hex(reply, 12, 22)).as("ARP, Ethernet/IPv4, reply").isEqualTo("08:06:00:01:08:00:06:04:00:02");
        assertThat(hex(reply, 22, 28)).isEqualTo("02:c0:0a:14:00:64");
        assertThat(hex(reply, 28, 32)).as("sender: the owned address").isEqualTo("0a:14:00:64");
        assertThat(hex(reply, 32, 38)).isEqualTo("02:00:00:00:00:42");
        assertThat(hex(reply, 38, 42)).as("target: the probe's sender, 0.0.0.0").isEqualTo("00:00:00:00");
        assertThat(hex(reply, 42, 60)).as("padding").isEqualTo("00:".repeat(17) + "00");
    }

    @Test
    void anOrdinaryQueryIsAnsweredToItsSender() {
        byte[] reply = ArpConflicts.replyTo(request("10.20.0.1", "10.20.0.100"), a -> a == OWNED ? ArpConflicts.ownerMac(a) : null);
        assertThat(hex(reply, 38, 42)).isEqualTo("0a:14:00:01");
    }

    @Test
    void otherAddressesAnnouncementsRepliesAndOtherFramesAreLeftAlone() {
        assertThat(ArpConflicts.replyTo(request("0.0.0.0", "10.20.0.101"), a -> a == OWNED ? ArpConflicts.ownerMac(a) : null)).isNull();
        assertThat(ArpConflicts.replyTo(request("10.20.0.100", "10.20.0.100"), a -> a == OWNED ? ArpConflicts.ownerMac(a) : null))
                .as("an announcement").isNull();
        byte[] reply = request("0.0.0.0", "10.20.0.100");
        reply[21] = 2;
        assertThat(ArpConflicts.replyTo(reply, a -> a == OWNED ? ArpConflicts.ownerMac(a) : null)).as("an ARP reply").isNull();
        byte[] ipv4 = request("0.0.0.0", "10.20.0.100");
        ipv4[13] = 0x00;
        assertThat(ArpConflicts.replyTo(ipv4, a -> a == OWNED ? ArpConflicts.ownerMac(a) : null)).as("not ARP").isNull();
        assertThat(ArpConflicts.replyTo(new byte[20], a -> a == OWNED ? ArpConflicts.ownerMac(a) : null)).as("too short").isNull();
    }

    @Test
    void theOwnersMacIsLocallyAdministeredUnicast() {
        byte[] mac = ArpConflicts.ownerMac(OWNED);
        assertThat(mac[0] & 0x03).isEqualTo(0x02);
    }
}
