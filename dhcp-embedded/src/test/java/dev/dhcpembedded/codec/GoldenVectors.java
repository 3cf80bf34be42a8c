package dev.dhcpembedded.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import dev.dhcpembedded.internal.wire.Hex;

/**
 * Golden DHCPv4 packets written out byte by byte, with a comment on each field (in the style of dhcproto and
 * insomniacslk/dhcp). Every vector is exactly what {@link DhcpEncoder} produces for the message its test builds.
 */
public final class GoldenVectors {

    private GoldenVectors() {
    }

    static String zeros(int count) {
        return "00".repeat(count);
    }

    static byte[] bytes(String... fields) {
        return Hex.parse(String.join("", fields));
    }

    /** Pads with zeros to the 300-byte BOOTP minimum, as the encoder does. */
    static byte[] padded(String... fields) {
        byte[] b = bytes(fields);
        return b.length >= 300 ? b : bytes(String.join("", fields), zeros(300 - b.length));
    }

    /** The 236-byte fixed header of a client's message from 02:00:00:00:00:42, xid 0x3903f326. */
    static String clientHeader(String flags) {
        return String.join("",
                "01",                               // op: BOOTREQUEST
                "01",                               // htype: Ethernet
                "06",                               // hlen: 6
                "00",                               // hops
                "3903f326",                         // xid
                "0000",                             // secs
                flags,                              // flags
                "00000000",                         // ciaddr 0.0.0.0
                "00000000",                         // yiaddr 0.0.0.0
                "00000000",                         // siaddr 0.0.0.0
                "00000000",                         // giaddr 0.0.0.0
                "020000000042", zeros(10),          // chaddr 02:00:00:00:00:42 + 10 bytes padding
                zeros(64),                          // sname: empty
                zeros(128));                        // file: empty
    }

    /** The fixed header of the server's reply to that client: yiaddr 10.20.0.100, siaddr 10.20.0.1. */
    static String serverHeader() {
        return serverHeader(zeros(128));
    }

    static String serverHeader(String file) {
        return String.join("",
                "02",                               // op: BOOTREPLY
                "01",                               // htype: Ethernet
                "06",                               // hlen: 6
                "00",                               // hops
                "3903f326",                         // xid
                "0000",                             // secs
                "0000",                             // flags: unicast
                "00000000",                         // ciaddr 0.0.0.0
                "0a140064",                         // yiaddr 10.20.0.100
                "0a140001",                         // siaddr 10.20.0.1
                "00000000",                         // giaddr 0.0.0.0
                "020000000042", zeros(10),          // chaddr 02:00:00:00:00:42 + padding
                zeros(64),                          // sname: empty
                file);                              // file (128 bytes)
    }

    static final String COOKIE = "63825363";        // magic cookie 99.130.83.99

    /** A DISCOVER as a typical device sends it. */
    public static final byte[] DISCOVER = padded(
            clientHeader("8000"),                   // flags: broadcast
            COOKIE,
            "350101",                               // 53 message type: DISCOVER
            "3d07", "01", "020000000042",           // 61 client identifier: type 1 (Ethernet), MAC
            "3704", "01", "03", "06", "79",         // 55 parameter request list: 1, 3, 6, 121
            "0c0a", "746865726d6f73746174",         // 12 host name: "thermostat"
            "3902", "05dc",                         // 57 maximum message size: 1500
            "ff");                                  // END, then padding to 300 bytes

    /** An ACK with eleven options. */
    public static final byte[] ACK = padded(
            serverHeader(),
            COOKIE,
            "350105",                               // 53 message type: ACK
            "3604", "0a140001",                     // 54 server identifier 10.20.0.1
            "3304", "00000258",                     // 51 lease time 600 s
            "3a04", "0000012c",                     // 58 renewal (T1) 300 s
            "3b04", "0000020d",                     // 59 rebinding (T2) 525 s
            "0104", "ffffff00",                     // 1 subnet mask 255.255.255.0
            "0304", "0a140001",                     // 3 router 10.20.0.1
            "0608", "0a140035", "08080808",         // 6 DNS 10.20.0.53, 8.8.8.8
            "0f08", "6c61622e74657374",             // 15 domain name "lab.test"
            "1c04", "0a1400ff",                     // 28 broadcast address 10.20.0.255
            "2a04", "0a14007b",                     // 42 NTP server 10.20.0.123
            "ff");                                  // END

