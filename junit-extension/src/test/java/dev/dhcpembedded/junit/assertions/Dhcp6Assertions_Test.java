package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.server.DhcpServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** received(SOLICIT).fromDuid(..), client(duid).hasAddress(..).hasDelegatedPrefix(..).released(), and failures. */
class Dhcp6Assertions_Test {

    static final Duid ALICE = Duid.ll(MacAddress.parse("02:00:00:00:00:0a"));
    static final Duid BOB = Duid.ll(MacAddress.parse("02:00:00:00:00:0b"));

    final dev.dhcpembedded.server.TestClock clock = dev.dhcpembedded.server.TestClock.startingNow();
    final DhcpServer server = DhcpServer.builder().clock(clock)
            .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
                    .prefixDelegation("2001:db8:100::/48", 56))
            .start();

    @AfterEach
    void stop() {
        server.stop();
    }

    Dhcp6Message send(Dhcp6Message m) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0))) {
            socket.setSoTimeout(3000);
            byte[] bytes = Dhcp6Codec.encode(m);
            socket.send(new DatagramPacket(bytes, bytes.length, server.v6().address()));
            DatagramPacket in = new DatagramPacket(new byte[2000], 2000);
            socket.receive(in);
            return Dhcp6Codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
        }
    }

    Dhcp6Message.Builder msg(Dhcp6MessageType type, int xid) {
        return Dhcp6Message.builder(type).transactionId(xid).option(Dhcp6Option.clientId(ALICE))
                .option(Dhcp6Option.elapsedTime(0)).option(Dhcp6Option.oro(23, 24));
    }

    void bind() throws Exception {
        Dhcp6Message advertise = send(msg(Dhcp6MessageType.SOLICIT, 1).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
        IaAddress offered = advertise.iaNa().get(0).addresses().get(0);
        send(msg(Dhcp6MessageType.REQUEST, 2).option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0, Dhcp6Option.iaAddress(offered))))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
    }

    @Test
    void passingAssertions() throws Exception {
        bind();
        assertThat(server).received(Dhcp6MessageType.SOLICIT).fromDuid(ALICE).withIaNa(1).withIaPd(2)
                .withOro(23, 24).withElapsedTime().once();
        assertThat(server).sent(Dhcp6MessageType.ADVERTISE).toDuid(ALICE).once();
        assertThat(server).client(ALICE).sentInOrder(Dhcp6MessageType.SOLICIT, Dhcp6MessageType.REQUEST)
                .hasAddress("2001:db8:1::100").hasDelegatedPrefix("2001:db8:100::/56");
        send(msg(Dhcp6MessageType.RELEASE, 3).option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0, Dhcp6Option.iaAddress(IaAddress.of(
                        Ipv6.parse("2001:db8:1::100"), 0, 0))))).option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0))).build());
        assertThat(server).client(ALICE).released();
    }

    @Test
    void failingAssertionsSayWhatWasExpectedAndShowTheTranscript() throws Exception {
        bind();
        assertThatThrownBy(() -> assertThat(server).received(Dhcp6MessageType.SOLICIT).fromDuid(BOB))
                .isInstanceOf(AssertionError.class).hasMessageContaining("a SOLICIT from " + BOB)
                .hasMessageContaining("DHCPv6 Solicit XID: 0x000001");
        assertThatThrownBy(() -> assertThat(server).received(Dhcp6MessageType.SOLICIT).times(2))
                .isInstanceOf(AssertionError.class).hasMessageContaining("exactly 2 messages");
        assertThatThrownBy(() -> assertThat(server).client(ALICE).hasAddress("2001:db8:1::101"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("the address 2001:db8:1::101 bound");
        assertThatThrownBy(() -> assertThat(server).client(ALICE).hasDelegatedPrefix("2001:db8:100:100::/56"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(server).client(ALICE).released())
                .isInstanceOf(AssertionError.class).hasMessageContaining("[RELEASE]");
        assertThatThrownBy(() -> assertThat(server).received(Dhcp6MessageType.REBIND))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void rfc8415Conformance() throws Exception {
        bind();
        assertThat(server).client(ALICE).conformsToRfc8415();

        // BOB: no elapsed time, a server id in SOLICIT, no ORO, T1 after T2, and a REQUEST reusing the SOLICIT's xid
        Dhcp6Message bad = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(0x42)
                .option(Dhcp6Option.clientId(BOB)).option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 900, 600))).build();
        fire(bad);
        fire(Dhcp6Message.builder(Dhcp6MessageType.REQUEST).transactionId(0x42).option(Dhcp6Option.clientId(BOB))
                .option(Dhcp6Option.elapsedTime(0)).option(Dhcp6Option.oro(23))
                .option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build());
        assertThatThrownBy(() -> assertThat(server).client(BOB).conformsToRfc8415())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SOLICIT (xid 0x000042): no elapsed time option (8)")
                .hasMessageContaining("a server identifier (2), which SOLICIT must not carry")
                .hasMessageContaining("no option request option (6)")
                .hasMessageContaining("IA_NA 1 T1 900 after T2 600")
                .hasMessageContaining("REQUEST (xid 0x000042): reuses the transaction id of an earlier, different SOLICIT");
    }

    @Test
    void renewedAtT1AndReboundAfterT2OnTheServersClock() throws Exception {
        bind(); // T1 1800 s, T2 2880 s (50% / 80% of the 3600 s preferred lifetime)
        Dhcp6Message early = msg(Dhcp6MessageType.RENEW, 10).option(Dhcp6Option.serverId(
                server.serverDuid().orElseThrow())).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build();
        clock.advance(Duration.ofSeconds(600));
        send(early);
        assertThatThrownBy(() -> assertThat(server).client(ALICE).renewedAtT1()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("RENEW 600.0 s after REPLY").hasMessageContaining("(T1 1800 s)");
        clock.advance(Duration.ofSeconds(1800)); // 1800 s after the REPLY to the early RENEW
        send(msg(Dhcp6MessageType.RENEW, 11).option(Dhcp6Option.serverId(server.serverDuid().orElseThrow()))
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build());
        assertThat(server).client(ALICE).renewedAtT1();
        assertThatThrownBy(() -> assertThat(server).client(ALICE).reboundAfterT2()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("it sent none after a REPLY");
        clock.advance(Duration.ofSeconds(2880));
        send(msg(Dhcp6MessageType.REBIND, 12).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0, Dhcp6Option.iaAddress(
                IaAddress.of(Ipv6.parse("2001:db8:1::100"), 0, 0))))).build());
        assertThat(server).client(ALICE).reboundAfterT2();
    }

    /** Sends without waiting for an answer (a SOLICIT with a server id gets none). */
    void fire(Dhcp6Message m) throws Exception {
        long before = server.journal().appended();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Ipv6.parse("::1"), 0))) {
            byte[] bytes = Dhcp6Codec.encode(m);
            socket.send(new DatagramPacket(bytes, bytes.length, server.v6().address()));
        }
        for (int i = 0; i < 100 && server.journal().appended() == before; i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void awaitingWaitsForAnAsynchronousClient() throws Exception {
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(200);
                bind();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(server).awaitingAtMost(Duration.ofSeconds(5)).client(ALICE).hasAddress("2001:db8:1::100");
    }
}
