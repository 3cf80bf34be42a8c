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

/**
 * An immutable DHCPv4 message (RFC 2131 §2): the fixed BOOTP header and the options in wire order, after option
 * overload (52) and long options (RFC 3396) are reassembled. Option 52 itself is framing and never listed.
 */
public final class DhcpMessage {

    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    public static final int FLAG_BROADCAST = 0x8000;


    private final int op;
    private final int htype;
    private final int hlen;
    private final int hops;
    private final int xid;
    private final int secs;
    private final int flags;
    private final int ciaddr;
    private final int yiaddr;
    private final int siaddr;
    private final int giaddr;
    private final byte[] chaddr;
    private final byte[] sname;
    private final byte[] file;
    private final List<DhcpOption> options;

    private DhcpMessage(Builder b) {
        this.op = b.op;
        this.htype = b.htype;
        this.hlen = b.hlen;
        this.hops = b.hops;
        this.xid = b.xid;
        this.secs = b.secs;
        this.flags = b.flags;
        this.ciaddr = b.ciaddr;
        this.yiaddr = b.yiaddr;
        this.siaddr = b.siaddr;
        this.giaddr = b.giaddr;
        this.chaddr = b.chaddr.clone();
        this.sname = b.sname.clone();
        this.file = b.file.clone();
        this.options = Collections.unmodifiableList(new ArrayList<>(b.options));
    }

