package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Option;
import java.util.Arrays;

/**
 * Writes a DHCPv6 client/server reply straight into a buffer that is reused from one reply to the next: the header,
 * then options in order, byte for byte as {@code Dhcp6Codec.encode} writes the same options. An option with nested
 * options is {@link #open}ed, filled and {@link #close}d (its length is set then). One thread at a time.
 */
public final class Reply6Writer {

    private byte[] out = new byte[512];
    private int end;

    /** Starts a reply of message type {@code type} with transaction id {@code xid}. */
    public Reply6Writer begin(int type, int xid) {
        out[0] = (byte) type;
        out[1] = (byte) (xid >>> 16);
        out[2] = (byte) (xid >>> 8);
        out[3] = (byte) xid;
        end = 4;
        return this;
    }

    /** The buffer; the reply is its first {@link #length()} bytes. */
    public byte[] bytes() {
        return out;
    }

    public int length() {
        return end;
    }

    /** The reply as an array of its own. */
    public byte[] copy() {
        return Arrays.copyOf(out, end);
    }

    /** Appends {@code p[at, at + length)} as it is: an option already encoded (header and value). */
    public void raw(byte[] p, int at, int length) {
        ensure(length);
        System.arraycopy(p, at, out, end, length);
        end += length;
    }

    /** Appends an option made elsewhere (a path that is not the steady state's). */
    public void option(Dhcp6Option option) {
        byte[] value = option.value();
        int at = open(option.code().code());
        ensure(value.length);
        System.arraycopy(value, 0, out, end, value.length);
        end += value.length;
        close(at);
    }

    /** Starts an option of {@code code}; returns its position for {@link #close}. */
    public int open(int code) {
        ensure(4);
        int at = end;
        u16(at, code);
        end += 4;
        return at;
    }

    /** Ends the option opened at {@code at}: its length is what was written since. */
    public void close(int at) {
        u16(at + 2, end - at - 4);
    }

    /** An option of {@code code} with no value. */
    public void empty(int code) {
        close(open(code));
    }

    public void u8(int v) {
        ensure(1);
        out[end++] = (byte) v;
    }

    public void u16(int v) {
        ensure(2);
        u16(end, v);
        end += 2;
    }

    public void u32(long v) {
        ensure(4);
        out[end] = (byte) (v >>> 24);
        out[end + 1] = (byte) (v >>> 16);
        out[end + 2] = (byte) (v >>> 8);
        out[end + 3] = (byte) v;
        end += 4;
    }

    /** The 16 bytes of {@code a}. */
    public void address(Addr6 a) {
        ensure(16);
        a.write(out, end);
        end += 16;
    }

    /** Text of ASCII characters (a status message the engine writes), one byte each. */
    public void ascii(CharSequence text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            out[end++] = (byte) text.charAt(i);
        }
    }

    private void u16(int at, int v) {
        out[at] = (byte) (v >>> 8);
        out[at + 1] = (byte) v;
    }

    private void ensure(int more) {
        if (end + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, end + more));
        }
    }
}
