package dev.dhcpembedded.codec6;

import dev.dhcpembedded.internal.wire.Hex;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Golden DHCPv6 packets written out byte by byte, with a comment on each field (in the style of dhcproto and
 * insomniacslk/dhcp). Every vector is exactly what {@link Dhcp6Encoder} produces for the message its test builds.
 */
public final class Dhcp6GoldenVectors {

    private Dhcp6GoldenVectors() {
    }

    static byte[] bytes(String... fields) {
        return Hex.parse(String.join("", fields));
    }

    /** The client's DUID-LLT: Ethernet, 2015-01-02T21:52:08Z, 08:00:27:fe:8f:95 (as in the packetgen capture). */
    static final String CLIENT_DUID = "0001" + "0001" + "1c39cf88" + "080027fe8f95";
    /** The server's DUID-LL: Ethernet, 02:00:00:00:00:01. */
    static final String SERVER_DUID = "0003" + "0001" + "020000000001";

    /** A SOLICIT asking for an address and a prefix, with rapid commit. */
    static final byte[] SOLICIT = bytes(
            "01",                                   // msg-type: SOLICIT
            "abcdef",                               // transaction-id 0xabcdef
            "0001", "000e", CLIENT_DUID,            // 1 client id, 14 bytes: DUID-LLT
            "0008", "0002", "0000",                 // 8 elapsed time: 0 hundredths
            "0006", "0006", "0017", "0018", "0038", // 6 ORO: 23 (DNS), 24 (domain list), 56 (NTP)
            "000e", "0000",                         // 14 rapid commit (empty)
            "0003", "000c",                         // 3 IA_NA, 12 bytes
            "00000001",                             //   IAID 1
            "00000000", "00000000",                 //   T1 0, T2 0 (the server chooses)
            "0019", "000c",                         // 25 IA_PD, 12 bytes
            "00000002",                             //   IAID 2
            "00000000", "00000000");                //   T1 0, T2 0

    /** The server's REPLY to it: an address, a /56, DNS, a domain list, all committed. */
    static final byte[] REPLY = bytes(
            "07",                                   // msg-type: REPLY
            "abcdef",                               // transaction-id 0xabcdef
            "0001", "000e", CLIENT_DUID,            // 1 client id (echoed)
            "0002", "000a", SERVER_DUID,            // 2 server id, 10 bytes: DUID-LL
            "000e", "0000",                         // 14 rapid commit (echoed: this REPLY commits)
            "0003", "0028",                         // 3 IA_NA, 40 bytes
            "00000001",                             //   IAID 1
            "00000e10", "00001518",                 //   T1 3600, T2 5400
            "0005", "0018",                         //   5 IAADDR, 24 bytes
            "20010db8000100000000000000000100",     //     2001:db8:1::100
            "00001c20", "00002a30",                 //     preferred 7200, valid 10800
            "0019", "0029",                         // 25 IA_PD, 41 bytes
            "00000002",                             //   IAID 2
            "00000e10", "00001518",                 //   T1 3600, T2 5400
            "001a", "0019",                         //   26 IAPREFIX, 25 bytes
            "00001c20", "00002a30",                 //     preferred 7200, valid 10800
            "38",                                   //     prefix length 56
            "20010db8010000000000000000000000",     //     2001:db8:100::
            "0017", "0010",                         // 23 DNS servers, 16 bytes
            "20010db8000100000000000000000053",     //   2001:db8:1::53
            "0018", "000a",                         // 24 domain list, 10 bytes
            "036c6162", "0474657374", "00");        //   "lab" "test" root: lab.test

    /** A RELAY-FORW from a relay on 2001:db8:1::1 carrying a SOLICIT from fe80::1, with interface-id and remote-id. */
    static final byte[] RELAY_FORW = bytes(
            "0c",                                   // msg-type: RELAY-FORW
            "00",                                   // hop-count 0
            "20010db8000100000000000000000001",     // link-address 2001:db8:1::1
            "fe800000000000000000000000000001",     // peer-address fe80::1
            "0012", "0004", "65746830",             // 18 interface-id: "eth0"
            "0025", "0008", "00000009", "01020304", // 37 remote-id: enterprise 9 (Cisco), id 01020304
            "0009", "0012",                         // 9 relay message, 18 bytes:
            "01", "123456",                         //   SOLICIT, transaction-id 0x123456
            "0001", "000a", SERVER_DUID);           //   1 client id: a DUID-LL

    /** An ADVERTISE whose IA_NA says NoAddrsAvail, plus the typed odds and ends of the list. */
    static final byte[] ADVERTISE_NO_ADDRS = bytes(
            "02",                                   // msg-type: ADVERTISE
            "000001",                               // transaction-id 0x000001
            "0001", "0012",                         // 1 client id, 18 bytes:
            "0004", "00112233445566778899aabbccddeeff", //  DUID-UUID 00112233-4455-6677-8899-aabbccddeeff
            "0002", "0008", "0002", "00000009", "0102", // 2 server id: DUID-EN, enterprise 9, id 0102
            "0007", "0001", "ff",                   // 7 preference 255
            "0003", "001c",                         // 3 IA_NA, 28 bytes
            "00000007", "00000000", "00000000",     //   IAID 7, T1 0, T2 0
            "000d", "000c", "0002",                 //   13 status code, 12 bytes: 2 NoAddrsAvail
            "6e6f2061646472657373",                 //     "no address"
            "001f", "0010",                         // 31 SNTP servers, 16 bytes
            "20010db8000000000000000000000123",     //   2001:db8::123
            "0038", "0014", "0001", "0010",         // 56 NTP server, 20 bytes: sub-option 1 (address), 16 bytes
            "20010db8000000000000000000000124",     //   2001:db8::124
            "0027", "000b", "01",                   // 39 client FQDN, 11 bytes: flags S
            "04686f7374", "036c6162", "00",         //   "host" "lab" root: host.lab
            "0067", "000f",                         // 103 captive portal, 15 bytes
            "68747470733a2f2f702e746573742f",       //   "https://p.test/"
            "0052", "0004", "00000e10",             // 82 SOL_MAX_RT 3600
            "ff00", "0003", "616263");              // 65280: unknown, "abc" (kept byte for byte)

    /** Every vector by name, copies (the decode verb's tshark test writes them into a capture). */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("SOLICIT", SOLICIT.clone());
        all.put("REPLY", REPLY.clone());
        all.put("RELAY_FORW", RELAY_FORW.clone());
        all.put("ADVERTISE_NO_ADDRS", ADVERTISE_NO_ADDRS.clone());
        return all;
    }
}
