package dev.dhcpembedded.codec;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import dev.dhcpembedded.internal.wire.Ipv4;

/** Builds a message; defaults are a BOOTREQUEST for Ethernet (htype 1, hlen 6) with everything else zero. */
public final class DhcpMessageBuilder {
    int op = DhcpMessage.BOOTREQUEST;
    int htype = 1;
    int hlen = 6;
    int hops;
    int xid;
    int secs;
    int flags;
    int ciaddr;
    int yiaddr;
    int siaddr;
    int giaddr;
    byte[] chaddr = new byte[16];
    byte[] sname = new byte[64];
    byte[] file = new byte[128];
    final List<DhcpOption> options = new ArrayList<>();

    DhcpMessageBuilder() {
    }

    DhcpMessageBuilder(DhcpMessage m) {
        op = m.opField();
        htype = m.htypeField();
        hlen = m.hlenField();
        hops = m.hopsField();
        xid = m.xidField();
        secs = m.secsField();
        flags = m.flagsField();
        ciaddr = m.ciaddrField();
        yiaddr = m.yiaddrField();
        siaddr = m.siaddrField();
        giaddr = m.giaddrField();
        chaddr = m.chaddrField().clone();
        sname = m.snameField().clone();
        file = m.fileField().clone();
        options.addAll(m.options());
    }

    /**
     * Sets the op.
     *
     * @param op {@link DhcpMessage#BOOTREQUEST} (1) or {@link DhcpMessage#BOOTREPLY} (2)
     * @return this builder
     * @throws IllegalArgumentException if {@code op} is neither
     */
    public DhcpMessageBuilder op(int op) {
        if (op != DhcpMessage.BOOTREQUEST && op != DhcpMessage.BOOTREPLY) {
            throw new IllegalArgumentException("op " + op + " is neither BOOTREQUEST (1) nor BOOTREPLY (2)");
        }
        this.op = op;
        return this;
    }

    /**
     * Sets the hardware address type (1 is Ethernet).
     *
     * @param htype 0 to 255
     * @return this builder
     * @throws IllegalArgumentException if {@code htype} is outside 0..255
     */
    public DhcpMessageBuilder htype(int htype) {
        this.htype = unsigned(htype, 0xFF, "htype");
        return this;
    }

    /**
     * Sets the hardware address length; {@link #chaddr(MacAddress)} sets it too.
     *
     * @param hlen 0 to 16
     * @return this builder
     * @throws IllegalArgumentException if {@code hlen} is outside 0..16
     */
    public DhcpMessageBuilder hlen(int hlen) {
        if (hlen < 0 || hlen > 16) {
            throw new IllegalArgumentException("hlen " + hlen + " is outside 0..16");
        }
        this.hlen = hlen;
        return this;
    }

    /**
     * Sets the hops field: relay agents add one each.
     *
     * @param hops 0 to 255
     * @return this builder
     * @throws IllegalArgumentException if {@code hops} is outside 0..255
     */
    public DhcpMessageBuilder hops(int hops) {
        this.hops = unsigned(hops, 0xFF, "hops");
        return this;
    }

    /**
     * Sets the transaction id (xid).
     *
     * @param xid any 32-bit value
     * @return this builder
     */
    public DhcpMessageBuilder xid(int xid) {
        this.xid = xid;
        return this;
    }

    /**
     * Sets the seconds since the client began the exchange.
     *
     * @param secs 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code secs} is outside 0..65535
     */
    public DhcpMessageBuilder secs(int secs) {
        this.secs = unsigned(secs, 0xFFFF, "secs");
        return this;
    }

    /**
     * Sets the whole flags field; see {@link #broadcast(boolean)} for the one defined bit.
     *
     * @param flags 0 to 0xFFFF
     * @return this builder
     * @throws IllegalArgumentException if {@code flags} is outside 0..0xFFFF
     */
    public DhcpMessageBuilder flags(int flags) {
        this.flags = unsigned(flags, 0xFFFF, "flags");
        return this;
    }

    /**
     * Sets or clears the broadcast flag, leaving the other bits alone.
     *
     * @param broadcast whether the client asks for broadcast replies
     * @return this builder
     */
    public DhcpMessageBuilder broadcast(boolean broadcast) {
        flags = broadcast ? flags | DhcpMessage.FLAG_BROADCAST : flags & ~DhcpMessage.FLAG_BROADCAST;
        return this;
    }

    /**
     * Sets the client's address (ciaddr).
     *
     * @param address a dotted IPv4 literal such as {@code 10.20.0.5}
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public DhcpMessageBuilder ciaddr(String address) {
        return ciaddr(Ipv4.parseInt(address));
    }

    /**
     * Sets the client's address (ciaddr).
     *
     * @param address the address
     * @return this builder
     */
    public DhcpMessageBuilder ciaddr(Inet4Address address) {
        return ciaddr(Ipv4.toInt(address));
    }

    DhcpMessageBuilder ciaddr(int address) {
        this.ciaddr = address;
        return this;
    }

    /**
     * Sets "your" address (yiaddr): the address a server offers or grants.
     *
     * @param address a dotted IPv4 literal such as {@code 10.20.0.5}
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public DhcpMessageBuilder yiaddr(String address) {
        return yiaddr(Ipv4.parseInt(address));
    }

    /**
     * Sets "your" address (yiaddr): the address a server offers or grants.
     *
     * @param address the address
     * @return this builder
     */
    public DhcpMessageBuilder yiaddr(Inet4Address address) {
        return yiaddr(Ipv4.toInt(address));
    }

    DhcpMessageBuilder yiaddr(int address) {
        this.yiaddr = address;
        return this;
    }

