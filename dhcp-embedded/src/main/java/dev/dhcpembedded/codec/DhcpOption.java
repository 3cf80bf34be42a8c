package dev.dhcpembedded.codec;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import dev.dhcpembedded.internal.wire.Ipv4;

/**
 * One DHCP option: its code and value bytes. Values are kept as the bytes seen on the wire, so options of any code
 * survive decode and encode byte for byte. Static factories build typed values; the {@code as...} views read them.
 */
public final class DhcpOption {

    private final OptionCode code;
    private final byte[] value;

    private DhcpOption(OptionCode code, byte[] value) {
        this.code = code;
        this.value = value;
    }

    /** An option with any code from 1 to 254 and any value; long values are split on encode (RFC 3396). */
    public static DhcpOption of(OptionCode code, byte[] value) {
        return create(code, value.clone());
    }

    public static DhcpOption of(int code, byte[] value) {
        return of(OptionCode.of(code), value);
    }

    static DhcpOption create(OptionCode code, byte[] owned) {
        if (code.code() == 0 || code.code() == 255) {
            throw new IllegalArgumentException(code + " is framing, not an option");
        }
        return new DhcpOption(code, owned);
    }

    /** Checks a typed option's value as the decoder would; offset 0 refers to the value's first byte. */
    public DhcpOption validated() {
        OptionValidator.validate(code.code(), value, 0);
        return this;
    }

    // ---- typed factories ----

    public static DhcpOption subnetMask(String mask) {
        return address(OptionCode.SUBNET_MASK, mask);
    }

    public static DhcpOption router(String... routers) {
        return addresses(OptionCode.ROUTER, routers);
    }

    public static DhcpOption domainNameServers(String... servers) {
        return addresses(OptionCode.DOMAIN_NAME_SERVER, servers);
    }

    public static DhcpOption hostname(String name) {
        return text(OptionCode.HOST_NAME, name).validated();
    }

    public static DhcpOption domainName(String name) {
        return text(OptionCode.DOMAIN_NAME, name).validated();
    }

    public static DhcpOption broadcastAddress(String address) {
        return address(OptionCode.BROADCAST_ADDRESS, address);
    }

    public static DhcpOption ntpServers(String... servers) {
        return addresses(OptionCode.NTP_SERVERS, servers);
    }

    public static DhcpOption vendorSpecific(SubOption... subOptions) {
        return create(OptionCode.VENDOR_SPECIFIC, SubOption.encode(List.of(subOptions)));
    }

    public static DhcpOption requestedIpAddress(String address) {
        return address(OptionCode.REQUESTED_IP_ADDRESS, address);
    }

    public static DhcpOption leaseTime(Duration time) {
        return seconds(OptionCode.IP_ADDRESS_LEASE_TIME, time);
    }

    public static DhcpOption messageType(MessageType type) {
        return create(OptionCode.MESSAGE_TYPE, new byte[] {(byte) type.code()});
    }

    public static DhcpOption serverIdentifier(String address) {
        return address(OptionCode.SERVER_IDENTIFIER, address);
    }

