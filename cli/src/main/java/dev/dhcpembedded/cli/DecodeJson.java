package dev.dhcpembedded.cli;

import dev.dhcpembedded.codec.IpAddresses;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import java.net.Inet4Address;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The decode verb's JSON lines (SPEC §5), written by hand (the CLI has no JSON library on its class path): fields in
 * the contract's order, strings escaped. Each option is {@code {"code":51,"name":"IP Address Lease Time",
 * "hex":"00000e10","value":3600}}, with the name and typed value of {@link OptionValues} when it knows the option.
 */
final class DecodeJson {

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    private DecodeJson() {
    }

    static String message(int frame, byte[] payload) {
        DhcpMessage m = DhcpCodec.decode(payload);
        StringBuilder out = new StringBuilder(256);
        out.append("{\"frame\":").append(frame);
        out.append(",\"op\":").append(m.op());
        out.append(",\"xid\":\"0x").append(hex(m.xid(), 8)).append('"');
        out.append(",\"flags\":\"0x").append(hex(m.flags(), 4)).append('"');
        address(out, "ciaddr", m.ciaddr());
        address(out, "yiaddr", m.yiaddr());
        address(out, "siaddr", m.siaddr());
        address(out, "giaddr", m.giaddr());
        out.append(",\"chaddr\":\"").append(chaddr(m)).append('"');
        out.append(",\"type\":").append(m.messageType().map(MessageType::name).map(DecodeJson::quote)
                .orElse("null"));
        out.append(",\"options\":[");
        boolean first = true;
        for (DhcpOption option : DhcpCodec.wireOptions(payload)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(out, OptionValues.of(option));
        }
        return out.append("]}").toString();
    }

    /**
     * A DHCPv6 line: {@code "v6":true}, the RFC 8415 type name (null for codes it does not define), then the 24-bit
     * xid, or for RELAY-FORW/RELAY-REPL the hop count and the link and peer addresses (RFC 5952 text); then the
     * top-level options in wire order with their value bytes and typed values (an IA's addresses or prefixes inside
     * its value; a relay message's options stay in its hex).
     */
    static String message6(int frame, byte[] payload) {
        Dhcp6Message m = Dhcp6Codec.decode(payload);
        StringBuilder out = new StringBuilder(256);
        out.append("{\"frame\":").append(frame).append(",\"v6\":true");
        out.append(",\"type\":").append(m.type().map(Dhcp6MessageType::rfcName).map(DecodeJson::quote)
                .orElse("null"));
        if (m.isRelay()) {
            out.append(",\"hop_count\":").append(m.hopCount());
            out.append(",\"link_address\":\"").append(IpAddresses.text(m.linkAddress())).append('"');
            out.append(",\"peer_address\":\"").append(IpAddresses.text(m.peerAddress())).append('"');
        } else {
            out.append(",\"xid\":\"0x").append(hex(m.transactionId(), 6)).append('"');
        }
        out.append(",\"options\":[");
        boolean first = true;
        for (Dhcp6Option option : m.options()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(out, OptionValues.of(option));
        }
        return out.append("]}").toString();
    }

    /** Appends a JSON value: null, a number, a boolean, a string, a list (array) or a map with string keys. */
    static void value(StringBuilder out, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                value(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",").append(quote((String) e.getKey())).append(':');
                value(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else {
            out.append(quote(value.toString()));
        }
    }

    static String error(int frame, DhcpCodecException e) {
        return "{\"frame\":" + frame + ",\"error\":" + quote(e.reason()) + ",\"offset\":" + e.offset() + "}";
    }

    /** A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    /**
     * chaddr as {@code tshark -T json} prints it: an Ethernet or IEEE 802 address of hlen 6 as its 6 bytes
     * (dhcp.hw.mac_addr); any other hlen from 1 to 16 as all 16 bytes of the field (dhcp.hw.addr, whose JSON value
     * is the whole field although {@code -V} shows hlen bytes); hlen 0 as the empty string (tshark prints none).
     */
    static String chaddr(DhcpMessage m) {
        byte[] chaddr = m.chaddr();
        if (m.hlen() == 0) {
            return "";
        }
        boolean mac = m.hlen() == 6 && (m.htype() == 1 || m.htype() == 6);
        return COLONS.formatHex(chaddr, 0, mac ? 6 : 16);
    }

    private static void address(StringBuilder out, String name, Inet4Address address) {
        out.append(",\"").append(name).append("\":\"").append(address.getHostAddress()).append('"');
    }

    private static String hex(int value, int digits) {
        String hex = Integer.toHexString(value);
        return "0".repeat(Math.max(0, digits - hex.length())) + hex;
    }
}
