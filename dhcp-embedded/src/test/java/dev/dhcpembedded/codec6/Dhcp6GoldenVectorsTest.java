package dev.dhcpembedded.codec6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each golden vector is what the encoder writes for a message built with the typed API, and decodes back to it. */
class Dhcp6GoldenVectorsTest {

    static final Duid CLIENT = Duid.llt(Instant.parse("2015-01-02T21:52:08Z"), MacAddress.parse("08:00:27:fe:8f:95"));
    static final Duid SERVER = Duid.ll(MacAddress.parse("02:00:00:00:00:01"));

    private static void assertGolden(Dhcp6Message built, byte[] golden) {
        assertThat(Hex.of(Dhcp6Codec.encode(built))).isEqualTo(Hex.of(golden));
        assertThat(Dhcp6Codec.decode(golden)).isEqualTo(built);
    }

    @Test
    void solicit() {
        Dhcp6Message m = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(0xabcdef)
                .option(Dhcp6Option.clientId(CLIENT))
                .option(Dhcp6Option.elapsedTime(0))
                .option(Dhcp6Option.oro(23, 24, 56))
                .option(Dhcp6Option.rapidCommit())
                .option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0)))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0, 0)))
                .build();
        assertGolden(m, Dhcp6GoldenVectors.SOLICIT);
        Dhcp6Message d = Dhcp6Codec.decode(Dhcp6GoldenVectors.SOLICIT);
        assertThat(d.type()).contains(Dhcp6MessageType.SOLICIT);
        assertThat(d.clientId()).contains(CLIENT);
        assertThat(d.clientId().orElseThrow().mac()).contains(MacAddress.parse("08:00:27:fe:8f:95"));
        assertThat(d.clientId().orElseThrow().time()).contains(Instant.parse("2015-01-02T21:52:08Z"));
        assertThat(d.oro()).containsExactly(Dhcp6OptionCode.DNS_SERVERS, Dhcp6OptionCode.DOMAIN_LIST,
                Dhcp6OptionCode.NTP_SERVER);
        assertThat(d.rapidCommit()).isTrue();
        assertThat(d.elapsedTime()).hasValue(0);
        assertThat(d.iaNa()).containsExactly(IaNa.of(1, 0, 0));
        assertThat(d.iaPd()).containsExactly(IaPd.of(2, 0, 0));
        assertThat(d.serverId()).isEmpty();
    }

    @Test
    void reply() {
        IaAddress address = IaAddress.of(Ipv6.parse("2001:db8:1::100"), 7200, 10800);
        IaPrefix prefix = IaPrefix.of(Ipv6.parse("2001:db8:100::"), 56, 7200, 10800);
        Dhcp6Message m = Dhcp6Message.builder(Dhcp6MessageType.REPLY).transactionId(0xabcdef)
                .option(Dhcp6Option.clientId(CLIENT))
                .option(Dhcp6Option.serverId(SERVER))
                .option(Dhcp6Option.rapidCommit())
                .option(Dhcp6Option.iaNa(IaNa.of(1, 3600, 5400, Dhcp6Option.iaAddress(address))))
                .option(Dhcp6Option.iaPd(IaPd.of(2, 3600, 5400, Dhcp6Option.iaPrefix(prefix))))
                .option(Dhcp6Option.dnsServers("2001:db8:1::53"))
                .option(Dhcp6Option.domainList("lab.test"))
                .build();
        assertGolden(m, Dhcp6GoldenVectors.REPLY);
        Dhcp6Message d = Dhcp6Codec.decode(Dhcp6GoldenVectors.REPLY);
        assertThat(d.iaNa().get(0).addresses()).containsExactly(address);
        assertThat(d.iaNa().get(0).t1()).isEqualTo(3600);
        assertThat(d.iaPd().get(0).prefixes()).containsExactly(prefix);
        assertThat(d.iaPd().get(0).prefixes().get(0).cidr()).isEqualTo("2001:db8:100::/56");
        assertThat(d.dnsServers()).containsExactly(Ipv6.parse("2001:db8:1::53"));
        assertThat(d.domainList()).containsExactly("lab.test");
        assertThat(d.serverId().orElseThrow().type()).isEqualTo(Duid.LL);
    }

    @Test
    void relayForward() {
        Dhcp6Message inner = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(0x123456)
                .option(Dhcp6Option.clientId(SERVER)).build();
        Dhcp6Message m = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0)
                .linkAddress("2001:db8:1::1").peerAddress("fe80::1")
                .option(Dhcp6Option.interfaceId("eth0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .option(Dhcp6Option.remoteId(9, new byte[] {1, 2, 3, 4}))
                .option(Dhcp6Option.relayMessage(inner))
                .build();
        assertGolden(m, Dhcp6GoldenVectors.RELAY_FORW);
        Dhcp6Message d = Dhcp6Codec.decode(Dhcp6GoldenVectors.RELAY_FORW);
        assertThat(d.isRelay()).isTrue();
        assertThat(Ipv6.format(d.linkAddress())).isEqualTo("2001:db8:1::1");
        assertThat(Ipv6.format(d.peerAddress())).isEqualTo("fe80::1");
        assertThat(d.relayMessage()).contains(inner);
        assertThat(d.innermost()).isEqualTo(inner);
        assertThat(d.interfaceId()).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("eth0"));
        assertThat(Hex.of(d.remoteId().orElseThrow())).isEqualTo("0000000901020304");
    }

    @Test
    void advertiseWithStatusAndTypedOddsAndEnds() {
        Dhcp6Message m = Dhcp6Message.builder(Dhcp6MessageType.ADVERTISE).transactionId(1)
                .option(Dhcp6Option.clientId(Duid.uuid(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"))))
                .option(Dhcp6Option.serverId(Duid.en(9, new byte[] {1, 2})))
                .option(Dhcp6Option.preference(255))
                .option(Dhcp6Option.iaNa(IaNa.of(7, 0, 0,
                        Dhcp6Option.statusCode(StatusCode.NO_ADDRS_AVAIL, "no address"))))
                .option(Dhcp6Option.sntpServers("2001:db8::123"))
                .option(Dhcp6Option.ntpServers("2001:db8::124"))
                .option(Dhcp6Option.fqdn(new Dhcp6Fqdn(Dhcp6Fqdn.S, "host.lab", true)))
                .option(Dhcp6Option.captivePortal("https://p.test/"))
                .option(Dhcp6Option.solMaxRt(3600))
                .option(Dhcp6Option.of(0xff00, "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .build();
        assertGolden(m, Dhcp6GoldenVectors.ADVERTISE_NO_ADDRS);
        Dhcp6Message d = Dhcp6Codec.decode(Dhcp6GoldenVectors.ADVERTISE_NO_ADDRS);
        assertThat(d.clientId().orElseThrow().uuid())
                .contains(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
        assertThat(d.serverId().orElseThrow().enterpriseNumber()).hasValue(9);
        assertThat(d.preference()).hasValue(255);
        assertThat(d.iaNa().get(0).status()).contains(new StatusCode(StatusCode.NO_ADDRS_AVAIL, "no address"));
        assertThat(d.iaNa().get(0).status().orElseThrow().name()).isEqualTo("NoAddrsAvail");
        assertThat(d.sntpServers()).containsExactly(Ipv6.parse("2001:db8::123"));
        assertThat(d.ntpServers()).containsExactly(Ipv6.parse("2001:db8::124"));
        assertThat(d.fqdn()).contains(new Dhcp6Fqdn(1, "host.lab", true));
        assertThat(d.captivePortal()).contains("https://p.test/");
        assertThat(d.solMaxRt()).hasValue(3600);
        assertThat(d.option(0xff00).orElseThrow().hex()).isEqualTo("616263");
    }

    @Test
    void addressesPrintAsRfc5952() {
        assertThat(Ipv6.format(Ipv6.parse("2001:0db8:0000:0000:0001:0000:0000:0001"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Ipv6.format(Ipv6.parse("::"))).isEqualTo("::");
        assertThat(Ipv6.format(Ipv6.parse("fe80::a00:27ff:fefe:8f95"))).isEqualTo("fe80::a00:27ff:fefe:8f95");
        assertThat(Ipv6.format(Ipv6.parse("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
    }
}
