package dev.dhcpembedded.cli;

import dev.dhcpembedded.codec.ClasslessRoute;
import dev.dhcpembedded.codec.ClientFqdn;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.IpAddresses;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec.SubOption;
import dev.dhcpembedded.codec6.Dhcp6Fqdn;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The decode verb's view of an option: the name Wireshark gives it, and its value typed for JSON (a number, a
 * string, an address as text, a list or an object), read with the codecs' typed accessors. An option without a name
 * here gets neither; one whose value has no typed form, or does not parse as its type, gets its name only (its hex
 * is always written).
 */
final class OptionValues {

    /** A known option: its Wireshark name and how to read its value (null: hex only). */
    private record Known<O>(String name, Function<O, Object> value) {
    }

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");
    private static final Map<Integer, Known<DhcpOption>> V4 = new LinkedHashMap<>();
    private static final Map<Integer, Known<Dhcp6Option>> V6 = new LinkedHashMap<>();

    static {
        v4(OptionCode.SUBNET_MASK, "Subnet Mask", o -> text(o.asAddress()));
        v4(OptionCode.TIME_OFFSET, "Time Offset", o -> (int) o.asUint32());
        v4(OptionCode.ROUTER, "Router", o -> texts(o.asAddresses()));
        v4(OptionCode.DOMAIN_NAME_SERVER, "Domain Name Server", o -> texts(o.asAddresses()));
        v4(OptionCode.HOST_NAME, "Host Name", DhcpOption::asString);
        v4(OptionCode.DOMAIN_NAME, "Domain Name", DhcpOption::asString);
        v4(OptionCode.INTERFACE_MTU, "Interface MTU", DhcpOption::asUint16);
        v4(OptionCode.BROADCAST_ADDRESS, "Broadcast Address", o -> text(o.asAddress()));
        v4(OptionCode.NTP_SERVERS, "Network Time Protocol Servers", o -> texts(o.asAddresses()));
        v4(OptionCode.VENDOR_SPECIFIC, "Vendor-Specific Information",
                o -> o.asSubOptions().stream().map(OptionValues::subOption).toList());
        v4(OptionCode.REQUESTED_IP_ADDRESS, "Requested IP Address", o -> text(o.asAddress()));
        v4(OptionCode.IP_ADDRESS_LEASE_TIME, "IP Address Lease Time", DhcpOption::asUint32);
        v4(OptionCode.OPTION_OVERLOAD, "Option Overload", DhcpOption::asUint8);
        v4(OptionCode.MESSAGE_TYPE, "DHCP Message Type", o -> o.asMessageType().name());
        v4(OptionCode.SERVER_IDENTIFIER, "DHCP Server Identifier", o -> text(o.asAddress()));
        v4(OptionCode.PARAMETER_REQUEST_LIST, "Parameter Request List",
                o -> o.asCodes().stream().map(OptionCode::code).toList());
        v4(OptionCode.MESSAGE, "Message", DhcpOption::asString);
        v4(OptionCode.MAXIMUM_MESSAGE_SIZE, "Maximum DHCP Message Size", DhcpOption::asUint16);
        v4(OptionCode.RENEWAL_TIME, "Renewal Time Value", DhcpOption::asUint32);
        v4(OptionCode.REBINDING_TIME, "Rebinding Time Value", DhcpOption::asUint32);
        v4(OptionCode.VENDOR_CLASS_IDENTIFIER, "Vendor class identifier", DhcpOption::asString);
        v4(OptionCode.CLIENT_IDENTIFIER, "Client identifier", null);
        v4(OptionCode.TFTP_SERVER_NAME, "TFTP Server Name", DhcpOption::asString);
        v4(OptionCode.BOOTFILE_NAME, "Bootfile name", DhcpOption::asString);
        v4(OptionCode.RAPID_COMMIT, "Rapid commit", o -> o.length() == 0 ? Boolean.TRUE : null);
        v4(OptionCode.CLIENT_FQDN, "Client Fully Qualified Domain Name", o -> fqdn(o.asClientFqdn()));
        v4(OptionCode.RELAY_AGENT_INFORMATION, "Agent Information Option",
                o -> o.asSubOptions().stream().map(OptionValues::subOption).toList());
        v4(OptionCode.IPV6_ONLY_PREFERRED, "IPv6-Only Preferred", DhcpOption::asUint32);
        v4(OptionCode.CAPTIVE_PORTAL, "DHCP Captive-Portal", DhcpOption::asString);
        v4(OptionCode.DOMAIN_SEARCH, "Domain Search", DhcpOption::asDomainSearch);
        v4(OptionCode.CLASSLESS_STATIC_ROUTE, "Classless Static Route",
                o -> o.asClasslessRoutes().stream().map(OptionValues::route).toList());
        v4(OptionCode.MUD_URL, "Manufacturer Usage Description", DhcpOption::asString);

        v6(Dhcp6OptionCode.CLIENTID, "Client Identifier", o -> duid(o.asDuid()));
        v6(Dhcp6OptionCode.SERVERID, "Server Identifier", o -> duid(o.asDuid()));
        v6(Dhcp6OptionCode.IA_NA, "Identity Association for Non-temporary Address", o -> iaNa(o.asIaNa()));
        v6(Dhcp6OptionCode.IA_TA, "Identity Association for Temporary Address", null);
        v6(Dhcp6OptionCode.IAADDR, "IA Address", o -> iaAddress(o.asIaAddress()));
        v6(Dhcp6OptionCode.ORO, "Option Request", o -> o.asCodes().stream().map(Dhcp6OptionCode::code).toList());
        v6(Dhcp6OptionCode.PREFERENCE, "Preference", o -> o.length() == 1 ? o.value()[0] & 0xFF : null);
        v6(Dhcp6OptionCode.ELAPSED_TIME, "Elapsed time", o -> o.length() == 2 ? u16(o.value()) : null);
        v6(Dhcp6OptionCode.RELAY_MSG, "Relay Message", null);
        v6(Dhcp6OptionCode.AUTH, "Authentication", null);
        v6(Dhcp6OptionCode.UNICAST, "Server unicast", o -> text(o.asAddresses().get(0)));
        v6(Dhcp6OptionCode.STATUS_CODE, "Status code", o -> status(o.asStatusCode()));
        v6(Dhcp6OptionCode.RAPID_COMMIT, "Rapid Commit", o -> o.length() == 0 ? Boolean.TRUE : null);
        v6(Dhcp6OptionCode.USER_CLASS, "User Class", null);
        v6(Dhcp6OptionCode.VENDOR_CLASS, "Vendor Class", null);
        v6(Dhcp6OptionCode.VENDOR_OPTS, "Vendor-specific Information", null);
        v6(Dhcp6OptionCode.INTERFACE_ID, "Interface-Id", null);
        v6(Dhcp6OptionCode.RECONF_MSG, "Reconfigure Message", o -> o.length() == 1 ? o.value()[0] & 0xFF : null);
        v6(Dhcp6OptionCode.RECONF_ACCEPT, "Reconfigure Accept", o -> o.length() == 0 ? Boolean.TRUE : null);
        v6(Dhcp6OptionCode.DNS_SERVERS, "DNS recursive name server", o -> texts(o.asAddresses()));
        v6(Dhcp6OptionCode.DOMAIN_LIST, "Domain Search List", Dhcp6Option::asDomainList);
        v6(Dhcp6OptionCode.IA_PD, "Identity Association for Prefix Delegation", o -> iaPd(o.asIaPd()));
        v6(Dhcp6OptionCode.IAPREFIX, "IA Prefix", o -> iaPrefix(o.asIaPrefix()));
        v6(Dhcp6OptionCode.SNTP_SERVERS, "Simple Network Time Protocol Server", o -> texts(o.asAddresses()));
        v6(Dhcp6OptionCode.INFORMATION_REFRESH_TIME, "Information Refresh Time", Dhcp6Option::asU32);
        v6(Dhcp6OptionCode.REMOTE_ID, "Remote Identifier", null);
        v6(Dhcp6OptionCode.CLIENT_FQDN, "Fully Qualified Domain Name", o -> fqdn(o.asFqdn()));
        v6(Dhcp6OptionCode.NTP_SERVER, "NTP Server", o -> texts(o.asNtpServerAddresses()));
        v6(Dhcp6OptionCode.SOL_MAX_RT, "SOL_MAX_RT", Dhcp6Option::asU32);
        v6(Dhcp6OptionCode.INF_MAX_RT, "INF_MAX_RT", Dhcp6Option::asU32);
        v6(Dhcp6OptionCode.CAPTIVE_PORTAL, "DHCP Captive-Portal", Dhcp6Option::asText);
    }