    /** An ACK carrying a domain search list (119) whose second and third names are compressed. */
    public static final byte[] DOMAIN_SEARCH = padded(
            serverHeader(),
            COOKIE,
            "350105",                               // 53 message type: ACK
            "7719",                                 // 119 domain search, 25 bytes:
            "03656e67",                             //   "eng"             (offset 0)
            "076578616d706c65",                     //   "example"         (offset 4)
            "03636f6d", "00",                       //   "com", root       -> eng.example.com
            "c004",                                 //   pointer to 4      -> example.com
            "036c6162", "c004",                     //   "lab", pointer 4  -> lab.example.com
            "ff");                                  // END

    /** An ACK with classless static routes (121). */
    public static final byte[] CLASSLESS_ROUTES = padded(
            serverHeader(),
            COOKIE,
            "350105",                               // 53 message type: ACK
            "790c",                                 // 121 classless static routes, 12 bytes:
            "10", "0a1e", "0a1400fe",               //   /16 10.30.0.0 via 10.20.0.254
            "00", "0a140001",                       //   /0 (default) via 10.20.0.1
            "ff");                                  // END

    /** A REQUEST with a client FQDN (81) in canonical wire format. */
    public static final byte[] CLIENT_FQDN = padded(
            clientHeader("0000"),
            COOKIE,
            "350103",                               // 53 message type: REQUEST
            "5112",                                 // 81 client FQDN, 18 bytes:
            "05",                                   //   flags: S (server updates A) + E (wire format)
            "00", "00",                             //   RCODE1, RCODE2
            "04686f7374", "036c6162", "0474657374", "00", // host.lab.test. (root label: fully qualified)
            "ff");                                  // END

    /** A relayed DISCOVER (giaddr 10.20.0.1) with relay agent information (82), which goes last. */
    public static final byte[] RELAY_AGENT = padded(
            "01", "01", "06", "01",                 // op BOOTREQUEST, htype Ethernet, hlen 6, hops 1
            "3903f326", "0000", "0000",             // xid, secs, flags
            "00000000", "00000000", "00000000",     // ciaddr, yiaddr, siaddr
            "0a140001",                             // giaddr 10.20.0.1 (the relay)
            "020000000042", zeros(10),              // chaddr
            zeros(64), zeros(128),                  // sname, file
            COOKIE,
            "350101",                               // 53 message type: DISCOVER
            "0c04", "686f7374",                     // 12 host name "host"
            "520e",                                 // 82 relay agent information, 14 bytes:
            "0104", "65746830",                     //   1 agent circuit id "eth0"
            "0206", "020000000042",                 //   2 agent remote id (6 bytes)
            "ff");                                  // END

    /** An ACK with a 300-byte option 224 split over two instances (RFC 3396): 255 + 45 bytes. */
    public static final byte[] LONG_OPTION = padded(
            serverHeader(),
            COOKIE,
            "350105",                               // 53 message type: ACK
            "e0ff", "5a".repeat(255),               // 224, first instance: 255 bytes of 0x5a
            "e02d", "5a".repeat(45),                // 224, second instance: 45 more bytes
            "ff");                                  // END

    /** A 51-character vendor class that fills the options field of a 300-byte packet exactly. */
    static final String VENDOR_CLASS_51 = "dhcp-embedded golden vector for option overload 52.";

    /**
     * An ACK encoded within 300 bytes: option 52 says the file field carries options too, and the domain name that
     * did not fit the options field is there.
     */
    public static final byte[] OVERLOADED = bytes(
            serverHeader(String.join("",            // file field, 128 bytes, holds options:
                    "0f08", "6c61622e74657374",     //   15 domain name "lab.test"
                    "ff",                           //   END of the file field
                    zeros(117))),                   //   padding
            COOKIE,
            "340101",                               // 52 option overload: 1 = the file field holds options
            "350105",                               // 53 message type: ACK
            "3c33", Hex.of(VENDOR_CLASS_51.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), // 60, 51 bytes
            "ff");                                  // END at byte 299: the packet is exactly 300 bytes

    /** All vectors by name, for seeds and benchmarks. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("discover", DISCOVER);
        all.put("ack", ACK);
        all.put("domain-search-119", DOMAIN_SEARCH);
        all.put("classless-routes-121", CLASSLESS_ROUTES);
        all.put("client-fqdn-81", CLIENT_FQDN);
        all.put("relay-agent-82", RELAY_AGENT);
        all.put("long-option-rfc3396", LONG_OPTION);
        all.put("overloaded-52", OVERLOADED);
        return all;
    }
}
