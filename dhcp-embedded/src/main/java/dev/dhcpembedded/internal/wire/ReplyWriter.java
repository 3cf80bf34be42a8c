package dev.dhcpembedded.internal.wire;

import java.util.Arrays;

/**
 * Writes a DHCPv4 reply straight into a buffer that is reused from one reply to the next, with the encoder's
 * rules: setting an option that is already there replaces it at its place (as {@code DhcpMessageBuilder.option}
 * does), values over 255 bytes are split into instances (RFC 3396), relay agent information (82) goes last, then
 * END and padding to the 300-byte BOOTP minimum. The size limit of a client's option 57 is the caller's business
 * (a reply over it is re-encoded with option overload). One thread at a time.
 */
public final class ReplyWriter {

    public static final int MIN_PACKET = 300;

    private byte[] out = new byte[1024];
    private int end;
    private boolean finished;
    // the options written, in order: code, and their bytes [start, stop) in out (all instances of the code)
    private int[] codes = new int[32];
    private int[] starts = new int[32];
    private int[] stops = new int[32];
    private int count;

    /** Starts a reply: the fixed header (sname and file empty), the magic cookie, no option yet. */
    public ReplyWriter begin(int op, int htype, int hlen, byte[] chaddr, int chaddrOffset, int xid, int flags,
                             int giaddr) {
        finished = false;
        count = 0;
        byte[] b = out;
        Arrays.fill(b, 0, WireRequest.OPTIONS_OFFSET, (byte) 0);
        b[0] = (byte) op;
        b[1] = (byte) htype;
        b[2] = (byte) hlen;
        Ipv4.writeInt(b, 4, xid);
        b[10] = (byte) (flags >>> 8);
        b[11] = (byte) flags;
        Ipv4.writeInt(b, 24, giaddr);
        System.arraycopy(chaddr, chaddrOffset, b, WireRequest.CHADDR_OFFSET, 16);
        Ipv4.writeInt(b, WireRequest.COOKIE_OFFSET, WireRequest.MAGIC_COOKIE);
        end = WireRequest.OPTIONS_OFFSET;
        return this;
    }

