package dev.dhcpembedded.codec6;

import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The one way DHCPv6 messages and options read as text, in Wireshark's words: every {@code toString} of codec6
 * goes through here. An option reads {@code NAME(code) value}, such as
 * {@code IA_NA(3) iaid=1 T1=1800s T2=2880s [IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s]}; an option
 * without a value (rapid commit) reads {@code NAME(code)}; an option of a code without a reading, or whose bytes
 * do not fit its type, reads {@code NAME(code) 0x} and its value in hex.
 */
final class Dhcp6Text {

    /** Lifetimes and times of this value mean infinity (RFC 8415 section 7.7). */
    private static final long INFINITY = 0xFFFFFFFFL;

    private Dhcp6Text() {
    }

    /** {@code SOLICIT xid=0x00abcd [options]}, or {@code RELAY-FORW hop_count=0 link=.. peer=.. [options]}. */
    static String message(Dhcp6Message m) {
        StringBuilder s = new StringBuilder(m.typeName());
        if (m.isRelay()) {
            s.append(" hop_count=").append(m.hopCount()).append(" link=").append(Ipv6.format(m.linkAddress()))
                    .append(" peer=").append(Ipv6.format(m.peerAddress()));
        } else {
            s.append(String.format(" xid=0x%06x", m.transactionId()));
        }
        return s.append(' ').append(options(m.options())).toString();
    }

