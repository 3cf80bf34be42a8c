package dev.dhcpembedded.robustness;

import static dev.dhcpembedded.robustness.Wire.repeat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input shapes behind known DHCP vulnerabilities, each a DISCOVER-like datagram from a MAC of its own. None of
 * them may get a reply or stop the server.
 */
final class HostileInputs {

    /** Over loopback UDP a datagram carries at most 65,535 - 8 (UDP) - 20 (IPv4) bytes. */
    static final int MAX_UDP_PAYLOAD = 65_507;

    private HostileInputs() {
    }

    /** busybox udhcp CVE-2018-20679: an option length that runs past the end of the packet. */
    static byte[] lyingOptionLength(int n) {
        return Wire.request(0x1000 + n, Wire.mac(n)).discover().raw((byte) 12, (byte) 200, (byte) 'h', (byte) 'i')
                .bytes();
    }

    /** busybox udhcp CVE-2019-5747: a server identifier (54) whose length says 1, not 4 (out-of-bounds read). */
    static byte[] shortServerIdentifier(int n) {
        return Wire.request(0x1100 + n, Wire.mac(n)).option(53, (byte) 3).option(54, (byte) 10)
                .option(50, (byte) 10, (byte) 20).end().bytes();
    }

    /** FreeBSD CVE-2020-7461: an option 119 compression pointer that points at itself (a loop). */
    static byte[] searchListPointerLoop(int n) {
        return Wire.request(0x1200 + n, Wire.mac(n)).discover()
                .option(119, (byte) 3, (byte) 'l', (byte) 'a', (byte) 'b', (byte) 0xC0, (byte) 0x00,
                        (byte) 0xC0, (byte) 0x06)
                .end().bytes();
    }

    /** FreeBSD CVE-2020-7461: an option 119 compression pointer that points forwards. */
    static byte[] searchListForwardPointer(int n) {
        return Wire.request(0x1300 + n, Wire.mac(n)).discover()
                .option(119, (byte) 0xC0, (byte) 0x04, (byte) 0, (byte) 0, (byte) 3, (byte) 'l', (byte) 'a',
                        (byte) 'b', (byte) 0)
                .end().bytes();
    }

    /** ISC dhcpd CVE-2007-5365: a maximum message size (57) below 576 (here 256). */
    static byte[] maxMessageSizeBelow576(int n) {
        return Wire.request(0x1400 + n, Wire.mac(n)).discover().option(57, (byte) 0x01, (byte) 0x00).end().bytes();
    }

    /** ISC dhclient CVE-2022-2929: an option 81 (client FQDN) in wire form with a 64-byte label. */
    static byte[] fqdnLabelOver63(int n) {
        byte[] label = repeat(64, 'a');
        return Wire.request(0x1500 + n, Wire.mac(n)).discover()
                .option(81, Wire.concat(new byte[] {0x05, 0, 0, 64}, label, new byte[] {3, 'l', 'a', 'b', 0}))
                .end().bytes();
    }

    /** CVE-2022-2929, ASCII form (no E flag): a 64-byte label in a dotted name. */
    static byte[] fqdnAsciiLabelOver63(int n) {
        return Wire.request(0x1580 + n, Wire.mac(n)).discover()
                .option(81, Wire.concat(new byte[] {0x01, 0, 0}, repeat(64, 'a'), new byte[] {'.', 'l', 'a', 'b'}))
                .end().bytes();
    }

    /** Kea CVE-2019-6473: a host name (12) that is not a host name: a control byte and a NUL inside. */
    static byte[] invalidHostname(int n) {
        return Wire.request(0x1600 + n, Wire.mac(n)).discover()
                .option(12, (byte) 'a', (byte) 0, (byte) '\n', (byte) 'b').end().bytes();
    }

    /** Kea CVE-2019-6473 variant: a host name (12) of length 0. */
    static byte[] emptyHostname(int n) {
        return Wire.request(0x1700 + n, Wire.mac(n)).discover().option(12).end().bytes();
    }

    /** Option 82 with a sub-option whose length runs past the option's end. */
    static byte[] relayAgentSubOptionOversized(int n) {
        return Wire.request(0x1800 + n, Wire.mac(n)).discover()
                .option(82, (byte) 1, (byte) 200, (byte) 'c', (byte) 'i', (byte) 'd').end().bytes();
    }

    /**
     * Option 82 nested: sub-option 1 carries another option 82 whose own sub-option lies, and the outer sub-option
     * claims more than the option holds; spread over two instances (RFC 3396) to pass 255 bytes.
     */
    static byte[] relayAgentNestedOversized(int n) {
        byte[] inner = Wire.concat(new byte[] {82, (byte) 250, 1, (byte) 240}, repeat(200, 'x'));
        byte[] value = Wire.concat(new byte[] {1, (byte) 255}, inner); // 2 + 204 bytes; says 255
        byte[] first = java.util.Arrays.copyOfRange(value, 0, 150);
        byte[] second = java.util.Arrays.copyOfRange(value, 150, value.length);
        return Wire.request(0x1900 + n, Wire.mac(n)).discover().option(82, first).option(82, second).end().bytes();
    }

    /** Option overload (52) = 3 with sname and file all zeros: no END in either. */
    static byte[] overloadEmptyFields(int n) {
        return Wire.request(0x1A00 + n, Wire.mac(n)).discover().option(52, (byte) 3).end().bytes();
    }