    /**
     * Sets the next server's address (siaddr).
     *
     * @param address a dotted IPv4 literal such as {@code 10.20.0.1}
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public DhcpMessageBuilder siaddr(String address) {
        return siaddr(Ipv4.parseInt(address));
    }

    /**
     * Sets the next server's address (siaddr).
     *
     * @param address the address
     * @return this builder
     */
    public DhcpMessageBuilder siaddr(Inet4Address address) {
        return siaddr(Ipv4.toInt(address));
    }

    DhcpMessageBuilder siaddr(int address) {
        this.siaddr = address;
        return this;
    }

    /**
     * Sets the relay agent's address (giaddr).
     *
     * @param address a dotted IPv4 literal such as {@code 10.30.0.1}
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public DhcpMessageBuilder giaddr(String address) {
        return giaddr(Ipv4.parseInt(address));
    }

    /**
     * Sets the relay agent's address (giaddr).
     *
     * @param address the address
     * @return this builder
     */
    public DhcpMessageBuilder giaddr(Inet4Address address) {
        return giaddr(Ipv4.toInt(address));
    }

    DhcpMessageBuilder giaddr(int address) {
        this.giaddr = address;
        return this;
    }

    /**
     * Sets chaddr and hlen from the MAC.
     *
     * @param mac the client's hardware address
     * @return this builder
     */
    public DhcpMessageBuilder chaddr(MacAddress mac) {
        byte[] bytes = mac.bytes();
        chaddr = Arrays.copyOf(bytes, 16);
        hlen = bytes.length;
        return this;
    }

    /**
     * Sets chaddr and hlen from the MAC.
     *
     * @param mac a MAC such as {@code 02:00:00:00:00:42}
     * @return this builder
     * @throws IllegalArgumentException if {@code mac} is not a MAC address
     */
    public DhcpMessageBuilder chaddr(String mac) {
        return chaddr(MacAddress.parse(mac));
    }

    /**
     * Sets all 16 bytes of chaddr as given (shorter arrays are zero-padded); hlen is left alone.
     *
     * @param bytes up to 16 bytes
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} has more than 16 bytes
     */
    public DhcpMessageBuilder chaddrBytes(byte[] bytes) {
        if (bytes.length > 16) {
            throw new IllegalArgumentException("chaddr has 16 bytes, got " + bytes.length);
        }
        chaddr = Arrays.copyOf(bytes, 16);
        return this;
    }

    /**
     * Sets the server host name field, one byte per char (ISO 8859-1), zero-padded.
     *
     * @param name up to 64 chars
     * @return this builder
     * @throws IllegalArgumentException if the name is longer than 64 bytes
     */
    public DhcpMessageBuilder sname(String name) {
        return snameBytes(name.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sets the sname field's bytes as given, zero-padded.
     *
     * @param bytes up to 64 bytes
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} has more than 64 bytes
     */
    public DhcpMessageBuilder snameBytes(byte[] bytes) {
        if (bytes.length > 64) {
            throw new IllegalArgumentException("sname has 64 bytes, got " + bytes.length);
        }
        sname = Arrays.copyOf(bytes, 64);
        return this;
    }

    /**
     * Sets the boot file name field, one byte per char (ISO 8859-1), zero-padded.
     *
     * @param name up to 128 chars
     * @return this builder
     * @throws IllegalArgumentException if the name is longer than 128 bytes
     */
    public DhcpMessageBuilder file(String name) {
        return fileBytes(name.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sets the file field's bytes as given, zero-padded.
     *
     * @param bytes up to 128 bytes
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} has more than 128 bytes
     */
    public DhcpMessageBuilder fileBytes(byte[] bytes) {
        if (bytes.length > 128) {
            throw new IllegalArgumentException("file has 128 bytes, got " + bytes.length);
        }
        file = Arrays.copyOf(bytes, 128);
        return this;
    }

    /**
     * Adds an option, or replaces the option with the same code in its place.
     *
     * @param option the option
     * @return this builder
     * @throws IllegalArgumentException for option 52 (overload): the encoder sets it
     */
    public DhcpMessageBuilder option(DhcpOption option) {
        if (option.code().equals(OptionCode.OPTION_OVERLOAD)) {
            throw new IllegalArgumentException("option 52 is framing: the encoder sets it when it overloads");
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code().equals(option.code())) {
                options.set(i, option);
                return this;
            }
        }
        options.add(option);
        return this;
    }

    /**
     * Adds or replaces each option in turn, as {@link #option(DhcpOption)} does.
     *
     * @param all the options
     * @return this builder
     * @throws IllegalArgumentException if one of them is option 52
     */
    public DhcpMessageBuilder options(List<DhcpOption> all) {
        all.forEach(this::option);
        return this;
    }

    /**
     * Removes the option with this code, if present.
     *
     * @param code the option's code
     * @return this builder
     */
    public DhcpMessageBuilder removeOption(OptionCode code) {
        options.removeIf(o -> o.code().equals(code));
        return this;
    }

    /**
     * Removes every option.
     *
     * @return this builder
     */
    public DhcpMessageBuilder clearOptions() {
        options.clear();
        return this;
    }

    /**
     * Sets the message type (option 53).
     *
     * @param type the message type
     * @return this builder
     */
    public DhcpMessageBuilder messageType(MessageType type) {
        return option(DhcpOptions.messageType(type));
    }

    /** {@return the message; the builder can go on to build others} */
    public DhcpMessage build() {
        return new DhcpMessage(this);
    }

    private static int unsigned(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " " + value + " is outside 0.." + max);
        }
        return value;
    }
}
