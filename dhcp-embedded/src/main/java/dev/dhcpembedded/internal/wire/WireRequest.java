package dev.dhcpembedded.internal.wire;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A DHCPv4 payload read where it lies: the checks of the decoder, once, into offsets, and the fields and options
 * read from the bytes on demand. The decoder builds its {@code DhcpMessage} from this; the server's packet path
 * decides on it directly, so that a request costs no object. One instance is reused, by one thread at a time: it
 * holds no copy of the bytes it was given, so the caller keeps them unchanged until it is done with it.
 *
 * <p>Options are kept per code in wire order after option overload (52) and RFC 3396 reassembly; a code sent in
 * several instances is concatenated into a scratch buffer owned by this object.
 */
public final class WireRequest {

    public static final int COOKIE_OFFSET = 236;
    public static final int OPTIONS_OFFSET = 240;
    public static final int MAGIC_COOKIE = 0x63825363;
    public static final int SNAME_OFFSET = 44;
    public static final int FILE_OFFSET = 108;
    public static final int CHADDR_OFFSET = 28;

    private byte[] p;
    private int length;
    private int overload;

    // option instances as found (the overloaded fields after the options area)
    private int[] codes = new int[16];
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int instances;

    // options merged per code, in the order of their first instance
    private int[] mergedCode = new int[16];
    private int[] mergedOffset = new int[16];
    private int[] mergedLength = new int[16];
    private int[] mergedWireOffset = new int[16];
    private boolean[] mergedInScratch = new boolean[16];
    private int merged;
    private final short[] index = new short[256]; // code -> merged slot + 1; 0 when absent
    private byte[] scratch = new byte[0];
    private InetSocketAddress source;

    /**
     * Reads {@code packet[0, length)}, with every check of the decoder when {@code check} is given (values of typed
     * options included, by {@code check}); without, only what is needed to find the fields and options (for bytes
     * this server encoded itself).
     *
     * @throws WireFormatException with the reason and offset when the payload is malformed
     */
    public WireRequest parse(byte[] packet, int length, OptionCheck check) {
        clear();
        this.p = packet;
        this.length = length;
        if (length < OPTIONS_OFFSET) {
            throw new WireFormatException("packet of " + length
                    + " bytes is shorter than the 236-byte header and the magic cookie", length);
        }
        int op = packet[0] & 0xFF;
        if (op != 1 && op != 2) {
            throw new WireFormatException("op " + op + " is neither BOOTREQUEST (1) nor BOOTREPLY (2)", 0);
        }
        int hlen = packet[2] & 0xFF;
        if (hlen > 16) {
            throw new WireFormatException("hlen " + hlen + " is over 16", 2);
        }
        if (Ipv4.readInt(packet, COOKIE_OFFSET) != MAGIC_COOKIE) {
            throw new WireFormatException(String.format("magic cookie 0x%08x is not 0x63825363",
                    Ipv4.readInt(packet, COOKIE_OFFSET)), COOKIE_OFFSET);
        }
        parseArea(OPTIONS_OFFSET, length, "options");
        overload = overloadValue();
        if ((overload & 1) != 0) {
            parseArea(FILE_OFFSET, FILE_OFFSET + 128, "file field");
        }
        if ((overload & 2) != 0) {
            parseArea(SNAME_OFFSET, SNAME_OFFSET + 64, "sname field");
        }
        merge(check);
        return this;
    }

    private void clear() {
        source = null;
        for (int i = 0; i < merged; i++) {
            index[mergedCode[i]] = 0;
        }
        instances = 0;
        merged = 0;
        overload = 0;
    }

    private void parseArea(int start, int end, String area) {
        byte[] b = p;
        int i = start;
        while (i < end) {
            int code = b[i] & 0xFF;
            if (code == 0) {
                i++;
                continue;
            }
            if (code == 255) {
                return;
            }
            if (i + 1 >= end) {
                throw new WireFormatException("option " + code + " has no length byte before the end of " + area,
                        i);
            }
            int len = b[i + 1] & 0xFF;
            if (i + 2 + len > end) {
                throw new WireFormatException("option " + code + " length " + len + " runs past end of " + area,
                        i + 1);
            }
            if (code == 52 && start != OPTIONS_OFFSET) {
                throw new WireFormatException("option 52 appears inside the overloaded " + area, i);
            }
            addInstance(code, i + 2, len);
            i += 2 + len;
        }
        throw new WireFormatException(area + " end without END (255)", end);
    }