    public static DhcpOption parameterRequestList(OptionCode... codes) {
        byte[] bytes = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            bytes[i] = (byte) codes[i].code();
        }
        return create(OptionCode.PARAMETER_REQUEST_LIST, bytes);
    }

    public static DhcpOption parameterRequestList(int... codes) {
        OptionCode[] typed = new OptionCode[codes.length];
        for (int i = 0; i < codes.length; i++) {
            typed[i] = OptionCode.of(codes[i]);
        }
        return parameterRequestList(typed);
    }

    public static DhcpOption message(String text) {
        return text(OptionCode.MESSAGE, text).validated();
    }

    public static DhcpOption maximumMessageSize(int size) {
        if (size < 576 || size > 65535) {
            throw new IllegalArgumentException("maximum message size " + size + " is outside 576..65535");
        }
        return create(OptionCode.MAXIMUM_MESSAGE_SIZE, new byte[] {(byte) (size >>> 8), (byte) size});
    }

    public static DhcpOption renewalTime(Duration time) {
        return seconds(OptionCode.RENEWAL_TIME, time);
    }

    public static DhcpOption rebindingTime(Duration time) {
        return seconds(OptionCode.REBINDING_TIME, time);
    }

    public static DhcpOption vendorClassIdentifier(String vendorClass) {
        return text(OptionCode.VENDOR_CLASS_IDENTIFIER, vendorClass).validated();
    }

    /** Client identifier of {@code type} (1 is Ethernet) and {@code id}. */
    public static DhcpOption clientIdentifier(int type, byte[] id) {
        byte[] bytes = new byte[id.length + 1];
        bytes[0] = (byte) type;
        System.arraycopy(id, 0, bytes, 1, id.length);
        return create(OptionCode.CLIENT_IDENTIFIER, bytes).validated();
    }

    /** The usual client identifier: type 1 (Ethernet) and the MAC. */
    public static DhcpOption clientIdentifier(MacAddress mac) {
        return clientIdentifier(1, mac.bytes());
    }

    public static DhcpOption tftpServerName(String name) {
        return text(OptionCode.TFTP_SERVER_NAME, name).validated();
    }

    public static DhcpOption bootfileName(String name) {
        return text(OptionCode.BOOTFILE_NAME, name).validated();
    }

    public static DhcpOption clientFqdn(ClientFqdn fqdn) {
        return create(OptionCode.CLIENT_FQDN, fqdn.encode());
    }

    public static DhcpOption relayAgentInformation(SubOption... subOptions) {
        return create(OptionCode.RELAY_AGENT_INFORMATION, SubOption.encode(List.of(subOptions))).validated();
    }

    /** Rapid commit (80, RFC 4039): no value; a DISCOVER with it asks for an ACK at once, an ACK with it grants one. */
    public static DhcpOption rapidCommit() {
        return create(OptionCode.RAPID_COMMIT, new byte[0]);
    }

    /**
     * IPv6-only preferred (108, RFC 8925): the client may stop DHCPv4 for {@code v6OnlyWait} (V6ONLY_WAIT; clients
     * use at least 300 s, MIN_V6ONLY_WAIT, whatever is sent).
     */
    public static DhcpOption ipv6OnlyPreferred(Duration v6OnlyWait) {
        return seconds(OptionCode.IPV6_ONLY_PREFERRED, v6OnlyWait);
    }

    /** Captive portal (114, RFC 8910): the URI of the portal's API, e.g. {@code https://portal.example/api}. */
    public static DhcpOption captivePortal(String uri) {
        return uriOption(OptionCode.CAPTIVE_PORTAL, uri);
    }

    /** MUD URL (161, RFC 8520): where the device's Manufacturer Usage Description is, an {@code https} URL. */
    public static DhcpOption mudUrl(String url) {
        return uriOption(OptionCode.MUD_URL, url);
    }

    private static DhcpOption uriOption(OptionCode code, String uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.isEmpty() || uri.length() > 255) {
            throw new IllegalArgumentException(code + " '" + uri + "' must be 1 to 255 characters");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(code + " '" + uri + "' has a character that is not printable"
                        + " US-ASCII at index " + i + "; percent-encode it");
            }
        }
        try {
            if (!new java.net.URI(uri).isAbsolute()) {
                throw new IllegalArgumentException(code + " '" + uri + "' is not an absolute URI (no scheme)");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(code + " '" + uri + "' is not a URI: " + e.getMessage(), e);
        }
        return create(code, uri.getBytes(StandardCharsets.US_ASCII));
    }

    public static DhcpOption domainSearch(String... names) {
        return create(OptionCode.DOMAIN_SEARCH, DomainNames.encodeSearchList(List.of(names)));
    }

    public static DhcpOption classlessStaticRoutes(ClasslessRoute... routes) {
        return create(OptionCode.CLASSLESS_STATIC_ROUTE, ClasslessRoute.encode(List.of(routes)));
    }

    public static DhcpOption address(OptionCode code, String address) {
        byte[] bytes = new byte[4];
        Ipv4.writeInt(bytes, 0, Ipv4.parseInt(address));
        return create(code, bytes);
    }

    public static DhcpOption address(OptionCode code, Inet4Address address) {
        return address(code, Ipv4.toInt(address));
    }

    /** An address option from the address as an int (network order, as {@link Ipv4} uses). */
    static DhcpOption address(OptionCode code, int address) {
        byte[] bytes = new byte[4];
        Ipv4.writeInt(bytes, 0, address);
        return create(code, bytes);
    }

    public static DhcpOption addresses(OptionCode code, String... addresses) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException(code + " needs at least one address");
        }
        byte[] bytes = new byte[4 * addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            Ipv4.writeInt(bytes, 4 * i, Ipv4.parseInt(addresses[i]));
        }
        return create(code, bytes);
    }

    public static DhcpOption text(OptionCode code, String text) {
        return create(code, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static DhcpOption seconds(OptionCode code, Duration time) {
        long seconds = time.getSeconds();
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(code + " of " + time + " does not fit 0..4294967295 seconds");
        }
        return uint32(code, seconds);
    }

    public static DhcpOption uint32(OptionCode code, long value) {
        byte[] bytes = new byte[4];
        Ipv4.writeInt(bytes, 0, (int) value);
        return create(code, bytes);
    }

    // ---- views ----

    public OptionCode code() {
        return code;
    }

    /** A copy of the value bytes. */
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    byte[] valueUnsafe() {
        return value;
    }

    /**
     * Copies the value into {@code destination} at {@code offset}, without allocating: for an encoder that writes
     * options in place.
     *
     * @param destination where the value goes; it needs {@link #length()} bytes from {@code offset}
     * @param offset the first byte written
     */
    public void copyValueTo(byte[] destination, int offset) {
        System.arraycopy(value, 0, destination, offset, value.length);
    }

    public Inet4Address asAddress() {
        requireLength(4);
        return Ipv4.fromInt(Ipv4.readInt(value, 0));
    }

    public List<Inet4Address> asAddresses() {
        if (value.length % 4 != 0) {
            throw new IllegalStateException(code + " of " + value.length + " bytes is not a list of addresses");
        }
        List<Inet4Address> out = new ArrayList<>(value.length / 4);
        for (int i = 0; i < value.length; i += 4) {
            out.add(Ipv4.fromInt(Ipv4.readInt(value, i)));
        }
        return out;
    }

    /** The value as text (bytes 0-255 map to the same chars; a trailing NUL is dropped). */
    public String asString() {
        int end = value.length;
        if (end > 0 && value[end - 1] == 0) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.ISO_8859_1);
    }

    public long asUint32() {
        requireLength(4);
        return Ipv4.readInt(value, 0) & 0xFFFFFFFFL;
    }

    public Duration asDuration() {
        return Duration.ofSeconds(asUint32());
    }

    public int asUint16() {
        requireLength(2);
        return ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
    }

    public int asUint8() {
        requireLength(1);
        return value[0] & 0xFF;
    }

    public MessageType asMessageType() {
        return MessageType.of(asUint8());
    }

    public List<OptionCode> asCodes() {
        List<OptionCode> out = new ArrayList<>(value.length);
        for (byte b : value) {
            out.add(OptionCode.of(b & 0xFF));
        }
        return out;
    }

    public List<SubOption> asSubOptions() {
        return SubOption.parse(value, 0, code.toString());
    }

    public ClientFqdn asClientFqdn() {
        return ClientFqdn.parse(value, 0);
    }

    public List<String> asDomainSearch() {
        return DomainNames.decodeSearchList(value, 0);
    }

    public List<ClasslessRoute> asClasslessRoutes() {
        return ClasslessRoute.parse(value, 0);
    }

    private void requireLength(int length) {
        if (value.length != length) {
            throw new IllegalStateException(code + " has " + value.length + " bytes, not " + length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DhcpOption && ((DhcpOption) other).code.equals(code)
                && Arrays.equals(((DhcpOption) other).value, value);
    }

    @Override
    public int hashCode() {
        return code.hashCode() * 31 + Arrays.hashCode(value);
    }

    /**
     * The value as people read it: addresses dotted, names as text, durations in seconds, anything else as
     * {@code 0x} and hex. Assertion messages and the transcript use it.
     */
    public String valueText() {
        return OptionFormatter.format(this);
    }

    @Override
    public String toString() {
        return code.code() + "=" + valueText();
    }
}
