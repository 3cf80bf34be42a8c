package dev.dhcpembedded.cli;

import java.net.InetAddress;

/**
 * The RFC 5952 text of an IPv6 address (lowercase, no leading zeros, the longest run of two or more zero words as
 * {@code ::}, the first of equal runs), as the decode verb's JSON and the {@code listening on} line print it; the
 * JDK's {@code getHostAddress()} does not shorten zeros.
 */
final class Ipv6Text {

    private Ipv6Text() {
    }

    static String of(InetAddress address) {
        byte[] b = address.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero word is not shortened
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(words[i]));
        }
        return out.toString();
    }
}