    /** Takes a reply encoded elsewhere as it is (e.g. a BOOTREPLY); nothing more is written to it. */
    public void load(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, out, 0, encoded.length);
        end = encoded.length;
        count = 0;
        finished = true;
    }

    public void flags(int flags) {
        out[10] = (byte) (flags >>> 8);
        out[11] = (byte) flags;
    }

    public int flags() {
        return ((out[10] & 0xFF) << 8) | (out[11] & 0xFF);
    }

    public void ciaddr(int address) {
        Ipv4.writeInt(out, 12, address);
    }

    public void yiaddr(int address) {
        Ipv4.writeInt(out, 16, address);
    }

    public int yiaddr() {
        return Ipv4.readInt(out, 16);
    }

    public void siaddr(int address) {
        Ipv4.writeInt(out, 20, address);
    }

    /** The server host name field (sname, 64 bytes, NUL-terminated); longer names are refused. */
    public void sname(String name) {
        text(WireRequest.SNAME_OFFSET, 64, name);
    }

    /** The boot file name field (file, 128 bytes, NUL-terminated); longer names are refused. */
    public void file(String name) {
        text(WireRequest.FILE_OFFSET, 128, name);
    }

    private void text(int offset, int size, String value) {
        byte[] ascii = value.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (ascii.length >= size) {
            throw new IllegalArgumentException("\"" + value + "\" is " + ascii.length + " bytes; the field holds "
                    + (size - 1));
        }
        Arrays.fill(out, offset, offset + size, (byte) 0);
        System.arraycopy(ascii, 0, out, offset, ascii.length);
    }

    /** Option 53 as written, or 0. */
    public int messageType() {
        int i = slot(53);
        return i < 0 || stops[i] - starts[i] < 3 ? 0 : out[starts[i] + 2] & 0xFF;
    }

    public boolean has(int code) {
        return slot(code) >= 0;
    }

    /**
     * Makes room for option {@code code} with a value of {@code length} bytes, and returns where in
     * {@link #buffer()} the value goes: for a value its owner copies in place. Ask for {@link #buffer()} after this
     * call: making room may replace the array.
     *
     * @throws IllegalArgumentException when {@code length} is over 255 (a long option is written with
     *         {@link #option(int, byte[], int, int)}, which splits it)
     */
    public int optionValueAt(int code, int length) {
        if (length > 255) {
            throw new IllegalArgumentException("option " + code + " of " + length + " bytes needs RFC 3396 splitting");
        }
        return reserve(code, length);
    }

    /** The array the reply is written into; valid until the next call that writes. */
    public byte[] buffer() {
        return out;
    }

    public void uint8(int code, int value) {
        int at = reserve(code, 1);
        out[at] = (byte) value;
    }

    public void uint32(int code, long value) {
        int at = reserve(code, 4);
        Ipv4.writeInt(out, at, (int) value);
    }

    public void address(int code, int address) {
        uint32(code, address & 0xFFFFFFFFL);
    }

    public void empty(int code) {
        reserve(code, 0);
    }

    /** Option {@code code} with the value at {@code value[from, from + length)}. */
    public void option(int code, byte[] value, int from, int length) {
        if (length <= 255) {
            int at = reserve(code, length);
            System.arraycopy(value, from, out, at, length);
            return;
        }
        int instances = (length + 254) / 255;
        int at = place(code, length + 2 * instances);
        int stop = from + length;
        while (from < stop) {
            int chunk = Math.min(255, stop - from);
            out[at] = (byte) code;
            out[at + 1] = (byte) chunk;
            System.arraycopy(value, from, out, at + 2, chunk);
            at += 2 + chunk;
            from += chunk;
        }
    }

    /** Room for one instance of {@code code} with a value of {@code length} (at most 255); returns the value's offset. */
    private int reserve(int code, int length) {
        int at = place(code, 2 + length);
        out[at] = (byte) code;
        out[at + 1] = (byte) length;
        return at + 2;
    }

    /** Makes {@code size} bytes for {@code code}: at the place of the code when it is there, else at the end. */
    private int place(int code, int size) {
        if (finished) {
            throw new IllegalStateException("reply already finished");
        }
        int i = slot(code);
        if (i < 0) {
            ensure(end + size + 1);
            if (count == codes.length) {
                codes = Arrays.copyOf(codes, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                stops = Arrays.copyOf(stops, count * 2);
            }
            codes[count] = code;
            starts[count] = end;
            stops[count] = end + size;
            count++;
            int at = end;
            end += size;
            return at;
        }
        int delta = size - (stops[i] - starts[i]);
        if (delta != 0) {
            ensure(end + delta + 1);
            System.arraycopy(out, stops[i], out, stops[i] + delta, end - stops[i]);
            end += delta;
            stops[i] += delta;
            for (int k = i + 1; k < count; k++) {
                starts[k] += delta;
                stops[k] += delta;
            }
        }
        return starts[i];
    }

    private int slot(int code) {
        for (int i = 0; i < count; i++) {
            if (codes[i] == code) {
                return i;
            }
        }
        return -1;
    }

    private void ensure(int size) {
        if (out.length < size) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size));
        }
    }

    /** Relay agent information last, END, padding to 300 bytes; returns the length. */
    public int finish() {
        if (finished) {
            return end;
        }
        int relay = slot(82);
        if (relay >= 0 && relay != count - 1) {
            int size = stops[relay] - starts[relay];
            ensure(end + size);
            System.arraycopy(out, starts[relay], out, end, size); // park it after the end
            System.arraycopy(out, stops[relay], out, starts[relay], end + size - stops[relay]);
            // now [starts[relay], end) holds the options after it, then option 82
            for (int k = relay + 1; k < count; k++) {
                starts[k] -= size;
                stops[k] -= size;
            }
            starts[relay] = end - size;
            stops[relay] = end;
        }
        ensure(Math.max(end + 1, MIN_PACKET));
        out[end] = (byte) 255;
        int length = end + 1;
        if (length < MIN_PACKET) {
            Arrays.fill(out, length, MIN_PACKET, (byte) 0);
            length = MIN_PACKET;
        }
        end = length;
        finished = true;
        return length;
    }

    /** The buffer; the reply is {@code [0, length())} once finished. Reused by the next reply. */
    public byte[] bytes() {
        return out;
    }

    public int length() {
        return end;
    }

    /** A copy of the finished reply, for whoever keeps it. */
    public byte[] copy() {
        return Arrays.copyOf(out, end);
    }
}
