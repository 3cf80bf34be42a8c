package dev.dhcpembedded.report;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.internal.journal.JournalRecord;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.wire.RouterAdvertisement;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Journals for the report's tests, here and in other modules (through the core's test jar): one entry of each kind the
 * page draws, a hostile host name among them.
 */
public final class SampleJournals {

    /** A host name that tries to inject markup and script. */
    public static final String HOSTILE = "\"><img src=x onerror=alert(1)><script>alert('owned')</script>";
    static final Duid DUID = Duid.llt(Instant.parse("2020-01-01T00:00:00Z"), MacAddress.parse("02:00:00:00:00:66"));
    static final long T0 = Instant.parse("2026-01-01T08:00:00Z").toEpochMilli();

    private SampleJournals() {
    }

    /**
     * A DHCPv4 DISCOVER (host name {@link #HOSTILE}) and the OFFER a stub sent, a DHCPv6 SOLICIT and ADVERTISE, a
     * Router Advertisement, a dropped datagram and a transport event: 7 entries.
     *
     * @return the journal
     */
    public static Journal everyKind() {
        JournalStore journal = new JournalStore(100);
        InetSocketAddress client4 = new InetSocketAddress("127.0.0.1", 40000);
        byte[] discover = DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).htype(1).xid(0x3d1d)
                .chaddr("02:00:00:00:00:42").messageType(MessageType.DISCOVER).option(DhcpOption.of(OptionCode.HOST_NAME, HOSTILE.getBytes(StandardCharsets.UTF_8))).build());
        journal.append(new JournalRecord().of(JournalEntry.Kind.RECEIVED, T0, T0).ends(0, 68, -1, 67)
                .peer(client4, "lo").payload(discover).note("DISCOVER: offer a free pool address"));
        byte[] offer = DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREPLY).htype(1).xid(0x3d1d)
                .chaddr("02:00:00:00:00:42").yiaddr("10.20.0.100").messageType(MessageType.OFFER)
                .option(DhcpOption.of(OptionCode.SERVER_IDENTIFIER, new byte[] {10, 20, 0, 1})).build());
        journal.append(new JournalRecord().of(JournalEntry.Kind.SENT, T0 + 12, T0 + 12)
                .ends(0x0a140001, 67, 0x0a140064, 68).peer(client4, "lo").payload(offer)
                .note("stub #1 (DISCOVER -> offer): OFFER"));
        InetSocketAddress client6 = new InetSocketAddress(Ipv6.parse("fe80::66"), 546);
        InetSocketAddress server6 = new InetSocketAddress(Ipv6.parse("fe80::1"), 547);
        byte[] solicit = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(0x100874)
                .option(Dhcp6Option.clientId(DUID)).option(Dhcp6Option.iaNa(IaNa.of(7, 0, 0))).build());
        journal.append(new JournalRecord().of(JournalEntry.Kind.RECEIVED, T0 + 1500, T0 + 1500)
                .ends6(client6, new InetSocketAddress(Ipv6.parse("ff02::1:2"), 547)).peer(client6, "eth0")
                .payload(solicit).note("SOLICIT: ADVERTISE (RFC 8415 18.3.1)"));
        byte[] advertise = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.ADVERTISE).transactionId(0x100874)
                .option(Dhcp6Option.clientId(DUID)).option(Dhcp6Option.iaNa(IaNa.of(7, 1800, 2880,
                        Dhcp6Option.iaAddress(IaAddress.of(Ipv6.parse("2001:db8:1::100"), 3600, 7200)))))
                .option(Dhcp6Option.dnsServers("2001:db8:1::53")).build());
        journal.append(new JournalRecord().of(JournalEntry.Kind.SENT, T0 + 1501, T0 + 1501).ends6(server6, client6)
                .peer(client6, "eth0").payload(advertise).note("SOLICIT: ADVERTISE (RFC 8415 18.3.1)"));
        byte[] ra = new RouterAdvertisement(64, true, false, 1800, 0, 0, new byte[] {2, 0, 0, 0, 0, 1}, 1500,
                List.of(new RouterAdvertisement.PrefixInformation(Ipv6.parse("2001:db8:1::"), 64, true, false,
                        7200, 3600)), null, null, List.of()).encode();
        journal.append(new JournalRecord().of(JournalEntry.Kind.SENT, T0 + 2000, T0 + 2000)
                .ends6(new InetSocketAddress(Ipv6.parse("fe80::1"), 0), new InetSocketAddress(Ipv6.parse("ff02::1"), 0))
                .peer(new InetSocketAddress(Ipv6.parse("fe80::1"), 0), "eth0").payload(ra).note("unsolicited"));
        journal.append(new JournalRecord().of(JournalEntry.Kind.REJECTED, T0 + 2500, T0 + 2500)
                .ends(0x7f000001, 41000, 0x7f000001, 67).peer(new InetSocketAddress("127.0.0.1", 41000), "lo")
                .payload(new byte[] {1, 1, 6, 0, 0x3c})
                .note("dropped: packet of 5 bytes is shorter than the 236-byte header")
                .error(new DhcpCodecException("packet of 5 bytes is shorter than the 236-byte header", 5)));
        journal.append(new JournalRecord().of(JournalEntry.Kind.TRANSPORT, T0 + 3000, T0 + 3000)
                .interfaceName("eth0").note("channel to agent dhcp-agent-1 closed <EOF>"));
        return journal;
    }
}