    private OptionValues() {
    }

    /** {@code {"code":..,"name":..,"hex":..,"value":..}} of a DHCPv4 option, name and value when known. */
    static Map<String, Object> of(DhcpOption option) {
        return entry(option.code().code(), HexFormat.of().formatHex(option.value()), V4.get(option.code().code()),
                option);
    }

    /** {@code {"code":..,"name":..,"hex":..,"value":..}} of a DHCPv6 option, name and value when known. */
    static Map<String, Object> of(Dhcp6Option option) {
        return entry(option.code().code(), option.hex(), V6.get(option.code().code()), option);
    }

    private static <O> Map<String, Object> entry(int code, String hex, Known<O> known, O option) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        if (known != null) {
            out.put("name", known.name());
        }
        out.put("hex", hex);
        if (known != null && known.value() != null) {
            Object value;
            try {
                value = known.value().apply(option);
            } catch (RuntimeException notOfItsType) {
                value = null; // the hex says it all
            }
            if (value != null) {
                out.put("value", value);
            }
        }
        return out;
    }

    private static void v4(OptionCode code, String name, Function<DhcpOption, Object> value) {
        V4.put(code.code(), new Known<>(name, value));
    }

    private static void v6(Dhcp6OptionCode code, String name, Function<Dhcp6Option, Object> value) {
        V6.put(code.code(), new Known<>(name, value));
    }

    private static String text(InetAddress address) {
        return IpAddresses.text(address);
    }

    private static List<String> texts(List<? extends InetAddress> addresses) {
        return addresses.stream().map(OptionValues::text).toList();
    }

    private static int u16(byte[] b) {
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    private static Map<String, Object> fqdn(ClientFqdn fqdn) {
        return object("flags", fqdn.flags(), "name", fqdn.name());
    }

    private static Map<String, Object> fqdn(Dhcp6Fqdn fqdn) {
        return object("flags", fqdn.flags(), "name", fqdn.name());
    }

    private static Map<String, Object> subOption(SubOption sub) {
        return object("code", sub.code(), "hex", HexFormat.of().formatHex(sub.value()));
    }

    private static Map<String, Object> route(ClasslessRoute route) {
        return object("destination", route.destination(), "router", route.router());
    }

    private static Map<String, Object> duid(Duid duid) {
        Map<String, Object> out = object("type", duid.type());
        duid.hardwareType().ifPresent(t -> out.put("hardware_type", t));
        duid.time().ifPresent(t -> out.put("time", t.toString()));
        duid.linkLayerAddress().ifPresent(a -> out.put("link_layer_address", COLONS.formatHex(a)));
        duid.enterpriseNumber().ifPresent(n -> out.put("enterprise_number", n));
        duid.uuid().ifPresent(u -> out.put("uuid", u.toString()));
        byte[] identifier = duid.identifier();
        if (duid.enterpriseNumber().isPresent()) {
            out.put("identifier", COLONS.formatHex(identifier, 4, identifier.length));
        } else if (out.size() == 1) {
            out.put("identifier", COLONS.formatHex(identifier)); // a type this view does not know
        }
        return out;
    }

    private static Map<String, Object> status(StatusCode status) {
        return object("code", status.code().value(), "name", status.code().name(), "message", status.message());
    }

    private static Map<String, Object> iaNa(IaNa ia) {
        Map<String, Object> out = object("iaid", ia.iaid(), "t1", ia.t1(), "t2", ia.t2());
        out.put("addresses", ia.addresses().stream().map(OptionValues::iaAddress).toList());
        ia.status().ifPresent(s -> out.put("status", status(s)));
        return out;
    }

    private static Map<String, Object> iaPd(IaPd ia) {
        Map<String, Object> out = object("iaid", ia.iaid(), "t1", ia.t1(), "t2", ia.t2());
        out.put("prefixes", ia.prefixes().stream().map(OptionValues::iaPrefix).toList());
        ia.status().ifPresent(s -> out.put("status", status(s)));
        return out;
    }

    private static Map<String, Object> iaAddress(IaAddress a) {
        Map<String, Object> out = object("address", text(a.address()), "preferred_lifetime", a.preferredLifetime(),
                "valid_lifetime", a.validLifetime());
        a.status().ifPresent(s -> out.put("status", status(s)));
        return out;
    }

    private static Map<String, Object> iaPrefix(IaPrefix p) {
        Map<String, Object> out = object("prefix", p.cidr(), "preferred_lifetime", p.preferredLifetime(),
                "valid_lifetime", p.validLifetime());
        p.status().ifPresent(s -> out.put("status", status(s)));
        return out;
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