    private void addInstance(int code, int offset, int len) {
        if (instances == codes.length) {
            codes = Arrays.copyOf(codes, instances * 2);
            offsets = Arrays.copyOf(offsets, instances * 2);
            lengths = Arrays.copyOf(lengths, instances * 2);
        }
        codes[instances] = code;
        offsets[instances] = offset;
        lengths[instances] = len;
        instances++;
    }

    private int overloadValue() {
        for (int i = 0; i < instances; i++) {
            if (codes[i] == 52) {
                if (lengths[i] != 1) {
                    throw new WireFormatException("option 52 length " + lengths[i] + " is not 1", offsets[i] - 1);
                }
                int value = p[offsets[i]] & 0xFF;
                if (value < 1 || value > 3) {
                    throw new WireFormatException("option 52 overload value " + value + " is not 1, 2 or 3",
                            offsets[i]);
                }
                return value;
            }
        }
        return 0;
    }

    /** Concatenates instances of the same code at the place of the first (RFC 3396), validating each in order. */
    private void merge(OptionCheck check) {
        int scratchUsed = 0;
        for (int i = 0; i < instances; i++) {
            int code = codes[i];
            if (index[code] != 0) {
                continue; // a later instance of a code already merged
            }
            int total = 0;
            int count = 0;
            for (int j = i; j < instances; j++) {
                if (codes[j] == code) {
                    total += lengths[j];
                    count++;
                }
            }
            int slot = addMerged(code, offsets[i]);
            if (count == 1) {
                mergedOffset[slot] = offsets[i];
                mergedLength[slot] = lengths[i];
                mergedInScratch[slot] = false;
            } else {
                if (scratch.length < scratchUsed + total) {
                    scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchUsed + total + 64));
                }
                int at = scratchUsed;
                for (int j = i; j < instances; j++) {
                    if (codes[j] == code) {
                        System.arraycopy(p, offsets[j], scratch, at, lengths[j]);
                        at += lengths[j];
                    }
                }
                mergedOffset[slot] = scratchUsed;
                mergedLength[slot] = total;
                mergedInScratch[slot] = true;
                scratchUsed = at;
            }
            if (check != null) {
                check.check(code, bufferOf(slot), mergedOffset[slot], mergedLength[slot], offsets[i]);
            }
        }
    }

    private int addMerged(int code, int wireOffset) {
        if (merged == mergedCode.length) {
            int n = merged * 2;
            mergedCode = Arrays.copyOf(mergedCode, n);
            mergedOffset = Arrays.copyOf(mergedOffset, n);
            mergedLength = Arrays.copyOf(mergedLength, n);
            mergedWireOffset = Arrays.copyOf(mergedWireOffset, n);
            mergedInScratch = Arrays.copyOf(mergedInScratch, n);
        }
        int slot = merged++;
        mergedCode[slot] = code;
        mergedWireOffset[slot] = wireOffset;
        index[code] = (short) (slot + 1);
        return slot;
    }

    private byte[] bufferOf(int slot) {
        return mergedInScratch[slot] ? scratch : p;
    }

    // ---- the payload ----

    /** The bytes given to {@link #parse}; the payload is {@code [0, length())}. */
    public byte[] bytes() {
        return p;
    }

    public int length() {
        return length;
    }

    /** Option 52's value (1 file, 2 sname, 3 both), or 0. */
    public int overload() {
        return overload;
    }

    // ---- header ----

    public int op() {
        return p[0] & 0xFF;
    }

    public boolean isRequest() {
        return op() == 1;
    }

    public int htype() {
        return p[1] & 0xFF;
    }

    public int hlen() {
        return p[2] & 0xFF;
    }

    /**
     * Notes the socket the payload came from (where a reply to it goes back to); {@link #parse} forgets it.
     *
     * @return this
     */
    public WireRequest from(InetSocketAddress sender) {
        this.source = sender;
        return this;
    }

    /** {@return the socket the payload came from, or null when not known (see {@link #from})} */
    public InetSocketAddress source() {
        return source;
    }

    public int hops() {
        return p[3] & 0xFF;
    }

    public int xid() {
        return Ipv4.readInt(p, 4);
    }

    public int secs() {
        return ((p[8] & 0xFF) << 8) | (p[9] & 0xFF);
    }

    public int flags() {
        return ((p[10] & 0xFF) << 8) | (p[11] & 0xFF);
    }

    public boolean isBroadcast() {
        return (flags() & 0x8000) != 0;
    }

    public int ciaddr() {
        return Ipv4.readInt(p, 12);
    }

    public int yiaddr() {
        return Ipv4.readInt(p, 16);
    }

    public int siaddr() {
        return Ipv4.readInt(p, 20);
    }

    public int giaddr() {
        return Ipv4.readInt(p, 24);
    }

    /** The client's hardware address length as used: {@code min(hlen, 16)}; its bytes start at 28. */
    public int macLength() {
        return Math.min(hlen(), 16);
    }

    // ---- options ----

    /** How many options (merged per code), option 52 included. */
    public int optionCount() {
        return merged;
    }

    /** The code of the {@code i}th option in wire order. */
    public int optionCodeAt(int i) {
        return mergedCode[i];
    }

    public byte[] optionBufferAt(int i) {
        return bufferOf(i);
    }

    public int optionOffsetAt(int i) {
        return mergedOffset[i];
    }

    public int optionLengthAt(int i) {
        return mergedLength[i];
    }

    /** Where the option's first instance began on the wire (for error offsets). */
    public int optionWireOffsetAt(int i) {
        return mergedWireOffset[i];
    }

    /** The slot of option {@code code} for the {@code ...At} methods, or -1 when absent. */
    public int find(int code) {
        return index[code & 0xFF] - 1;
    }

    public boolean has(int code) {
        return index[code & 0xFF] != 0;
    }

    /** The message type (53), or 0 without one. */
    public int messageType() {
        int i = find(53);
        return i < 0 || mergedLength[i] < 1 ? 0 : bufferOf(i)[mergedOffset[i]] & 0xFF;
    }

    /** An address option (50, 54, ...) as an int; {@code absent} when it is missing or not 4 bytes. */
    public int address(int code, int absent) {
        int i = find(code);
        return i < 0 || mergedLength[i] != 4 ? absent : Ipv4.readInt(bufferOf(i), mergedOffset[i]);
    }

    public boolean hasAddress(int code) {
        int i = find(code);
        return i >= 0 && mergedLength[i] == 4;
    }

    /** Option 57, or -1. */
    public int maximumMessageSize() {
        int i = find(57);
        if (i < 0 || mergedLength[i] != 2) {
            return -1;
        }
        byte[] b = bufferOf(i);
        int at = mergedOffset[i];
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    /** Whether the parameter request list (55) names {@code code}. */
    public boolean asks(int code) {
        int i = find(55);
        if (i < 0) {
            return false;
        }
        byte[] b = bufferOf(i);
        for (int at = mergedOffset[i], end = at + mergedLength[i]; at < end; at++) {
            if ((b[at] & 0xFF) == code) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value of option {@code code} holds exactly {@code value}'s bytes. */
    public boolean optionEquals(int code, byte[] value) {
        int i = find(code);
        return i >= 0 && Arrays.equals(bufferOf(i), mergedOffset[i], mergedOffset[i] + mergedLength[i], value, 0,
                value.length);
    }

    /** Whether option {@code code} is text equal to {@code text} as {@code DhcpOption.asString()} reads it. */
    public boolean optionIsText(int code, String text) {
        int i = find(code);
        if (i < 0) {
            return false;
        }
        byte[] b = bufferOf(i);
        int at = mergedOffset[i];
        int len = mergedLength[i];
        if (len > 0 && b[at + len - 1] == 0) {
            len--;
        }
        if (len != text.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if ((b[at + k] & 0xFF) != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Option {@code code} as {@code DhcpOption.asString()} reads it, or null. Allocates. */
    public String optionText(int code) {
        int i = find(code);
        if (i < 0) {
            return null;
        }
        int len = mergedLength[i];
        byte[] b = bufferOf(i);
        if (len > 0 && b[mergedOffset[i] + len - 1] == 0) {
            len--;
        }
        return new String(b, mergedOffset[i], len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