    /** The decoder's way in: takes ownership of the arrays (16, 64 and 128 bytes) and of the list. */
    DhcpMessage(int op, int htype, int hlen, int hops, int xid, int secs, int flags, int ciaddr, int yiaddr,
                int siaddr, int giaddr, byte[] chaddr, byte[] sname, byte[] file, List<DhcpOption> options) {
        this.op = op;
        this.htype = htype;
        this.hlen = hlen;
        this.hops = hops;
        this.xid = xid;
        this.secs = secs;
        this.flags = flags;
        this.ciaddr = ciaddr;
        this.yiaddr = yiaddr;
        this.siaddr = siaddr;
        this.giaddr = giaddr;
        this.chaddr = chaddr;
        this.sname = sname;
        this.file = file;
        this.options = Collections.unmodifiableList(options);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public int op() {
        return op;
    }

    public boolean isRequest() {
        return op == BOOTREQUEST;
    }

    public int htype() {
        return htype;
    }

    public int hlen() {
        return hlen;
    }

    public int hops() {
        return hops;
    }

    public int xid() {
        return xid;
    }

    public int secs() {
        return secs;
    }

    public int flags() {
        return flags;
    }

    public boolean isBroadcast() {
        return (flags & FLAG_BROADCAST) != 0;
    }

    public Inet4Address ciaddr() {
        return Ipv4.fromInt(ciaddr);
    }

    public Inet4Address yiaddr() {
        return Ipv4.fromInt(yiaddr);
    }

    public Inet4Address siaddr() {
        return Ipv4.fromInt(siaddr);
    }

    public Inet4Address giaddr() {
        return Ipv4.fromInt(giaddr);
    }

    int ciaddrAsInt() {
        return ciaddr;
    }

    int yiaddrAsInt() {
        return yiaddr;
    }

    int siaddrAsInt() {
        return siaddr;
    }

    int giaddrAsInt() {
        return giaddr;
    }

    /** All 16 bytes of chaddr. */
    public byte[] chaddr() {
        return chaddr.clone();
    }

    /** The first {@code hlen} bytes of chaddr: the client's MAC for Ethernet. */
    public MacAddress clientMac() {
        return MacAddress.of(Arrays.copyOf(chaddr, Math.min(hlen, 16)));
    }

    /** The server host name field, up to its first NUL. */
    public String sname() {
        return cString(sname);
    }

    public byte[] snameBytes() {
        return sname.clone();
    }

    /** The boot file name field, up to its first NUL. */
    public String file() {
        return cString(file);
    }

    public byte[] fileBytes() {
        return file.clone();
    }

    byte[] chaddrUnsafe() {
        return chaddr;
    }

    byte[] snameUnsafe() {
        return sname;
    }

    byte[] fileUnsafe() {
        return file;
    }

    /** The options in wire order. */
    public List<DhcpOption> options() {
        return options;
    }

    public Optional<DhcpOption> option(OptionCode code) {
        for (int i = 0; i < options.size(); i++) { // indexed: no iterator per lookup on the packet path
            DhcpOption option = options.get(i);
            if (option.code().equals(code)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    public Optional<DhcpOption> option(int code) {
        return option(OptionCode.of(code));
    }

    public boolean hasOption(OptionCode code) {
        return option(code).isPresent();
    }

    // ---- typed views of common options ----

    public Optional<MessageType> messageType() {
        return option(OptionCode.MESSAGE_TYPE).map(DhcpOption::asMessageType);
    }

    public boolean is(MessageType type) {
        return messageType().map(type::equals).orElse(false);
    }

    public Optional<Inet4Address> requestedIpAddress() {
        return option(OptionCode.REQUESTED_IP_ADDRESS).map(DhcpOption::asAddress);
    }

    public Optional<Inet4Address> serverIdentifier() {
        return option(OptionCode.SERVER_IDENTIFIER).map(DhcpOption::asAddress);
    }

    public Optional<Inet4Address> subnetMask() {
        return option(OptionCode.SUBNET_MASK).map(DhcpOption::asAddress);
    }

    public List<Inet4Address> routers() {
        return option(OptionCode.ROUTER).map(DhcpOption::asAddresses).orElse(List.of());
    }

    public List<Inet4Address> domainNameServers() {
        return option(OptionCode.DOMAIN_NAME_SERVER).map(DhcpOption::asAddresses).orElse(List.of());
    }

    public Optional<String> hostname() {
        return option(OptionCode.HOST_NAME).map(DhcpOption::asString);
    }

    public Optional<String> domainName() {
        return option(OptionCode.DOMAIN_NAME).map(DhcpOption::asString);
    }

    public Optional<String> vendorClassIdentifier() {
        return option(OptionCode.VENDOR_CLASS_IDENTIFIER).map(DhcpOption::asString);
    }

    public Optional<String> message() {
        return option(OptionCode.MESSAGE).map(DhcpOption::asString);
    }

    /** Option 61's bytes, type byte first. */
    public Optional<byte[]> clientIdentifier() {
        return option(OptionCode.CLIENT_IDENTIFIER).map(DhcpOption::value);
    }

    public List<OptionCode> parameterRequestList() {
        return option(OptionCode.PARAMETER_REQUEST_LIST).map(DhcpOption::asCodes).orElse(List.of());
    }

    public OptionalInt maximumMessageSize() {
        Optional<DhcpOption> option = option(OptionCode.MAXIMUM_MESSAGE_SIZE);
        return option.isPresent() ? OptionalInt.of(option.get().asUint16()) : OptionalInt.empty();
    }

    public Optional<Duration> leaseTime() {
        return option(OptionCode.IP_ADDRESS_LEASE_TIME).map(DhcpOption::asDuration);
    }

    public Optional<Duration> renewalTime() {
        return option(OptionCode.RENEWAL_TIME).map(DhcpOption::asDuration);
    }

    public Optional<Duration> rebindingTime() {
        return option(OptionCode.REBINDING_TIME).map(DhcpOption::asDuration);
    }

    public Optional<ClientFqdn> clientFqdn() {
        return option(OptionCode.CLIENT_FQDN).map(DhcpOption::asClientFqdn);
    }

    public List<SubOption> relayAgentInformation() {
        return option(OptionCode.RELAY_AGENT_INFORMATION).map(DhcpOption::asSubOptions).orElse(List.of());
    }

    /** Whether the message carries rapid commit (80, RFC 4039). */
    public boolean rapidCommit() {
        return hasOption(OptionCode.RAPID_COMMIT);
    }

    /** IPv6-only preferred (108, RFC 8925): V6ONLY_WAIT. */
    public Optional<Duration> ipv6OnlyPreferred() {
        return option(OptionCode.IPV6_ONLY_PREFERRED).map(DhcpOption::asDuration);
    }

    /** Captive portal (114, RFC 8910): the URI. */
    public Optional<String> captivePortal() {
        return option(OptionCode.CAPTIVE_PORTAL).map(DhcpOption::asString);
    }

    /** MUD URL (161, RFC 8520). */
    public Optional<String> mudUrl() {
        return option(OptionCode.MUD_URL).map(DhcpOption::asString);
    }

    public List<String> domainSearch() {
        return option(OptionCode.DOMAIN_SEARCH).map(DhcpOption::asDomainSearch).orElse(List.of());
    }

    public List<ClasslessRoute> classlessStaticRoutes() {
        return option(OptionCode.CLASSLESS_STATIC_ROUTE).map(DhcpOption::asClasslessRoutes).orElse(List.of());
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DhcpMessage)) {
            return false;
        }
        DhcpMessage m = (DhcpMessage) other;
        return op == m.op && htype == m.htype && hlen == m.hlen && hops == m.hops && xid == m.xid
                && secs == m.secs && flags == m.flags && ciaddr == m.ciaddr && yiaddr == m.yiaddr
                && siaddr == m.siaddr && giaddr == m.giaddr && Arrays.equals(chaddr, m.chaddr)
                && Arrays.equals(sname, m.sname) && Arrays.equals(file, m.file) && options.equals(m.options);
    }

    @Override
    public int hashCode() {
        return ((xid * 31 + Arrays.hashCode(chaddr)) * 31 + options.hashCode()) * 31 + ciaddr + yiaddr;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("DhcpMessage{");
        out.append(messageType().map(MessageType::name).orElse(op == BOOTREPLY ? "BOOTREPLY" : "BOOTREQUEST"));
        out.append(String.format(" xid=0x%08x chaddr=%s", xid, clientMac()));
        appendAddress(out, "ciaddr", ciaddr);
        appendAddress(out, "yiaddr", yiaddr);
        appendAddress(out, "siaddr", siaddr);
        appendAddress(out, "giaddr", giaddr);
        if (flags != 0) {
            out.append(String.format(" flags=0x%04x", flags));
        }
        if (secs != 0) {
            out.append(" secs=").append(secs);
        }
        out.append(" options=").append(options).append('}');
        return out.toString();
    }

    private static void appendAddress(StringBuilder out, String name, int address) {
        if (address != 0) {
            out.append(' ').append(name).append('=').append(Ipv4.toString(address));
        }
    }

    /** Builds a message; defaults are a BOOTREQUEST for Ethernet (htype 1, hlen 6) with everything else zero. */
    public static final class Builder {
        private int op = BOOTREQUEST;
        private int htype = 1;
        private int hlen = 6;
        private int hops;
        private int xid;
        private int secs;
        private int flags;
        private int ciaddr;
        private int yiaddr;
        private int siaddr;
        private int giaddr;
        private byte[] chaddr = new byte[16];
        private byte[] sname = new byte[64];
        private byte[] file = new byte[128];
        private final List<DhcpOption> options = new ArrayList<>();

        private Builder() {
        }

        private Builder(DhcpMessage m) {
            op = m.op;
            htype = m.htype;
            hlen = m.hlen;
            hops = m.hops;
            xid = m.xid;
            secs = m.secs;
            flags = m.flags;
            ciaddr = m.ciaddr;
            yiaddr = m.yiaddr;
            siaddr = m.siaddr;
            giaddr = m.giaddr;
            chaddr = m.chaddr.clone();
            sname = m.sname.clone();
            file = m.file.clone();
            options.addAll(m.options);
        }

        public Builder op(int op) {
            if (op != BOOTREQUEST && op != BOOTREPLY) {
                throw new IllegalArgumentException("op " + op + " is neither BOOTREQUEST (1) nor BOOTREPLY (2)");
            }
            this.op = op;
            return this;
        }

        public Builder htype(int htype) {
            this.htype = unsigned(htype, 0xFF, "htype");
            return this;
        }

        public Builder hlen(int hlen) {
            if (hlen < 0 || hlen > 16) {
                throw new IllegalArgumentException("hlen " + hlen + " is outside 0..16");
            }
            this.hlen = hlen;
            return this;
        }

        public Builder hops(int hops) {
            this.hops = unsigned(hops, 0xFF, "hops");
            return this;
        }

        public Builder xid(int xid) {
            this.xid = xid;
            return this;
        }

        public Builder secs(int secs) {
            this.secs = unsigned(secs, 0xFFFF, "secs");
            return this;
        }

        public Builder flags(int flags) {
            this.flags = unsigned(flags, 0xFFFF, "flags");
            return this;
        }

        public Builder broadcast(boolean broadcast) {
            flags = broadcast ? flags | FLAG_BROADCAST : flags & ~FLAG_BROADCAST;
            return this;
        }

        public Builder ciaddr(String address) {
            return ciaddr(Ipv4.parseInt(address));
        }

        public Builder ciaddr(Inet4Address address) {
            return ciaddr(Ipv4.toInt(address));
        }

        Builder ciaddr(int address) {
            this.ciaddr = address;
            return this;
        }

        public Builder yiaddr(String address) {
            return yiaddr(Ipv4.parseInt(address));
        }

        public Builder yiaddr(Inet4Address address) {
            return yiaddr(Ipv4.toInt(address));
        }

        Builder yiaddr(int address) {
            this.yiaddr = address;
            return this;
        }

        public Builder siaddr(String address) {
            return siaddr(Ipv4.parseInt(address));
        }

        public Builder siaddr(Inet4Address address) {
            return siaddr(Ipv4.toInt(address));
        }

        Builder siaddr(int address) {
            this.siaddr = address;
            return this;
        }

        public Builder giaddr(String address) {
            return giaddr(Ipv4.parseInt(address));
        }

        public Builder giaddr(Inet4Address address) {
            return giaddr(Ipv4.toInt(address));
        }

        Builder giaddr(int address) {
            this.giaddr = address;
            return this;
        }

        /** Sets chaddr and hlen from the MAC. */
        public Builder chaddr(MacAddress mac) {
            byte[] bytes = mac.bytes();
            chaddr = Arrays.copyOf(bytes, 16);
            hlen = bytes.length;
            return this;
        }

        public Builder chaddr(String mac) {
            return chaddr(MacAddress.parse(mac));
        }

        /** Sets all 16 bytes of chaddr as given (shorter arrays are zero-padded); hlen is left alone. */
        public Builder chaddrBytes(byte[] bytes) {
            if (bytes.length > 16) {
                throw new IllegalArgumentException("chaddr has 16 bytes, got " + bytes.length);
            }
            chaddr = Arrays.copyOf(bytes, 16);
            return this;
        }

        public Builder sname(String name) {
            return snameBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        }

        public Builder snameBytes(byte[] bytes) {
            if (bytes.length > 64) {
                throw new IllegalArgumentException("sname has 64 bytes, got " + bytes.length);
            }
            sname = Arrays.copyOf(bytes, 64);
            return this;
        }

        public Builder file(String name) {
            return fileBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        }

        public Builder fileBytes(byte[] bytes) {
            if (bytes.length > 128) {
                throw new IllegalArgumentException("file has 128 bytes, got " + bytes.length);
            }
            file = Arrays.copyOf(bytes, 128);
            return this;
        }

        /** Adds an option, or replaces the option with the same code in its place. */
        public Builder option(DhcpOption option) {
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

        public Builder options(List<DhcpOption> all) {
            all.forEach(this::option);
            return this;
        }

        public Builder removeOption(OptionCode code) {
            options.removeIf(o -> o.code().equals(code));
            return this;
        }

        public Builder clearOptions() {
            options.clear();
            return this;
        }

        public Builder messageType(MessageType type) {
            return option(DhcpOption.messageType(type));
        }

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
}
