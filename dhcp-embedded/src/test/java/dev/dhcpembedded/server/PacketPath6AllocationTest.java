package dev.dhcpembedded.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.transport.LinkView;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The DHCPv6 twin of {@link PacketPathAllocationTest}: a steady-state SOLICIT-ADVERTISE-REQUEST-REPLY without stubs
 * (journal on) allocates at most 256 bytes, as perfdhcp -6 runs it (an IA_NA and an ORO; the REQUEST names the
 * advertised address) with an IA_PD besides (the REQUEST names the advertised prefix), delivered as the project's own
 * transports deliver. Counted the same way, in a JVM of its own
 * ({@link AllocationHarness}).
 */
class PacketPath6AllocationTest {

    @Test
    void aSteadyStateV6ExchangeAllocatesAtMost256Bytes() throws Exception {
        long perExchange = AllocationHarness.inForkedJvm(PacketPath6AllocationTest.class);
        assertTrue(perExchange <= 256, perExchange + " bytes allocated per SOLICIT-ADVERTISE-REQUEST-REPLY");
    }

    /** The measurement, in a JVM of its own: prints the bytes allocated per exchange. */
    public static void main(String[] args) {
        System.out.println(measure());
    }

    private static final InetSocketAddress CLIENT = new InetSocketAddress("fe80::2", 546);
    private static final InetSocketAddress SERVER = new InetSocketAddress("fe80::1", 547);
    private static final InetSocketAddress ALL_SERVERS = new InetSocketAddress("ff02::1:2", 547);

    private static long measure() {
        AllocationHarness.Direct transport =
                new AllocationHarness.Direct(CLIENT, SERVER, ALL_SERVERS, LinkView.AS_ON_A_LINK);
        DhcpServer server = DhcpServer.builder()
                .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::1:0", "2001:db8:1::ff:ffff")
                        .prefixDelegation("2001:db9::/32", 56).dns("2001:db8:1::53").domainSearch("example.test"))
                .transport6(transport).journal(1_000, Journal.DEFAULT_MAX_BYTES).start();
        try {
            Duid us = server.serverDuid().orElseThrow();
            int clients = 50;
            byte[][] solicits = new byte[clients][];
            byte[][] requests = new byte[clients][];
            for (int i = 0; i < clients; i++) {
                Dhcp6Option clientId = Dhcp6Option.clientId(Duid.ll(1, new byte[] {2, 0, 0, 0, 0, (byte) i}));
                Dhcp6Option oro = Dhcp6Option.oro(Dhcp6OptionCode.DNS_SERVERS, Dhcp6OptionCode.DOMAIN_LIST);
                solicits[i] = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT)
                        .transactionId(0x100 + i).option(clientId).option(Dhcp6Option.elapsedTime(0)).option(oro)
                        .option(Dhcp6Option.iaNa(IaNa.of(i, 0, 0))).option(Dhcp6Option.iaPd(IaPd.of(i, 0, 0)))
                        .build());
                Dhcp6Message advertise = Dhcp6Codec.decode(transport.exchange(solicits[i], true));
                assertTrue(advertise.is(Dhcp6MessageType.ADVERTISE), advertise.toString());
                Inet6Address offered = advertise.iaNa().get(0).addresses().get(0).address();
                IaPrefix delegated = advertise.iaPd().get(0).prefixes().get(0);
                requests[i] = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.REQUEST)
                        .transactionId(0x10100 + i).option(clientId).option(Dhcp6Option.serverId(us))
                        .option(Dhcp6Option.elapsedTime(0)).option(oro)
                        .option(Dhcp6Option.iaNa(IaNa.of(i, 0, 0, Dhcp6Option.iaAddress(IaAddress.of(offered, 0,
                                0)))))
                        .option(Dhcp6Option.iaPd(IaPd.of(i, 0, 0, Dhcp6Option.iaPrefix(IaPrefix.of(delegated.prefix(),
                                delegated.prefixLength(), 0, 0))))).build());
                Dhcp6Message reply = Dhcp6Codec.decode(transport.exchange(requests[i], true));
                assertTrue(reply.is(Dhcp6MessageType.REPLY), reply.toString());
                assertEquals(offered, reply.iaNa().get(0).addresses().get(0).address());
                assertEquals(delegated.prefix(), reply.iaPd().get(0).prefixes().get(0).prefix());
            }
            long perExchange = AllocationHarness.bytesPerExchange(round -> {
                int i = round % clients;
                transport.exchange(solicits[i], false);
                transport.exchange(requests[i], false);
            });
            // and the path really served them: the journal's last entry is the last REPLY, with its rule
            JournalEntry last = server.journal().entries().get(server.journal().entries().size() - 1);
            assertEquals(JournalEntry.Kind.SENT, last.kind());
            assertTrue(last.note().startsWith("REQUEST: REPLY"), last.note());
            return perExchange;
        } finally {
            server.stop();
        }
    }
}
