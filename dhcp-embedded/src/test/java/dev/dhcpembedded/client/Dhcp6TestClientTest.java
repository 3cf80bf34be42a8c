package dev.dhcpembedded.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DHCPv6 test client against a real server on [::1]: every client message, several IAs, DUIDs, a relay. */
class Dhcp6TestClientTest {

    static final Duid DUID = Duid.ll(MacAddress.parse("02:00:00:00:00:42"));

    final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    DhcpServer server(UnaryOperator<DhcpServerBuilder> extra) {
        DhcpServer server = extra.apply(DhcpServer.builder().clock(clock)
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
                        .prefixDelegation("2001:db8:100::/48", 56).dns("2001:db8:1::53").domainSearch("lab.test"))
                .subnet6("2001:db8:2::/64", s -> s.pool("2001:db8:2::100", "2001:db8:2::1ff"))).start();
        toClose.add(server);
        return server;
    }

    DhcpServer server() {
        return server(b -> b);
    }

    Dhcp6TestClient client(DhcpServer server, UnaryOperator<Dhcp6TestClientBuilder> extra) {
        Dhcp6TestClient client = extra.apply(Dhcp6TestClient.builder().server(server.v6().address()).duid(DUID)
                .clock(clock, clock::advance).replyWait(Duration.ofSeconds(5))).build();
        toClose.add(client);
        return client;
    }

    static List<Dhcp6MessageType> types(List<Dhcp6Message> messages) {
        return messages.stream().map(m -> m.innermost().type().orElseThrow()).toList();
    }

    @Test
    void solicitRequestReturnsTheLeaseAndSendsWhatRfc8415Asks() {
        DhcpServer server = server();
        Dhcp6TestClient client = client(server, b -> b);

        ClientLease6 lease = client.solicitRequest();

        assertThat(lease.addressText()).isEqualTo("2001:db8:1::100");
        assertThat(lease.serverId()).isEqualTo(server.serverDuid().orElseThrow());
        assertThat(lease.renewalTime()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(lease.rebindingTime()).isEqualTo(Duration.ofSeconds(2880));
        assertThat(lease.validLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(lease.dnsServers()).extracting(Ipv6::format).containsExactly("2001:db8:1::53");
        assertThat(lease.domainList()).containsExactly("lab.test");
        assertThat(lease.obtainedAt()).isEqualTo(clock.instant());
        assertThat(server.v6().leases(DUID)).extracting(Lease6::text, Lease6::state)
                .containsExactly(tuple("2001:db8:1::100", LeaseState.BOUND));

        assertThat(types(client.sent())).containsExactly(Dhcp6MessageType.SOLICIT, Dhcp6MessageType.REQUEST);
        Dhcp6Message solicit = client.sent().get(0);
        assertThat(solicit.clientId()).contains(DUID);
        assertThat(solicit.serverId()).isEmpty();
        assertThat(solicit.elapsedTime()).hasValue(0);
        assertThat(solicit.iaNa()).containsExactly(IaNa.of(1, 0, 0));
        assertThat(solicit.oro()).containsExactly(Dhcp6OptionCode.DNS_SERVERS, Dhcp6OptionCode.DOMAIN_LIST,
                Dhcp6OptionCode.SOL_MAX_RT);
        assertThat(solicit.rapidCommit()).isFalse();
        Dhcp6Message request = client.sent().get(1);
        assertThat(request.transactionId()).isNotEqualTo(solicit.transactionId());
        assertThat(request.serverId()).isEqualTo(server.serverDuid());
        assertThat(request.iaNa()).hasSize(1);
        assertThat(request.iaNa().get(0).addresses()).extracting(a -> Ipv6.format(a.address()))
                .containsExactly("2001:db8:1::100");
        assertThat(types(client.received())).containsExactly(Dhcp6MessageType.ADVERTISE, Dhcp6MessageType.REPLY);
        assertThat(client.exchanges()).hasSize(4).allMatch(e -> e.decodeError().isEmpty());
    }

    @Test
    void severalIaNaAndIaPdInOneClient() {
        DhcpServer server = server();
        Dhcp6TestClient client = client(server, b -> b.iaNa(1).iaNa(2).iaPd(7));

        ClientLease6 lease = client.solicitRequest();

        assertThat(lease.iaNa()).extracting(IaNa::iaid).containsExactly(1L, 2L);
        assertThat(lease.addresses()).extracting(Ipv6::format).containsExactly("2001:db8:1::100", "2001:db8:1::101");
        assertThat(lease.prefix().cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(lease.iaPd()).singleElement().satisfies(ia -> assertThat(ia.iaid()).isEqualTo(7));
        assertThat(server.v6().leases(DUID)).extracting(Lease6::iaid, Lease6::text).containsExactlyInAnyOrder(
                tuple(1L, "2001:db8:1::100"), tuple(2L, "2001:db8:1::101"), tuple(7L, "2001:db8:100::/56"));
    }

    @Test
    void aPrefixOnlyClientHasNoAddress() {
        Dhcp6TestClient client = client(server(), b -> b.iaPd(1));

        ClientLease6 lease = client.solicitRequest();

        assertThat(lease.prefixes()).extracting(p -> p.cidr()).containsExactly("2001:db8:100::/56");
        assertThat(client.sent().get(0).iaNa()).isEmpty();
        assertThatThrownBy(lease::address).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no address, only prefixes: ");
    }

    @Test
    void rapidCommitIsAReplyWhereTheServerAllowsItAndAnAdvertiseWhereNot() {
        Dhcp6TestClient withRapid = client(server(b -> b.rapidCommit6()), b -> b);
        Dhcp6Message reply = withRapid.solicitWithRapidCommit().orElseThrow();
        assertThat(reply.is(Dhcp6MessageType.REPLY)).isTrue();
        assertThat(reply.rapidCommit()).isTrue();
        assertThat(ClientLease6.fromReply(reply, clock.instant()).addressText()).isEqualTo("2001:db8:1::100");
        assertThat(withRapid.sent()).singleElement().satisfies(m -> assertThat(m.rapidCommit()).isTrue());

        Dhcp6TestClient without = client(server(), b -> b);
        Dhcp6Message advertise = without.solicitWithRapidCommit().orElseThrow();
        assertThat(advertise.is(Dhcp6MessageType.ADVERTISE)).isTrue();
        assertThat(without.request(advertise)).hasValueSatisfying(m -> assertThat(m.is(Dhcp6MessageType.REPLY))
                .isTrue());
    }

    @Test
    void renewAndRebindExtendTheLease() {
        DhcpServer server = server();
        Dhcp6TestClient client = client(server, b -> b.iaPd(2).iaNa(1));
        ClientLease6 lease = client.solicitRequest();
        clock.advance(lease.renewalTime());

        Dhcp6Message renewed = client.renew(lease).orElseThrow();
        Dhcp6Message renew = client.sent().get(2);
        assertThat(renew.is(Dhcp6MessageType.RENEW)).isTrue();
        assertThat(renew.serverId()).contains(lease.serverId());
        assertThat(renew.iaNa().get(0).addresses()).hasSize(1);
        assertThat(renew.iaPd().get(0).prefixes()).hasSize(1);
        ClientLease6 extended = ClientLease6.fromReply(renewed, clock.instant());
        assertThat(extended.addresses()).isEqualTo(lease.addresses());
        assertThat(extended.prefixes()).extracting(p -> p.cidr()).containsExactly("2001:db8:100::/56");
        assertThat(server.v6().leases().get(0).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));

        clock.advance(extended.rebindingTime());
        Dhcp6Message rebound = client.rebind(extended).orElseThrow();
        Dhcp6Message rebind = client.sent().get(3);
        assertThat(rebind.is(Dhcp6MessageType.REBIND)).isTrue();
        assertThat(rebind.serverId()).isEmpty();
        assertThat(ClientLease6.fromReply(rebound, clock.instant()).addresses()).isEqualTo(lease.addresses());
    }

    @Test
    void releaseGivesTheLeaseBack() {
        DhcpServer server = server();
        Dhcp6TestClient client = client(server, b -> b);
        ClientLease6 lease = client.solicitRequest();

        Dhcp6Message reply = client.release(lease).orElseThrow();

        assertThat(reply.statusCode().map(StatusCode::code)).contains(StatusCode.SUCCESS);
        assertThat(client.sent().get(2).is(Dhcp6MessageType.RELEASE)).isTrue();
        assertThat(client.sent().get(2).oro()).isEmpty();
        assertThat(server.v6().leases(DUID)).extracting(Lease6::state).containsExactly(LeaseState.RELEASED);
    }

    @Test
    void declineSetsTheAddressAside() {
        DhcpServer server = server();
        Dhcp6TestClient client = client(server, b -> b.iaNa(1).iaPd(2));
        ClientLease6 lease = client.solicitRequest();

        assertThat(client.decline(lease)).isPresent();

        Dhcp6Message decline = client.sent().get(2);
        assertThat(decline.is(Dhcp6MessageType.DECLINE)).isTrue();
        assertThat(decline.iaNa()).hasSize(1);
        assertThat(decline.iaPd()).as("prefixes are not declined").isEmpty();
        assertThat(server.v6().leases(DUID)).filteredOn(l -> l.kind() == Lease6.Kind.ADDRESS)
                .extracting(Lease6::state).containsExactly(LeaseState.DECLINED);
    }

    @Test
    void confirmSaysWhetherTheAddressesAreStillOnTheLink() {
        DhcpServer server = server();
        ClientLease6 lease = client(server, b -> b).solicitRequest();

        Dhcp6Message onLink = client(server, b -> b).confirm(lease).orElseThrow();
        assertThat(onLink.statusCode().map(StatusCode::code)).contains(StatusCode.SUCCESS);

        // the device moved to the link behind a relay on 2001:db8:2::/64
        Dhcp6TestClient moved = client(server, b -> b.relay("2001:db8:2::1", "fe80::42"));
        Dhcp6Message notOnLink = moved.confirm(lease).orElseThrow();
        assertThat(notOnLink.statusCode().map(StatusCode::code)).contains(StatusCode.NOT_ON_LINK);
        assertThat(moved.sent().get(0).innermost().serverId()).isEmpty();
    }

    @Test
    void informationRequestGetsConfigurationWithoutAnIa() {
        Dhcp6TestClient client = client(server(), b -> b);

        Dhcp6Message reply = client.informationRequest().orElseThrow();

        assertThat(reply.dnsServers()).extracting(Ipv6::format).containsExactly("2001:db8:1::53");
        assertThat(reply.iaNa()).isEmpty();
        Dhcp6Message sent = client.sent().get(0);
        assertThat(sent.is(Dhcp6MessageType.INFORMATION_REQUEST)).isTrue();
        assertThat(sent.iaNa()).isEmpty();
        assertThat(sent.oro()).contains(Dhcp6OptionCode.INF_MAX_RT);
    }

    @Test
    void throughARelayTheLinkAddressPicksTheSubnetAndTheRelayReplyIsOpened() {
        DhcpServer server = server();
        Dhcp6TestClient client = client(server, b -> b.relay(Ipv6.parse("2001:db8:2::1"), Ipv6.parse("fe80::42"),
                "eth7".getBytes(StandardCharsets.US_ASCII)));

        ClientLease6 lease = client.solicitRequest();

        assertThat(lease.addressText()).isEqualTo("2001:db8:2::100");
        assertThat(lease.reply().is(Dhcp6MessageType.REPLY)).isTrue();
        Dhcp6Message forward = client.sent().get(0);
        assertThat(forward.is(Dhcp6MessageType.RELAY_FORW)).isTrue();
        assertThat(forward.hopCount()).isZero();
        assertThat(Ipv6.format(forward.linkAddress())).isEqualTo("2001:db8:2::1");
        assertThat(Ipv6.format(forward.peerAddress())).isEqualTo("fe80::42");
        assertThat(forward.interfaceId()).hasValueSatisfying(id -> assertThat(new String(id,
                StandardCharsets.US_ASCII)).isEqualTo("eth7"));
        assertThat(forward.innermost().is(Dhcp6MessageType.SOLICIT)).isTrue();
        assertThat(client.received()).allMatch(m -> m.is(Dhcp6MessageType.RELAY_REPL));
    }

    @Test
    void everyDuidKindGetsALease() {
        DhcpServer server = server();
        List<Duid> duids = List.of(
                Duid.llt(Instant.parse("2020-01-01T00:00:00Z"), MacAddress.parse("02:00:00:00:00:01")),
                Duid.en(32473, new byte[] {1, 2, 3, 4}),
                Duid.ll(MacAddress.parse("02:00:00:00:00:03")),
                Duid.uuid(UUID.fromString("3d0c3c5e-8f22-4b5b-9a8f-0b3b0e8d4c21")));
        for (Duid duid : duids) {
            ClientLease6 lease = client(server, b -> b.duid(duid)).solicitRequest();
            assertThat(server.v6().leases(duid)).extracting(Lease6::text).containsExactly(lease.addressText());
        }
        assertThat(server.v6().leases()).extracting(Lease6::text).doesNotHaveDuplicates().hasSize(4);
        assertThat(Dhcp6TestClient.builder().server("::1", 547).duid("00:03:00:01:02:00:00:00:00:42").build())
                .satisfies(c -> {
                    toClose.add(c);
                    assertThat(c.duid()).isEqualTo(DUID);
                });
    }

    @Test
    void noAddrsAvailEndsSolicitRequestWithTheStatusByName() {
        DhcpServer server = DhcpServer.builder().clock(clock)
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::100")).start();
        toClose.add(server);
        client(server, b -> b.duid(Duid.ll(MacAddress.parse("02:00:00:00:00:01")))).solicitRequest();

        assertThatThrownBy(() -> client(server, b -> b).solicitRequest()).isInstanceOf(DhcpClientException.class)
                .hasMessageContaining("the ADVERTISE from server").hasMessageContaining("NoAddrsAvail")
                .satisfies(e -> assertThat(((DhcpClientException) e).reply6()).hasValueSatisfying(
                        m -> assertThat(m.is(Dhcp6MessageType.ADVERTISE)).isTrue()));
    }

    @Test
    void theBuilderRefusesWhatItCannotSend() {
        Dhcp6TestClientBuilder b = Dhcp6TestClient.builder();
        assertThatThrownBy(() -> b.server("127.0.0.1", 547)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.iaNa(1).iaNa(1)).hasMessageContaining("IA_NA 1 is configured twice");
        assertThatThrownBy(() -> b.option(dev.dhcpembedded.codec6.Dhcp6Option.rapidCommit()))
                .hasMessageContaining("sets option RAPID_COMMIT(14) itself");
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.v6().address()");
    }
}