    /** {@code [option, option]}. */
    static String options(List<Dhcp6Option> options) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < options.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(option(options.get(i)));
        }
        return s.append(']').toString();
    }

    /** {@code NAME(code) value}, or {@code NAME(code)} for an option that carries nothing. */
    static String option(Dhcp6Option o) {
        String value = value(o);
        return value.isEmpty() ? o.code().toString() : o.code() + " " + value;
    }

    /** The value as people read it; hex for a code without a reading or bytes that do not fit its type. */
    static String value(Dhcp6Option o) {
        try {
            String typed = typed(o);
            if (typed != null) {
                return typed;
            }
        } catch (RuntimeException malformed) {
            // bytes that do not fit the type: shown as they are
        }
        return o.length() == 0 ? "(empty)" : "0x" + o.hex();
    }

    /** The typed reading of a known option, or null for a code without one. */
    private static String typed(Dhcp6Option o) {
        switch (o.number()) {
            case 1: case 2:
                return duid(o.asDuid());
            case 3:
                return iaBody(o.asIaNa().iaid(), o.asIaNa().t1(), o.asIaNa().t2(), o.asIaNa().options());
            case 4:
                return iaTa(o.value());
            case 5:
                return iaAddressBody(o.asIaAddress());
            case 6:
                return o.asCodes().toString();
            case 7:
                return String.valueOf(o.value()[0] & 0xFF);
            case 8:
                return elapsed(Options6.u16(o.value(), 0));
            case 9:
                return "{" + message(o.asRelayMessage()) + "}";
            case 12:
                return exactly16(o);
            case 13:
                return status(o.asStatusCode());
            case 14: case 20:
                return o.length() == 0 ? "" : null;
            case 18:
                return textOrHex(o.value());
            case 19:
                return o.length() == 1 ? Dhcp6MessageType.of(o.value()[0] & 0xFF).map(Dhcp6MessageType::rfcName)
                        .orElse(null) : null;
            case 23: case 31:
                return addresses(o.asAddresses());
            case 24:
                return o.asDomainList().toString();
            case 25:
                return iaBody(o.asIaPd().iaid(), o.asIaPd().t1(), o.asIaPd().t2(), o.asIaPd().options());
            case 26:
                return iaPrefixBody(o.asIaPrefix());
            case 32: case 82: case 83:
                return seconds(o.asU32());
            case 37:
                return remoteId(o.value());
            case 39:
                return fqdn(o.asFqdn());
            case 56:
                return ntp(o.value());
            case 103:
                return '"' + o.asText() + '"';
            default:
                return null;
        }
    }

    // ---- the typed classes' toString ----

    /** {@code IA_NA(3) iaid=1 T1=1800s T2=2880s [IAADDR(5) ...]}. */
    static String iaNa(IaNa ia) {
        return Dhcp6OptionCode.IA_NA + " " + iaBody(ia.iaid(), ia.t1(), ia.t2(), ia.options());
    }

    /** {@code IA_PD(25) iaid=2 T1=1800s T2=2880s [IAPREFIX(26) ...]}. */
    static String iaPd(IaPd ia) {
        return Dhcp6OptionCode.IA_PD + " " + iaBody(ia.iaid(), ia.t1(), ia.t2(), ia.options());
    }

    /** {@code IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s}. */
    static String iaAddress(IaAddress a) {
        return Dhcp6OptionCode.IAADDR + " " + iaAddressBody(a);
    }

    /** {@code IAPREFIX(26) 2001:db8:100::/56 preferred=3600s valid=7200s}. */
    static String iaPrefix(IaPrefix p) {
        return Dhcp6OptionCode.IAPREFIX + " " + iaPrefixBody(p);
    }

    /** {@code NoAddrsAvail "no addresses left"}, or the name alone without a message. */
    static String status(StatusCode s) {
        return s.message().isEmpty() ? s.name() : s.name() + " \"" + s.message() + "\"";
    }

    /** {@code flags=S host.example.com.}: the flags by letter, the name with its root dot when fully qualified. */
    static String fqdn(Dhcp6Fqdn f) {
        StringBuilder flags = new StringBuilder();
        if ((f.flags() & Dhcp6Fqdn.N) != 0) {
            flags.append('N');
        }
        if ((f.flags() & Dhcp6Fqdn.O) != 0) {
            flags.append('O');
        }
        if ((f.flags() & Dhcp6Fqdn.S) != 0) {
            flags.append('S');
        }
        int other = f.flags() & ~(Dhcp6Fqdn.N | Dhcp6Fqdn.O | Dhcp6Fqdn.S);
        if (other != 0) {
            flags.append(flags.length() == 0 ? "" : "|").append(String.format("0x%02x", other));
        }
        String name = f.name().isEmpty() ? "(no name)" : f.fullyQualified() ? f.name() + "." : f.name();
        return "flags=" + (flags.length() == 0 ? "none" : flags) + " " + name;
    }

    /**
     * A DUID by its kind, with its fields: {@code DUID-LLT hw=Ethernet(1) time=2030-01-01T00:00:00Z
     * lladdr=02:00:00:00:00:0a}, {@code DUID-EN enterprise=32473 id=0a0b0c}, {@code DUID-LL hw=Ethernet(1)
     * lladdr=02:00:00:00:00:0a}, {@code DUID-UUID uuid=...}; another type reads {@code DUID type=n id=..} in hex.
     */
    static String duid(Duid d) {
        switch (d.type()) {
            case Duid.LLT:
                return "DUID-LLT hw=" + hardware(d.hardwareType().orElseThrow()) + " time="
                        + d.time().orElseThrow() + " lladdr=" + colons(d.linkLayerAddress().orElseThrow());
            case Duid.EN: {
                byte[] id = d.identifier();
                return "DUID-EN enterprise=" + d.enterpriseNumber().orElseThrow() + " id="
                        + Hex.of(id, 4, id.length - 4);
            }
            case Duid.LL:
                return "DUID-LL hw=" + hardware(d.hardwareType().orElseThrow()) + " lladdr="
                        + colons(d.linkLayerAddress().orElseThrow());
            case Duid.UUID_TYPE:
                return "DUID-UUID uuid=" + d.uuid().orElseThrow();
            default:
                return "DUID type=" + d.type() + " id=" + Hex.of(d.identifier());
        }
    }

    // ---- parts ----

    private static String iaBody(long iaid, long t1, long t2, List<Dhcp6Option> options) {
        return "iaid=" + iaid + " T1=" + seconds(t1) + " T2=" + seconds(t2) + inner(options);
    }

    /** IA_TA (4): an IAID and options, no T1 or T2; there is no typed class for it. */
    private static String iaTa(byte[] value) {
        List<Dhcp6Option> inner = Options6.parse(value, 4, value.length, Options6.Level.IA, "IA_TA");
        return "iaid=" + Options6.u32(value, 0) + inner(inner);
    }

    private static String iaAddressBody(IaAddress a) {
        return Ipv6.format(a.address()) + lifetimes(a.preferredLifetime(), a.validLifetime()) + inner(a.options());
    }

    private static String iaPrefixBody(IaPrefix p) {
        return p.cidr() + lifetimes(p.preferredLifetime(), p.validLifetime()) + inner(p.options());
    }

    private static String lifetimes(long preferred, long valid) {
        return " preferred=" + seconds(preferred) + " valid=" + seconds(valid);
    }

    private static String inner(List<Dhcp6Option> options) {
        return options.isEmpty() ? "" : " " + options(options);
    }

    /** {@code 3600s}, or {@code infinity} for 0xffffffff. */
    static String seconds(long seconds) {
        return seconds == INFINITY ? "infinity" : seconds + "s";
    }

    /** Hundredths of a second as seconds: {@code 1.50s}. */
    private static String elapsed(int hundredths) {
        return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100 + "s";
    }

    private static String addresses(List<Inet6Address> addresses) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < addresses.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(Ipv6.format(addresses.get(i)));
        }
        return s.append(']').toString();
    }

    private static String exactly16(Dhcp6Option o) {
        return o.length() == 16 ? Ipv6.format(Ipv6.read(o.value(), 0)) : null;
    }

    /** {@code enterprise=9 id=0a0b}. */
    private static String remoteId(byte[] v) {
        return v.length < 4 ? null : "enterprise=" + Options6.u32(v, 0) + " id=" + textOrHex(v, 4);
    }

    /** NTP server (56): each sub-option as {@code server=..}, {@code multicast=..}, {@code fqdn=..}. */
    private static String ntp(byte[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i + 4 <= v.length; ) {
            int sub = Options6.u16(v, i);
            int len = Options6.u16(v, i + 2);
            s.append(i == 0 ? "" : ", ");
            if ((sub == 1 || sub == 2) && len == 16) {
                s.append(sub == 1 ? "server=" : "multicast=").append(Ipv6.format(Ipv6.read(v, i + 4)));
            } else if (sub == 3) {
                StringBuilder name = new StringBuilder();
                Names6.readName(v, i + 4, i + 4 + len, "NTP server FQDN", name, false);
                s.append("fqdn=").append(name);
            } else {
                s.append("suboption ").append(sub).append("=0x").append(Hex.of(v, i + 4, len));
            }
            i += 4 + len;
        }
        return s.append(']').toString();
    }

    private static String textOrHex(byte[] v) {
        return textOrHex(v, 0);
    }

    /** The bytes from {@code from} as {@code "text"} when they are printable ASCII, else {@code 0x} and hex. */
    private static String textOrHex(byte[] v, int from) {
        boolean printable = v.length > from;
        for (int i = from; i < v.length && printable; i++) {
            printable = v[i] >= 0x20 && v[i] < 0x7F;
        }
        return printable ? '"' + new String(v, from, v.length - from, StandardCharsets.US_ASCII) + '"'
                : "0x" + Hex.of(v, from, v.length - from);
    }

    private static String colons(byte[] bytes) {
        return Hex.colons(bytes, 0, bytes.length);
    }

    /** Hardware types as IANA names the common ones: {@code Ethernet(1)}. */
    private static String hardware(int type) {
        Optional<String> name = switch (type) {
            case 1 -> Optional.of("Ethernet");
            case 6 -> Optional.of("IEEE802");
            case 32 -> Optional.of("InfiniBand");
            default -> Optional.empty();
        };
        return name.map(n -> n + "(" + type + ")").orElse(String.valueOf(type));
    }
}