    /** Option overload (52) = 1 with a file field whose option length runs past the field. */
    static byte[] overloadMalformedFile(int n) {
        return Wire.request(0x1B00 + n, Wire.mac(n)).header(108, (byte) 15, (byte) 200, (byte) 'x')
                .discover().option(52, (byte) 1).end().bytes();
    }

    /** Option overload (52) = 2 with an sname field that itself carries option 52. */
    static byte[] overloadRecursive(int n) {
        return Wire.request(0x1C00 + n, Wire.mac(n)).header(44, (byte) 52, (byte) 1, (byte) 2, (byte) 255)
                .discover().option(52, (byte) 2).end().bytes();
    }

    /** hlen 0 and no client identifier: no way to tell who the client is. */
    static byte[] hlenZero(int n) {
        return Wire.request(0x1D00 + n, Wire.mac(n)).hlen(0).discover().end().bytes();
    }

    /** hlen 17: more than chaddr's 16 bytes (a classic overread). */
    static byte[] hlenOver16(int n) {
        return Wire.request(0x1E00 + n, Wire.mac(n)).hlen(17).discover().end().bytes();
    }

    /** hlen 255. */
    static byte[] hlen255(int n) {
        return Wire.request(0x1E80 + n, Wire.mac(n)).hlen(255).discover().end().bytes();
    }

    static byte[] zeroLength() {
        return new byte[0];
    }

    /** The 236-byte BOOTP header and nothing else: no magic cookie. */
    static byte[] headerOnly(int n) {
        return java.util.Arrays.copyOf(Wire.request(0x1F00 + n, Wire.mac(n)).discover().end().bytes(), 236);
    }

    /** The largest UDP payload: a DISCOVER whose options go on for 65,507 bytes (pad) and never end. */
    static byte[] maxDatagram(int n) {
        return Wire.request(0x2000 + n, Wire.mac(n)).discover().bytes(MAX_UDP_PAYLOAD);
    }

    /** A BOOTREPLY (op 2, an OFFER) sent to the server. */
    static byte[] bootReply(int n) {
        return Wire.request(0x2100 + n, Wire.mac(n)).op(2).option(53, (byte) 2)
                .option(54, (byte) 127, (byte) 0, (byte) 0, (byte) 1).end().bytes();
    }

    /** 255 options of codes nobody assigned, and no message type (53): plain BOOTP, which is not served. */
    static byte[] unknownOptions255(int n) {
        Wire wire = Wire.request(0x2200 + n, Wire.mac(n));
        int[] unassigned = unassignedCodes();
        for (int i = 0; i < 255; i++) {
            wire.option(unassigned[i % unassigned.length], (byte) i);
        }
        return wire.end().bytes();
    }

    /** 255 unknown option instances with the last one's length running past END. */
    static byte[] unknownOptions255Lying(int n) {
        Wire wire = Wire.request(0x2300 + n, Wire.mac(n)).discover();
        int[] unassigned = unassignedCodes();
        for (int i = 0; i < 254; i++) {
            wire.option(unassigned[i % unassigned.length], (byte) i);
        }
        return wire.raw((byte) unassigned[0], (byte) 255, (byte) 1).end().bytes();
    }

    /** Codes 84, 96, 102-111, 115, 126, 127, 147-149, 178-207 (unassigned per IANA). */
    static int[] unassignedCodes() {
        java.util.List<Integer> codes = new java.util.ArrayList<>(java.util.List.of(84, 96, 115, 126, 127, 147, 148,
                149));
        for (int c = 102; c <= 111; c++) {
            codes.add(c);
        }
        for (int c = 178; c <= 207; c++) {
            codes.add(c);
        }
        return codes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every shape by name, each from its own MAC ({@code base + index}). */
    static Map<String, byte[]> all(int base) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        int n = base;
        out.put("lyingOptionLength", lyingOptionLength(n++));
        out.put("shortServerIdentifier", shortServerIdentifier(n++));
        out.put("searchListPointerLoop", searchListPointerLoop(n++));
        out.put("searchListForwardPointer", searchListForwardPointer(n++));
        out.put("maxMessageSizeBelow576", maxMessageSizeBelow576(n++));
        out.put("fqdnLabelOver63", fqdnLabelOver63(n++));
        out.put("fqdnAsciiLabelOver63", fqdnAsciiLabelOver63(n++));
        out.put("invalidHostname", invalidHostname(n++));
        out.put("emptyHostname", emptyHostname(n++));
        out.put("relayAgentSubOptionOversized", relayAgentSubOptionOversized(n++));
        out.put("relayAgentNestedOversized", relayAgentNestedOversized(n++));
        out.put("overloadEmptyFields", overloadEmptyFields(n++));
        out.put("overloadMalformedFile", overloadMalformedFile(n++));
        out.put("overloadRecursive", overloadRecursive(n++));
        out.put("hlenZero", hlenZero(n++));
        out.put("hlenOver16", hlenOver16(n++));
        out.put("hlen255", hlen255(n++));
        out.put("zeroLength", zeroLength());
        out.put("headerOnly", headerOnly(n++));
        out.put("bootReply", bootReply(n++));
        out.put("unknownOptions255", unknownOptions255(n++));
        out.put("unknownOptions255Lying", unknownOptions255Lying(n++));
        return out;
    }
}
