package dev.dhcpembedded.robustness;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Raw DHCPv4 packets byte by byte, for inputs the project's encoder refuses to produce: a 236-byte BOOTP header,
 * the magic cookie, then option bytes exactly as given (no END is added unless asked).
 */
final class Wire {

    static final int HEADER = 236;

    private final byte[] header = new byte[HEADER];
    private final ByteArrayOutputStream options = new ByteArrayOutputStream();

    private Wire(int op, int xid, byte[] mac) {
        header[0] = (byte) op;
        header[1] = 1; // Ethernet
        header[2] = (byte) mac.length;
        putInt(header, 4, xid);
        System.arraycopy(mac, 0, header, 28, Math.min(mac.length, 16));
    }

    /** A BOOTREQUEST from {@code mac} (6 bytes), hlen 6. */
    static Wire request(int xid, byte[] mac) {
        return new Wire(1, xid, mac);
    }

    static byte[] mac(int n) {
        return new byte[] {0x02, 0x0f, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    static String macText(int n) {
        byte[] m = mac(n);
        StringBuilder out = new StringBuilder();
        for (byte b : m) {
            if (out.length() > 0) {
                out.append(':');
            }
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }

    Wire op(int op) {
        header[0] = (byte) op;
        return this;
    }

    Wire hlen(int hlen) {
        header[2] = (byte) hlen;
        return this;
    }

    Wire giaddr(int a, int b, int c, int d) {
        header[24] = (byte) a;
        header[25] = (byte) b;
        header[26] = (byte) c;
        header[27] = (byte) d;
        return this;
    }

    /** Bytes written into the header at {@code offset} (e.g. 44 for sname, 108 for file). */
    Wire header(int offset, byte... bytes) {
        System.arraycopy(bytes, 0, header, offset, bytes.length);
        return this;
    }

    /** Option {@code code} with its true length. */
    Wire option(int code, byte... value) {
        options.write(code);
        options.write(value.length);
        options.writeBytes(value);
        return this;
    }

    /** Anything, e.g. an option whose length byte lies. */
    Wire raw(byte... bytes) {
        options.writeBytes(bytes);
        return this;
    }

    Wire discover() {
        return option(53, (byte) 1);
    }

    Wire end() {
        options.write(255);
        return this;
    }

    byte[] bytes() {
        byte[] opts = options.toByteArray();
        byte[] out = new byte[HEADER + 4 + opts.length];
        System.arraycopy(header, 0, out, 0, HEADER);
        putInt(out, HEADER, 0x63825363);
        System.arraycopy(opts, 0, out, HEADER + 4, opts.length);
        return out;
    }

    /** {@link #bytes()} padded with zeros to {@code length}. */
    byte[] bytes(int length) {
        return Arrays.copyOf(bytes(), length);
    }

    static byte[] repeat(int count, int value) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) value);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }
}
