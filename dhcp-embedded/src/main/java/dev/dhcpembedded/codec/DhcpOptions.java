package dev.dhcpembedded.codec;

import dev.dhcpembedded.internal.wire.Ipv4;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Factories of typed {@link DhcpOption}s, named after the options people use (RFC 2132 and later): {@code
 * DhcpOptions.router("10.20.0.1")}, {@code DhcpOptions.classlessStaticRoutes(route("10.30.0.0/16", "10.20.0.254"))},
 * and the generic ones for any code ({@link #address(OptionCode, String)}, {@link #text(OptionCode, String)},
 * {@link #seconds(OptionCode, Duration)}, ...). Each checks its input and says what is wrong. {@link DhcpOption}
 * itself is the value: its code, its bytes and the {@code as...} readers. Made for a static import.
 */
public final class DhcpOptions {

    private DhcpOptions() {
    }


    /**
     * Subnet mask (1).
     *
     * @param mask a dotted mask such as {@code 255.255.255.0}
     * @return the option
     * @throws IllegalArgumentException if {@code mask} is not an IPv4 literal
     */
    public static DhcpOption subnetMask(String mask) {
        return address(OptionCode.SUBNET_MASK, mask);
    }

    /**
     * Routers (3), in order of preference.
     *
     * @param routers one or more dotted IPv4 addresses
     * @return the option
     * @throws IllegalArgumentException if none is given or one is not an IPv4 literal
     */
    public static DhcpOption router(String... routers) {
        return addresses(OptionCode.ROUTER, routers);
    }

    /**
     * Domain name servers (6), in order of preference.
     *
     * @param servers one or more dotted IPv4 addresses
     * @return the option
     * @throws IllegalArgumentException if none is given or one is not an IPv4 literal
     */
    public static DhcpOption domainNameServers(String... servers) {
        return addresses(OptionCode.DOMAIN_NAME_SERVER, servers);
    }

    /**
     * Host name (12).
     *
     * @param name the name, ISO 8859-1 text without control characters
     * @return the option
     * @throws DhcpCodecException if the name is empty or has a control character
     */
    public static DhcpOption hostname(String name) {
        return text(OptionCode.HOST_NAME, name).validated();
    }

    /**
     * Domain name (15).
     *
     * @param name the domain, e.g. {@code example.test}
     * @return the option
     * @throws DhcpCodecException if the value is not a valid option 15
     */
    public static DhcpOption domainName(String name) {
        return text(OptionCode.DOMAIN_NAME, name).validated();
    }

    /**
     * Broadcast address (28).
     *
     * @param address a dotted IPv4 address
     * @return the option
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public static DhcpOption broadcastAddress(String address) {
        return address(OptionCode.BROADCAST_ADDRESS, address);
    }

    /**
     * NTP servers (42), in order of preference.
     *
     * @param servers one or more dotted IPv4 addresses
     * @return the option
     * @throws IllegalArgumentException if none is given or one is not an IPv4 literal
     */
    public static DhcpOption ntpServers(String... servers) {
        return addresses(OptionCode.NTP_SERVERS, servers);
    }

    /**
     * Vendor-specific information (43) made of sub-options.
     *
     * @param subOptions the sub-options, in order
     * @return the option
     */
    public static DhcpOption vendorSpecific(SubOption... subOptions) {
        return DhcpOption.create(OptionCode.VENDOR_SPECIFIC, SubOption.encode(List.of(subOptions)));
    }

    /**
     * Requested IP address (50).
     *
     * @param address a dotted IPv4 address
     * @return the option
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public static DhcpOption requestedIpAddress(String address) {
        return address(OptionCode.REQUESTED_IP_ADDRESS, address);
    }

    /**
     * IP address lease time (51), in whole seconds.
     *
     * @param time the lease time, 0 to 2^32-1 seconds (0xFFFFFFFF means infinite)
     * @return the option
     * @throws IllegalArgumentException if {@code time} is negative or too long
     */
    public static DhcpOption leaseTime(Duration time) {
        return seconds(OptionCode.IP_ADDRESS_LEASE_TIME, time);
    }

    /**
     * DHCP message type (53).
     *
     * @param type the type
     * @return the option
     */
    public static DhcpOption messageType(MessageType type) {
        return DhcpOption.create(OptionCode.MESSAGE_TYPE, new byte[] {(byte) type.code()});
    }

    /**
     * Server identifier (54).
     *
     * @param address the server's dotted IPv4 address
     * @return the option
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal
     */
    public static DhcpOption serverIdentifier(String address) {
        return address(OptionCode.SERVER_IDENTIFIER, address);
    }

    /**
     * Parameter request list (55): the options a client asks for, in its order.
     *
     * @param codes the codes
     * @return the option
     */
    public static DhcpOption parameterRequestList(OptionCode... codes) {
        byte[] bytes = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            bytes[i] = (byte) codes[i].code();
        }
        return DhcpOption.create(OptionCode.PARAMETER_REQUEST_LIST, bytes);
    }

    /**
     * Parameter request list (55): the options a client asks for, in its order.
     *
     * @param codes the codes, 0 to 255 each
     * @return the option
     * @throws IllegalArgumentException if a code is outside 0..255
     */
    public static DhcpOption parameterRequestList(int... codes) {
        OptionCode[] typed = new OptionCode[codes.length];
        for (int i = 0; i < codes.length; i++) {
            typed[i] = OptionCode.of(codes[i]);
        }
        return parameterRequestList(typed);
    }

    /**
     * Message (56): an error text from a server (in a NAK) or a client (in a DECLINE).
     *
     * @param text the text
     * @return the option
     * @throws DhcpCodecException if the value is not a valid option 56
     */
    public static DhcpOption message(String text) {
        return text(OptionCode.MESSAGE, text).validated();
    }

    /**
     * Interface MTU (26, RFC 2132 §5.1): the MTU the client is to use on the interface.
     *
     * @param mtu the MTU in bytes, 68 to 65535 (RFC 2132's minimum is 68)
     * @return the option
     * @throws IllegalArgumentException if {@code mtu} is outside 68..65535
     */
    public static DhcpOption interfaceMtu(int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("interface MTU " + mtu + " is outside 68..65535 (RFC 2132 §5.1)");
        }
        return uint16(OptionCode.INTERFACE_MTU, mtu);
    }

    /**
     * Maximum DHCP message size (57) the client accepts.
     *
     * @param size the size in bytes, 576 to 65535
     * @return the option
     * @throws IllegalArgumentException if {@code size} is outside 576..65535
     */
    public static DhcpOption maximumMessageSize(int size) {
        if (size < 576 || size > 65535) {
            throw new IllegalArgumentException("maximum message size " + size + " is outside 576..65535");
        }
        return uint16(OptionCode.MAXIMUM_MESSAGE_SIZE, size);
    }

    /**
     * Renewal (T1) time (58), in whole seconds.
     *
     * @param time the time, 0 to 2^32-1 seconds
     * @return the option
     * @throws IllegalArgumentException if {@code time} is negative or too long
     */
    public static DhcpOption renewalTime(Duration time) {
        return seconds(OptionCode.RENEWAL_TIME, time);
    }

    /**
     * Rebinding (T2) time (59), in whole seconds.
     *
     * @param time the time, 0 to 2^32-1 seconds
     * @return the option
     * @throws IllegalArgumentException if {@code time} is negative or too long
     */
    public static DhcpOption rebindingTime(Duration time) {
        return seconds(OptionCode.REBINDING_TIME, time);
    }

    /**
     * Vendor class identifier (60).
     *
     * @param vendorClass the text, e.g. {@code PXEClient:Arch:00000}
     * @return the option
     * @throws DhcpCodecException if the value is not a valid option 60
     */
    public static DhcpOption vendorClassIdentifier(String vendorClass) {
        return text(OptionCode.VENDOR_CLASS_IDENTIFIER, vendorClass).validated();
    }

    /**
     * Client identifier (61) of {@code type} (1 is Ethernet) and {@code id}.
     *
     * @param type the type byte, 0 to 255
     * @param id the identifier bytes after the type
     * @return the option
     * @throws DhcpCodecException if the value is not a valid option 61
     */
    public static DhcpOption clientIdentifier(int type, byte[] id) {
        byte[] bytes = new byte[id.length + 1];
        bytes[0] = (byte) type;
        System.arraycopy(id, 0, bytes, 1, id.length);
        return DhcpOption.create(OptionCode.CLIENT_IDENTIFIER, bytes).validated();
    }

    /**
     * The usual client identifier (61): type 1 (Ethernet) and the MAC.
     *
     * @param mac the client's MAC
     * @return the option
     */
    public static DhcpOption clientIdentifier(MacAddress mac) {
        return clientIdentifier(1, mac.bytes());
    }

    /**
     * TFTP server name (66).
     *
     * @param name the server's name or address as text
     * @return the option
     * @throws DhcpCodecException if the value is not a valid option 66
     */
    public static DhcpOption tftpServerName(String name) {
        return text(OptionCode.TFTP_SERVER_NAME, name).validated();
    }

    /**
     * Bootfile name (67).
     *
     * @param name the file name
     * @return the option
     * @throws DhcpCodecException if the value is not a valid option 67
     */
    public static DhcpOption bootfileName(String name) {
        return text(OptionCode.BOOTFILE_NAME, name).validated();
    }

    /**
     * Client FQDN (81, RFC 4702).
     *
     * @param fqdn the flags and name
     * @return the option
     */
    public static DhcpOption clientFqdn(ClientFqdn fqdn) {
        return DhcpOption.create(OptionCode.CLIENT_FQDN, fqdn.encode());
    }

    /**
     * Relay agent information (82, RFC 3046) made of sub-options such as {@link SubOption#AGENT_CIRCUIT_ID}.
     *
     * @param subOptions the sub-options, in order
     * @return the option
     * @throws DhcpCodecException if the value is not a valid option 82 (e.g. no sub-option)
     */
    public static DhcpOption relayAgentInformation(SubOption... subOptions) {
        return DhcpOption.create(OptionCode.RELAY_AGENT_INFORMATION, SubOption.encode(List.of(subOptions))).validated();
    }

    /**
     * Rapid commit (80, RFC 4039): no value; a DISCOVER with it asks for an ACK at once, an ACK with it grants one.
     *
     * @return the option
     */
    public static DhcpOption rapidCommit() {
        return DhcpOption.create(OptionCode.RAPID_COMMIT, new byte[0]);
    }

    /**
     * IPv6-only preferred (108, RFC 8925): the client may stop DHCPv4 for {@code v6OnlyWait} (V6ONLY_WAIT; clients
     * use at least 300 s, MIN_V6ONLY_WAIT, whatever is sent).
     *
     * @param v6OnlyWait the wait, 0 to 2^32-1 seconds
     * @return the option
     * @throws IllegalArgumentException if {@code v6OnlyWait} is negative or too long
     */
    public static DhcpOption ipv6OnlyPreferred(Duration v6OnlyWait) {
        return seconds(OptionCode.IPV6_ONLY_PREFERRED, v6OnlyWait);
    }

    /**
     * Captive portal (114, RFC 8910): the URI of the portal's API, e.g. {@code https://portal.example/api}.
     *
     * @param uri an absolute URI of 1 to 255 printable US-ASCII characters
     * @return the option
     * @throws IllegalArgumentException if {@code uri} is not such a URI
     */
    public static DhcpOption captivePortal(String uri) {
        return uriOption(OptionCode.CAPTIVE_PORTAL, uri);
    }

    /**
     * MUD URL (161, RFC 8520): where the device's Manufacturer Usage Description is, an {@code https} URL.
     *
     * @param url an absolute URL of 1 to 255 printable US-ASCII characters
     * @return the option
     * @throws IllegalArgumentException if {@code url} is not such a URI
     */
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
        return DhcpOption.create(code, uri.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Domain search list (119, RFC 3397), encoded with name compression.
     *
     * @param names the domains, in order of search
     * @return the option
     * @throws IllegalArgumentException if a name has a label over 63 bytes or is over 255 bytes
     */
    public static DhcpOption domainSearch(String... names) {
        return DhcpOption.create(OptionCode.DOMAIN_SEARCH, DomainNames.encodeSearchList(List.of(names)));
    }

    /**
     * Classless static routes (121, RFC 3442).
     *
     * @param routes the routes, e.g. {@code ClasslessRoute.route("0.0.0.0/0", "10.20.0.1")}
     * @return the option
     */
    public static DhcpOption classlessStaticRoutes(ClasslessRoute... routes) {
        return DhcpOption.create(OptionCode.CLASSLESS_STATIC_ROUTE, ClasslessRoute.encode(List.of(routes)));
    }

    /**
     * An option holding one IPv4 address.
     *
     * @param code the code
     * @param address a dotted IPv4 address
     * @return the option
     * @throws IllegalArgumentException if {@code address} is not an IPv4 literal, or for code 0 or 255
     */
    public static DhcpOption address(OptionCode code, String address) {
        byte[] bytes = new byte[4];
        Ipv4.writeInt(bytes, 0, Ipv4.parseInt(address));
        return DhcpOption.create(code, bytes);
    }

    /**
     * An option holding one IPv4 address.
     *
     * @param code the code
     * @param address the address
     * @return the option
     * @throws IllegalArgumentException for code 0 or 255
     */
    public static DhcpOption address(OptionCode code, Inet4Address address) {
        return address(code, Ipv4.toInt(address));
    }

    /** An address option from the address as an int (network order, as {@link Ipv4} uses). */
    static DhcpOption address(OptionCode code, int address) {
        byte[] bytes = new byte[4];
        Ipv4.writeInt(bytes, 0, address);
        return DhcpOption.create(code, bytes);
    }

    /**
     * An option holding a list of IPv4 addresses.
     *
     * @param code the code
     * @param addresses one or more dotted IPv4 addresses
     * @return the option
     * @throws IllegalArgumentException if none is given or one is not an IPv4 literal, or for code 0 or 255
     */
    public static DhcpOption addresses(OptionCode code, String... addresses) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException(code + " needs at least one address");
        }
        byte[] bytes = new byte[4 * addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            Ipv4.writeInt(bytes, 4 * i, Ipv4.parseInt(addresses[i]));
        }
        return DhcpOption.create(code, bytes);
    }

    /**
     * An option holding text, one byte per char (ISO 8859-1), not validated.
     *
     * @param code the code
     * @param text the text
     * @return the option
     * @throws IllegalArgumentException for code 0 or 255
     */
    public static DhcpOption text(OptionCode code, String text) {
        return DhcpOption.create(code, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * An option holding a time as a 32-bit count of whole seconds.
     *
     * @param code the code
     * @param time the time, 0 to 2^32-1 seconds (the fraction is dropped)
     * @return the option
     * @throws IllegalArgumentException if {@code time} is negative or too long, or for code 0 or 255
     */
    public static DhcpOption seconds(OptionCode code, Duration time) {
        long seconds = time.getSeconds();
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(code + " of " + time + " does not fit 0..4294967295 seconds");
        }
        return uint32(code, seconds);
    }

    /**
     * An option holding a 32-bit unsigned number, network byte order.
     *
     * @param code the code
     * @param value the number; only its low 32 bits are written
     * @return the option
     * @throws IllegalArgumentException for code 0 or 255
     */
    public static DhcpOption uint32(OptionCode code, long value) {
        byte[] bytes = new byte[4];
        Ipv4.writeInt(bytes, 0, (int) value);
        return DhcpOption.create(code, bytes);
    }

    /**
     * An option holding a 16-bit unsigned number, network byte order (e.g. an MTU, option 26; a size, option 57).
     *
     * @param code the code
     * @param value the number, 0 to 65535
     * @return the option
     * @throws IllegalArgumentException if {@code value} is outside 0..65535, or for code 0 or 255
     */
    public static DhcpOption uint16(OptionCode code, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(code + " of " + value + " does not fit 16 bits (0..65535)");
        }
        return DhcpOption.create(code, new byte[] {(byte) (value >>> 8), (byte) value});
    }
}
