package dev.dhcpembedded.server;

import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * FORCERENEW (RFC 3203) with RFC 6704's reconfigure keys, over loopback with the project's client: the key goes in
 * the ACK to a client that sent option 145, and the FORCERENEW carries the HMAC-MD5 of the message under it.
 */
class ForceRenewTest {

    static final String MAC = "02:00:00:00:00:42";
    static final DhcpOption NONCE_CAPABLE = DhcpOption.of(OptionCode.FORCERENEW_NONCE_CAPABLE, new byte[] {1});

    @Test
    void aKeyInTheAckAuthenticatesTheForceRenew() throws Exception {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.router("10.20.0.1"))
                .reconfigureKeys().start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC)
                     .option(NONCE_CAPABLE).build()) {
            ClientLease lease = client.dora();
            byte[] auth = lease.option(OptionCode.AUTHENTICATION).orElseThrow().value();
            assertThat(auth).hasSize(28);
            assertThat(Arrays.copyOfRange(auth, 0, 3)).containsExactly(3, 1, 0);   // reconfigure key, HMAC-MD5, RDM 0
            assertThat(auth[11]).isEqualTo((byte) 1);                              // type 1: the key itself
            byte[] key = Arrays.copyOfRange(auth, 12, 28);

            server.v4().forceRenew(MAC);
            DhcpMessage force = client.receive(Duration.ofSeconds(2)).orElseThrow();

            assertThat(force.messageType()).contains(MessageType.FORCERENEW);
            assertThat(force.xid()).isEqualTo(lease.ack().xid());
            assertThat(force.serverIdentifier().orElseThrow().getHostAddress()).isEqualTo("10.20.0.1");
            byte[] digestOption = force.option(OptionCode.AUTHENTICATION).orElseThrow().value();
            assertThat(digestOption[11]).isEqualTo((byte) 2);                      // type 2: the HMAC-MD5
            assertThat(counter(digestOption)).isGreaterThan(counter(auth));        // strictly increasing

            JournalEntry sent = server.journal().sent(MessageType.FORCERENEW).get(0);
            assertThat(sent.note()).contains("authenticated with the client's reconfigure key");
            byte[] wire = sent.bytes();
            int digestAt = indexOf(wire, Arrays.copyOfRange(digestOption, 0, 12)) + 12;
            byte[] zeroed = wire.clone();
            Arrays.fill(zeroed, digestAt, digestAt + 16, (byte) 0);
            Mac md5 = Mac.getInstance("HmacMD5");
            md5.init(new SecretKeySpec(key, "HmacMD5"));
            assertThat(Arrays.copyOfRange(wire, digestAt, digestAt + 16)).isEqualTo(md5.doFinal(zeroed));
        }
    }

    @Test
    void withoutKeysTheAckCarriesNoOption90AndTheForceRenewSaysItIsUnauthenticated() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.router("10.20.0.1")).start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC)
                     .option(NONCE_CAPABLE).build()) {
            ClientLease lease = client.dora();
            assertThat(lease.option(OptionCode.AUTHENTICATION)).isEmpty();

            server.v4().forceRenew(MAC);
            DhcpMessage force = client.receive(Duration.ofSeconds(2)).orElseThrow();
            assertThat(force.messageType()).contains(MessageType.FORCERENEW);
            assertThat(force.option(OptionCode.AUTHENTICATION)).isEmpty();
            assertThat(server.journal().sent(MessageType.FORCERENEW).get(0).note()).contains("not authenticated");
        }
    }

    @Test
    void aClientThatDidNotSayItCanUseAKeyGetsNone() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).reconfigureKeys().start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC).build()) {
            assertThat(client.dora().option(OptionCode.AUTHENTICATION)).isEmpty();
        }
    }

    @Test
    void theForceRenewCarriesTheLastAcksXidAfterTheJournalEvictedIt() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).journal(4, 1L << 20)
                .start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC).build();
             DhcpTestClient other = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:43")
                     .build()) {
            ClientLease lease = client.dora();
            for (int i = 0; i < 3; i++) { // a burst from another client: the journal keeps only its last 4 entries
                other.dora();
            }
            assertThat(server.journal().forClient(client.mac())).as("the ACK left the journal").isEmpty();
            assertThat(server.journal().evicted()).isGreaterThan(0);

            server.v4().forceRenew(MAC);

            DhcpMessage force = client.receive(Duration.ofSeconds(2)).orElseThrow(() -> new AssertionError(
                    "no FORCERENEW reached the client's socket: " + server.journal().transcript()));
            assertThat(force.messageType()).contains(MessageType.FORCERENEW);
            assertThat(force.xid()).isEqualTo(lease.ack().xid());
        }
    }

    @Test
    void theForceRenewCarriesTheXidOfTheLastRenewalAfterTheJournalWasCleared() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC).build()) {
            ClientLease lease = client.dora();
            DhcpMessage renewed = client.renew(lease).orElseThrow();
            assertThat(renewed.messageType()).contains(MessageType.ACK);
            assertThat(renewed.xid()).isNotEqualTo(lease.ack().xid());
            server.journal().clear();

            server.v4().forceRenew(MAC);

            DhcpMessage force = client.receive(Duration.ofSeconds(2)).orElseThrow(() -> new AssertionError(
                    "no FORCERENEW reached the client's socket"));
            assertThat(force.messageType()).contains(MessageType.FORCERENEW);
            assertThat(force.xid()).isEqualTo(renewed.xid());
            assertThat(server.journal().sent(MessageType.FORCERENEW)).hasSize(1);
        }
    }

    @Test
    void withAStubAnsweringTheForceRenewStillGoesWhereTheAckWentWithItsXid() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC).build()) {
            server.stub(onRequest().respond(defaultReply())); // requests take the scripted path
            ClientLease lease = client.dora();
            server.journal().clear();

            server.v4().forceRenew(MAC);

            DhcpMessage force = client.receive(Duration.ofSeconds(2)).orElseThrow(() -> new AssertionError(
                    "no FORCERENEW reached the client's socket"));
            assertThat(force.xid()).isEqualTo(lease.ack().xid());
        }
    }

    @Test
    void aBootpClientNeverAckedIsRefusedWithWhatToDo() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).bootp().start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC).build()) {
            client.send(DhcpMessage.builder().xid(0x1234).chaddr(client.mac()).build()); // no option 53: BOOTP
            DhcpMessage reply = client.receive(Duration.ofSeconds(2)).orElseThrow();
            assertThat(reply.messageType()).isEmpty();
            assertThat(server.leases()).singleElement().satisfies(l -> assertThat(l.mac()).isEqualTo(client.mac()));

            assertThatThrownBy(() -> server.v4().forceRenew(MAC)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("without a DHCPACK from this server")
                    .hasMessageContaining("let it get one");
            assertThat(server.journal().sent(MessageType.FORCERENEW)).isEmpty();
        }
    }

    @Test
    void aClientWithoutABoundLeaseCannotBeForcedToRenew() {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).start()) {
            assertThatThrownBy(() -> server.v4().forceRenew(MAC)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("holds no bound lease");
            assertThat(server.journal().sent()).isEmpty();
        }
    }

    @Test
    void aStoppedServerSaysSo() {
        DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> { }).build();
        assertThatThrownBy(() -> server.v4().forceRenew(MAC)).hasMessageContaining("call start() first");
    }

    private static long counter(byte[] auth) {
        long value = 0;
        for (int i = 3; i < 11; i++) {
            value = value << 8 | (auth[i] & 0xFF);
        }
        return value;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new AssertionError("not found: " + List.of(needle));
    }
}
