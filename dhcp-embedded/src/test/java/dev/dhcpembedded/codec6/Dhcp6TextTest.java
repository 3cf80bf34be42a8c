package dev.dhcpembedded.codec6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every DHCPv6 option reads as its fields, one rule for all the codec's toString methods (issue 22). */
class Dhcp6TextTest {

    static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:0a");

    @Test
    void iaNaWithItsAddressLifetimesAndStatus() {
        IaNa ia = IaNa.of(1, 1800, 2880, Dhcp6Option.iaAddress(IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3600,
                7200)), Dhcp6Option.statusCode(StatusCode.SUCCESS, "all addresses assigned"));
        String text = "IA_NA(3) iaid=1 T1=1800s T2=2880s [IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s, "
                + "STATUS_CODE(13) Success \"all addresses assigned\"]";
        assertThat(Dhcp6Option.iaNa(ia)).hasToString(text);
        assertThat(ia).hasToString(text);
        assertThat(decodedOption(Dhcp6Option.iaNa(ia))).hasToString(text);
    }

    @Test
    void iaPdWithItsPrefixAndInfiniteLifetimes() {
        IaPd ia = IaPd.of(2, 0, 0, Dhcp6Option.iaPrefix(IaPrefix.of(Ipv6.parse("2001:db8:100::"), 56,
                0xFFFFFFFFL, 0xFFFFFFFFL)));
        String text = "IA_PD(25) iaid=2 T1=0s T2=0s [IAPREFIX(26) 2001:db8:100::/56 preferred=infinity "
                + "valid=infinity]";
        assertThat(Dhcp6Option.iaPd(ia)).hasToString(text);
        assertThat(ia).hasToString(text);
        assertThat(ia.prefixes().get(0)).hasToString("IAPREFIX(26) 2001:db8:100::/56 preferred=infinity "
                + "valid=infinity");
    }

    @Test
    void iaTaWithItsAddress() {
        byte[] address = Dhcp6Option.iaAddress(IaAddress.of(Ipv6.parse("2001:db8:1::7"), 60, 120)).value();
        byte[] value = new byte[4 + 4 + address.length];
        value[3] = 9;
        value[5] = 5;
        value[7] = (byte) address.length;
        System.arraycopy(address, 0, value, 8, address.length);
        assertThat(Dhcp6Option.of(Dhcp6OptionCode.IA_TA, value))
                .hasToString("IA_TA(4) iaid=9 [IAADDR(5) 2001:db8:1::7 preferred=60s valid=120s]");
    }

    @Test
    void statusCodesByNameWithTheirMessage() {
        assertThat(Dhcp6Option.statusCode(StatusCode.NO_ADDRS_AVAIL, "pool exhausted"))
                .hasToString("STATUS_CODE(13) NoAddrsAvail \"pool exhausted\"");
        assertThat(Dhcp6Option.statusCode(StatusCode.NOT_ON_LINK, "")).hasToString("STATUS_CODE(13) NotOnLink");
        assertThat(Dhcp6Option.statusCode(StatusCode.Code.of(99), "x")).hasToString("STATUS_CODE(13) Status(99) \"x\"");
        assertThat(new StatusCode(StatusCode.NO_BINDING, "gone")).hasToString("NoBinding \"gone\"");
    }

    @Test
    void duidsByKindWithTheirFields() {
        Duid llt = Duid.llt(Instant.parse("2030-01-01T00:00:00Z"), MAC);
        assertThat(llt).hasToString("DUID-LLT hw=Ethernet(1) time=2030-01-01T00:00:00Z lladdr=02:00:00:00:00:0a");
        assertThat(Duid.en(32473, new byte[] {0x0a, 0x0b, 0x0c})).hasToString("DUID-EN enterprise=32473 id=0a0b0c");
        assertThat(Duid.ll(MAC)).hasToString("DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a");
        assertThat(Duid.ll(32, new byte[] {1, 2})).hasToString("DUID-LL hw=InfiniBand(32) lladdr=01:02");
        assertThat(Duid.ll(7, new byte[] {1})).hasToString("DUID-LL hw=7 lladdr=01");
        UUID uuid = UUID.fromString("5b2c8e7a-0c1d-4e2f-9a3b-1c2d3e4f5a6b");
        assertThat(Duid.uuid(uuid)).hasToString("DUID-UUID uuid=5b2c8e7a-0c1d-4e2f-9a3b-1c2d3e4f5a6b");
        assertThat(Duid.parse("0009abcd")).hasToString("DUID type=9 id=abcd");
        assertThat(Dhcp6Option.clientId(Duid.ll(MAC)))
                .hasToString("CLIENTID(1) DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a");
        assertThat(Dhcp6Option.serverId(llt))
                .hasToString("SERVERID(2) DUID-LLT hw=Ethernet(1) time=2030-01-01T00:00:00Z lladdr=02:00:00:00:00:0a");
    }

    @Test
    void theSmallOptions() {
        assertThat(Dhcp6Option.oro(23, 24, 300)).hasToString("ORO(6) [DNS_SERVERS(23), DOMAIN_LIST(24), "
                + "OPTION_300(300)]");
        assertThat(Dhcp6Option.elapsedTime(150)).hasToString("ELAPSED_TIME(8) 1.50s");
        assertThat(Dhcp6Option.elapsedTime(7)).hasToString("ELAPSED_TIME(8) 0.07s");
        assertThat(Dhcp6Option.preference(255)).hasToString("PREFERENCE(7) 255");
        assertThat(Dhcp6Option.rapidCommit()).hasToString("RAPID_COMMIT(14)");
        assertThat(Dhcp6Option.unicast(Ipv6.parse("2001:db8::1"))).hasToString("UNICAST(12) 2001:db8::1");
        assertThat(Dhcp6Option.interfaceId("eth0".getBytes())).hasToString("INTERFACE_ID(18) \"eth0\"");
        assertThat(Dhcp6Option.interfaceId(new byte[] {0, 1, (byte) 0xff})).hasToString("INTERFACE_ID(18) 0x0001ff");
        assertThat(Dhcp6Option.remoteId(9, "port1".getBytes())).hasToString("REMOTE_ID(37) enterprise=9 id=\"port1\"");
        assertThat(Dhcp6Option.solMaxRt(3600)).hasToString("SOL_MAX_RT(82) 3600s");
        assertThat(Dhcp6Option.captivePortal("https://portal.example/")).hasToString("CAPTIVE_PORTAL(103) "
                + "\"https://portal.example/\"");
    }

    @Test
    void dnsServersDomainsNtpAndFqdn() {
        assertThat(Dhcp6Option.dnsServers("2001:db8::53", "2001:db8::54"))
                .hasToString("DNS_SERVERS(23) [2001:db8::53, 2001:db8::54]");
        assertThat(Dhcp6Option.domainList("example.com", "lab.example.com"))
                .hasToString("DOMAIN_LIST(24) [example.com, lab.example.com]");
        assertThat(Dhcp6Option.sntpServers("2001:db8::123")).hasToString("SNTP_SERVERS(31) [2001:db8::123]");
        assertThat(Dhcp6Option.ntpServers("2001:db8::123")).hasToString("NTP_SERVER(56) [server=2001:db8::123]");
        assertThat(Dhcp6Option.fqdn(new Dhcp6Fqdn(Dhcp6Fqdn.S, "host.example.com", true)))
                .hasToString("CLIENT_FQDN(39) flags=S host.example.com.");
        assertThat(Dhcp6Option.fqdn(new Dhcp6Fqdn(0, "host", false))).hasToString("CLIENT_FQDN(39) flags=none host");
    }

    @Test
    void unknownOptionsAsCodeAndHex() {
        assertThat(Dhcp6Option.of(300, new byte[] {1, 2, (byte) 0xab})).hasToString("OPTION_300(300) 0x0102ab");
        assertThat(Dhcp6Option.of(300, new byte[0])).hasToString("OPTION_300(300) (empty)");
        assertThat(Dhcp6Option.of(Dhcp6OptionCode.VENDOR_CLASS, new byte[] {0, 0, 0, 9}).valueText())
                .isEqualTo("0x00000009");
    }

    @Test
    void aMessageShowsEveryOptionByItsFields() {
        Dhcp6Message solicit = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(0x2a)
                .option(Dhcp6Option.clientId(Duid.ll(MAC))).option(Dhcp6Option.elapsedTime(0))
                .option(Dhcp6Option.rapidCommit()).option(Dhcp6Option.iaNa(IaNa.of(1, 0, 0))).build();
        assertThat(Dhcp6Codec.decode(Dhcp6Codec.encode(solicit))).hasToString("SOLICIT xid=0x00002a "
                + "[CLIENTID(1) DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a, ELAPSED_TIME(8) 0.00s, "
                + "RAPID_COMMIT(14), "
                + "IA_NA(3) iaid=1 T1=0s T2=0s]");
    }

    @Test
    void relayMessagesNested() {
        Dhcp6Message inner = Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(1)
                .option(Dhcp6Option.elapsedTime(0)).build();
        Dhcp6Message relay = Dhcp6Message.builder(Dhcp6MessageType.RELAY_FORW).hopCount(0)
                .linkAddress(Ipv6.parse("2001:db8:1::1")).peerAddress(Ipv6.parse("fe80::1"))
                .option(Dhcp6Option.interfaceId("eth0".getBytes())).option(Dhcp6Option.relayMessage(inner)).build();
        assertThat(relay).hasToString("RELAY-FORW hop_count=0 link=2001:db8:1::1 peer=fe80::1 "
                + "[INTERFACE_ID(18) \"eth0\", RELAY_MSG(9) {SOLICIT xid=0x000001 [ELAPSED_TIME(8) 0.00s]}]");
    }

    @Test
    void bytesThatDoNotFitTheirTypeShowAsHex() {
        // an IA_NA built around an IAADDR too short to be one: no reading fits, so the bytes show as they are
        Dhcp6Option shortAddress = Dhcp6Option.of(Dhcp6OptionCode.IAADDR, new byte[] {1, 2});
        assertThat(Dhcp6Option.iaNa(IaNa.of(3, 0, 0, shortAddress)))
                .hasToString("IA_NA(3) 0x000000030000000000000000000500020102");
    }

    private static Dhcp6Option decodedOption(Dhcp6Option option) {
        Dhcp6Message m = Dhcp6Codec.decode(Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.REPLY)
                .transactionId(1).option(option).build()));
        return m.options().get(0);
    }
}
