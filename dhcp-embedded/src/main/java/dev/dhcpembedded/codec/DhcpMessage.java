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

    /** The op of a message from a client (RFC 2131 §2). */
    public static final int BOOTREQUEST = 1;
    /** The op of a message from a server (RFC 2131 §2). */
    public static final int BOOTREPLY = 2;
    /** The broadcast bit of flags (RFC 2131 §2): the client asks for its replies by broadcast. */
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

    DhcpMessage(DhcpMessageBuilder b) {
        this(b.op, b.htype, b.hlen, b.hops, b.xid, b.secs, b.flags, b.ciaddr, b.yiaddr, b.siaddr, b.giaddr,
                b.chaddr.clone(), b.sname.clone(), b.file.clone(), new ArrayList<>(b.options));
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

    /** {@return a builder of a new message: a BOOTREQUEST for Ethernet, everything else zero} */
    public static DhcpMessageBuilder builder() {
        return new DhcpMessageBuilder();
    }

    /** {@return a builder holding a copy of this message, to change some fields} */
    public DhcpMessageBuilder toBuilder() {
        return new DhcpMessageBuilder(this);
    }

    /** {@return the op: {@link #BOOTREQUEST} (1) or {@link #BOOTREPLY} (2)} */
    public int op() {
        return op;
    }

    /** {@return whether the op is {@link #BOOTREQUEST}} */
    public boolean isRequest() {
        return op == BOOTREQUEST;
    }

    /** {@return the hardware address type, 0 to 255 (1 is Ethernet)} */
    public int htype() {
        return htype;
    }

    /** {@return the hardware address length in bytes, 0 to 16 (6 for Ethernet)} */
    public int hlen() {
        return hlen;
    }

    /** {@return the hops field, 0 to 255: relay agents add one each} */
    public int hops() {
        return hops;
    }

    /** {@return the transaction id (xid), any 32-bit value} */
    public int xid() {
        return xid;
    }

    /** {@return the seconds since the client began the exchange, 0 to 65535} */
    public int secs() {
        return secs;
    }

    /** {@return the flags field, 0 to 0xFFFF; only {@link #FLAG_BROADCAST} is defined} */
    public int flags() {
        return flags;
    }

    /** {@return whether the client set the broadcast flag} */
    public boolean isBroadcast() {
        return (flags & FLAG_BROADCAST) != 0;
    }

    /** {@return the client's address (ciaddr), 0.0.0.0 when not set} */
    public Inet4Address ciaddr() {
        return Ipv4.fromInt(ciaddr);
    }

    /** {@return "your" address (yiaddr): the address a server offers or grants, 0.0.0.0 when not set} */
    public Inet4Address yiaddr() {
        return Ipv4.fromInt(yiaddr);
    }

    /** {@return the next server's address (siaddr), 0.0.0.0 when not set} */
    public Inet4Address siaddr() {
        return Ipv4.fromInt(siaddr);
    }

    /** {@return the relay agent's address (giaddr), 0.0.0.0 when not relayed} */
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

    /** {@return a copy of all 16 bytes of chaddr} */
    public byte[] chaddr() {
        return chaddr.clone();
    }

    /** {@return the first {@code hlen} bytes of chaddr: the client's MAC for Ethernet} */
    public MacAddress clientMac() {
        return MacAddress.of(Arrays.copyOf(chaddr, Math.min(hlen, 16)));
    }

    /** {@return the server host name field, up to its first NUL} */
    public String sname() {
        return MessageText.cString(sname);
    }

    /** {@return a copy of all 64 bytes of the sname field} */
    public byte[] snameBytes() {
        return sname.clone();
    }

    /** {@return the boot file name field, up to its first NUL} */
    public String file() {
        return MessageText.cString(file);
    }

    /** {@return a copy of all 128 bytes of the file field} */
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

    /** {@return the options in wire order, unmodifiable} */
    public List<DhcpOption> options() {
        return options;
    }

    /**
     * The option with this code.
     *
     * @param code the option's code
     * @return the option, or empty when the message does not carry it
     */
    public Optional<DhcpOption> option(OptionCode code) {
        for (int i = 0; i < options.size(); i++) { // indexed: no iterator per lookup on the packet path
            DhcpOption option = options.get(i);
            if (option.code().equals(code)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /**
     * The option with this code.
     *
     * @param code the option's code, 0 to 255
     * @return the option, or empty when the message does not carry it
     * @throws IllegalArgumentException if {@code code} is outside 0..255
     */
    public Optional<DhcpOption> option(int code) {
        return option(OptionCode.of(code));
    }

    /**
     * Whether the message carries an option.
     *
     * @param code the option's code
     * @return whether the option is present
     */
    public boolean hasOption(OptionCode code) {
        return option(code).isPresent();
    }

    // ---- typed views of common options ----

    /** {@return the message type (53), or empty for a plain BOOTP message} */
    public Optional<MessageType> messageType() {
        return option(OptionCode.MESSAGE_TYPE).map(DhcpOption::asMessageType);
    }

    /**
     * Whether the message is of a type.
     *
     * @param type the message type
     * @return whether option 53 holds {@code type}
     */
    public boolean is(MessageType type) {
        return messageType().map(type::equals).orElse(false);
    }

    /** {@return the requested IP address (50)} */
    public Optional<Inet4Address> requestedIpAddress() {
        return option(OptionCode.REQUESTED_IP_ADDRESS).map(DhcpOption::asAddress);
    }

    /** {@return the server identifier (54)} */
    public Optional<Inet4Address> serverIdentifier() {
        return option(OptionCode.SERVER_IDENTIFIER).map(DhcpOption::asAddress);
    }

    /** {@return the subnet mask (1)} */
    public Optional<Inet4Address> subnetMask() {
        return option(OptionCode.SUBNET_MASK).map(DhcpOption::asAddress);
    }

    /** {@return the routers (3), in order; empty without the option} */
    public List<Inet4Address> routers() {
        return option(OptionCode.ROUTER).map(DhcpOption::asAddresses).orElse(List.of());
    }

    /** {@return the domain name servers (6), in order; empty without the option} */
    public List<Inet4Address> domainNameServers() {
        return option(OptionCode.DOMAIN_NAME_SERVER).map(DhcpOption::asAddresses).orElse(List.of());
    }

    /** {@return the host name (12)} */
    public Optional<String> hostname() {
        return option(OptionCode.HOST_NAME).map(DhcpOption::asString);
    }

    /** {@return the domain name (15)} */
    public Optional<String> domainName() {
        return option(OptionCode.DOMAIN_NAME).map(DhcpOption::asString);
    }

    /** {@return the vendor class identifier (60)} */
    public Optional<String> vendorClassIdentifier() {
        return option(OptionCode.VENDOR_CLASS_IDENTIFIER).map(DhcpOption::asString);
    }

    /** {@return the message option (56): a server's or client's error text} */
    public Optional<String> message() {
        return option(OptionCode.MESSAGE).map(DhcpOption::asString);
    }

    /** {@return option 61's bytes, type byte first} */
    public Optional<byte[]> clientIdentifier() {
        return option(OptionCode.CLIENT_IDENTIFIER).map(DhcpOption::value);
    }

    /** {@return the parameter request list (55) in the client's order; empty without the option} */
    public List<OptionCode> parameterRequestList() {
        return option(OptionCode.PARAMETER_REQUEST_LIST).map(DhcpOption::asCodes).orElse(List.of());
    }

    /** {@return the maximum DHCP message size (57) in bytes} */
    public OptionalInt maximumMessageSize() {
        Optional<DhcpOption> option = option(OptionCode.MAXIMUM_MESSAGE_SIZE);
        return option.isPresent() ? OptionalInt.of(option.get().asUint16()) : OptionalInt.empty();
    }

    /** {@return the IP address lease time (51), whole seconds} */
    public Optional<Duration> leaseTime() {
        return option(OptionCode.IP_ADDRESS_LEASE_TIME).map(DhcpOption::asDuration);
    }

    /** {@return the renewal (T1) time (58), whole seconds} */
    public Optional<Duration> renewalTime() {
        return option(OptionCode.RENEWAL_TIME).map(DhcpOption::asDuration);
    }

    /** {@return the rebinding (T2) time (59), whole seconds} */
    public Optional<Duration> rebindingTime() {
        return option(OptionCode.REBINDING_TIME).map(DhcpOption::asDuration);
    }

    /** {@return the client FQDN (81, RFC 4702)} */
    public Optional<ClientFqdn> clientFqdn() {
        return option(OptionCode.CLIENT_FQDN).map(DhcpOption::asClientFqdn);
    }

    /** {@return the relay agent information sub-options (82, RFC 3046); empty without the option} */
    public List<SubOption> relayAgentInformation() {
        return option(OptionCode.RELAY_AGENT_INFORMATION).map(DhcpOption::asSubOptions).orElse(List.of());
    }

    /** {@return whether the message carries rapid commit (80, RFC 4039)} */
    public boolean rapidCommit() {
        return hasOption(OptionCode.RAPID_COMMIT);
    }

    /** {@return IPv6-only preferred (108, RFC 8925): V6ONLY_WAIT} */
    public Optional<Duration> ipv6OnlyPreferred() {
        return option(OptionCode.IPV6_ONLY_PREFERRED).map(DhcpOption::asDuration);
    }

    /** {@return the captive portal URI (114, RFC 8910)} */
    public Optional<String> captivePortal() {
        return option(OptionCode.CAPTIVE_PORTAL).map(DhcpOption::asString);
    }

    /** {@return the MUD URL (161, RFC 8520)} */
    public Optional<String> mudUrl() {
        return option(OptionCode.MUD_URL).map(DhcpOption::asString);
    }

    /** {@return the domain search list (119, RFC 3397); empty without the option} */
    public List<String> domainSearch() {
        return option(OptionCode.DOMAIN_SEARCH).map(DhcpOption::asDomainSearch).orElse(List.of());
    }

    /** {@return the classless static routes (121, RFC 3442); empty without the option} */
    public List<ClasslessRoute> classlessStaticRoutes() {
        return option(OptionCode.CLASSLESS_STATIC_ROUTE).map(DhcpOption::asClasslessRoutes).orElse(List.of());
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
        return MessageText.describe(this);
    }

    // ---- for the builder ----

    int opField() {
        return op;
    }

    int htypeField() {
        return htype;
    }

    int hlenField() {
        return hlen;
    }

    int hopsField() {
        return hops;
    }

    int xidField() {
        return xid;
    }

    int secsField() {
        return secs;
    }

    int flagsField() {
        return flags;
    }

    int ciaddrField() {
        return ciaddr;
    }

    int yiaddrField() {
        return yiaddr;
    }

    int siaddrField() {
        return siaddr;
    }

    int giaddrField() {
        return giaddr;
    }

    byte[] chaddrField() {
        return chaddr;
    }

    byte[] snameField() {
        return sname;
    }

    byte[] fileField() {
        return file;
    }
}
