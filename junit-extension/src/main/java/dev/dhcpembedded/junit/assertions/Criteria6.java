package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The criteria of the DHCPv6 message assertions, the twin of {@link Criteria}: each knows how to print itself side
 * by side. Values print as the codec's {@code toString} prints them ({@code DUID-LL hw=Ethernet(1) lladdr=..},
 * {@code IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s}); a relayed message is judged by the message inside
 * its relay layers.
 */
final class Criteria6 {

    private Criteria6() {
    }

    static Criterion type(Dhcp6MessageType type) {
        Objects.requireNonNull(type, "message type");
        String name = type.rfcName();
        return Criterion.message6(("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name, "message type", name,
                Dhcp6Message::typeName, m -> m.is(type), 3);
    }

    /** The client identifier (1) is {@code duid}; {@code preposition} is {@code from} or {@code to}. */
    static Criterion clientId(String preposition, Duid duid) {
        Objects.requireNonNull(duid, "duid");
        return Criterion.message6(preposition + " " + duid, Dhcp6OptionCode.CLIENTID.toString(), duid.toString(),
                m -> m.clientId().map(Duid::toString).orElse(Criteria.ABSENT),
                m -> m.clientId().map(duid::equals).orElse(false), 2);
    }

    static Criterion serverId(Duid duid) {
        Objects.requireNonNull(duid, "duid");
        return Criterion.message6("with server id " + duid, Dhcp6OptionCode.SERVERID.toString(), duid.toString(),
                m -> m.serverId().map(Duid::toString).orElse(Criteria.ABSENT),
                m -> m.serverId().map(duid::equals).orElse(false));
    }

    static Criterion xid(int xid) {
        String expected = String.format("0x%06x", xid);
        return Criterion.message6("with transaction id " + expected, "transaction id", expected,
                m -> String.format("0x%06x", m.transactionId()), m -> m.transactionId() == xid);
    }

    static Criterion option(Dhcp6OptionCode code) {
        return Criterion.message6("with " + code, code.toString(), "present", m -> shown(m, code),
                m -> m.hasOption(code));
    }

    static Criterion noOption(Dhcp6OptionCode code) {
        return Criterion.message6("without " + code, code.toString(), Criteria.ABSENT, m -> shown(m, code),
                m -> !m.hasOption(code));
    }

    /** An IA_NA, of {@code iaid} when one is given. */
    static Criterion iaNa(long... iaid) {
        return ia(Dhcp6OptionCode.IA_NA, iaid, m -> m.iaNa().stream().map(IaNa::iaid).toList());
    }

    /** An IA_PD, of {@code iaid} when one is given. */
    static Criterion iaPd(long... iaid) {
        return ia(Dhcp6OptionCode.IA_PD, iaid, m -> m.iaPd().stream().map(IaPd::iaid).toList());
    }

    private static Criterion ia(Dhcp6OptionCode code, long[] iaid, Function<Dhcp6Message, List<Long>> iaids) {
        if (iaid.length > 1) {
            throw new IllegalArgumentException("name at most one IAID, got " + iaid.length);
        }
        String expected = iaid.length == 0 ? "present" : "iaid=" + iaid[0];
        return Criterion.message6("with " + (iaid.length == 0 ? "an " + code.name() : code.name() + " " + expected),
                code.toString(), expected, m -> {
                    List<Long> seen = iaids.apply(m);
                    return seen.isEmpty() ? Criteria.ABSENT : joined(seen.stream().map(i -> "iaid=" + i).toList());
                }, m -> iaids.apply(m).stream().anyMatch(i -> iaid.length == 0 || i == iaid[0]));
    }

    /** The option request option (6) contains every one of {@code wanted}. */
    static Criterion oro(List<Dhcp6OptionCode> wanted) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("name at least one option code the ORO must contain");
        }
        return Criterion.message6("with an ORO containing " + wanted, Dhcp6OptionCode.ORO.toString(),
                "contains " + wanted, m -> {
                    if (!m.hasOption(Dhcp6OptionCode.ORO)) {
                        return Criteria.ABSENT;
                    }
                    List<Dhcp6OptionCode> missing = new ArrayList<>(wanted);
                    missing.removeAll(m.oro());
                    return m.oro() + (missing.isEmpty() ? "" : " (missing " + missing + ")");
                }, m -> m.oro().containsAll(wanted));
    }

    /** An IA_NA holds {@code address}; with lifetimes when {@code lifetimes} holds them (preferred, valid). */
    static Criterion iaNaAddress(String address, long... lifetimes) {
        Inet6Address wanted = Addresses.ipv6(address);
        String text = Addresses.text(wanted);
        Function<Dhcp6Message, List<IaAddress>> all = m -> m.iaNa().stream()
                .flatMap(ia -> ia.addresses().stream()).toList();
        if (lifetimes.length == 0) {
            return Criterion.message6("with IA_NA address " + text, "IA_NA address", text,
                    m -> shownAll(all.apply(m).stream().map(a -> Addresses.text(a.address())).toList()),
                    m -> all.apply(m).stream().anyMatch(a -> a.address().equals(wanted)));
        }
        IaAddress expected = IaAddress.of(wanted, lifetimes[0], lifetimes[1]);
        return Criterion.message6("with " + expected, "IA_NA address", expected.toString(),
                m -> shownAll(all.apply(m).stream().map(Criteria6::bare).toList()),
                m -> all.apply(m).stream().anyMatch(a -> bare(a).equals(expected.toString())));
    }

    /** An IA_PD holds {@code prefix} (e.g. {@code 2001:db8:100::/56}); with lifetimes when given (preferred, valid). */
    static Criterion iaPdPrefix(String prefix, long... lifetimes) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a prefix is written address/length, e.g. 2001:db8:100::/56; got "
                    + prefix);
        }
        Inet6Address network = Addresses.ipv6(prefix.substring(0, slash));
        int length = Integer.parseInt(prefix.substring(slash + 1).strip());
        Function<Dhcp6Message, List<IaPrefix>> all = m -> m.iaPd().stream()
                .flatMap(ia -> ia.prefixes().stream()).toList();
        if (lifetimes.length == 0) {
            String text = IaPrefix.of(network, length, 0, 0).cidr();
            return Criterion.message6("with IA_PD prefix " + text, "IA_PD prefix", text,
                    m -> shownAll(all.apply(m).stream().map(IaPrefix::cidr).toList()),
                    m -> all.apply(m).stream().anyMatch(p -> p.cidr().equals(text)));
        }
        IaPrefix expected = IaPrefix.of(network, length, lifetimes[0], lifetimes[1]);
        return Criterion.message6("with " + expected, "IA_PD prefix", expected.toString(),
                m -> shownAll(all.apply(m).stream().map(Criteria6::bare).toList()),
                m -> all.apply(m).stream().anyMatch(p -> bare(p).equals(expected.toString())));
    }

    /** The message-level status code (13) is {@code code}. */
    static Criterion statusCode(StatusCode.Code code) {
        Objects.requireNonNull(code, "code");
        return Criterion.message6("with status " + code.name(), Dhcp6OptionCode.STATUS_CODE.toString(), code.name(),
                m -> m.statusCode().map(StatusCode::toString).orElse(Criteria.ABSENT),
                m -> m.statusCode().map(s -> s.code().equals(code)).orElse(false));
    }

    /** A status code {@code code} inside an IA_NA or IA_PD, or inside one of their addresses or prefixes. */
    static Criterion iaStatusCode(StatusCode.Code code) {
        Objects.requireNonNull(code, "code");
        return Criterion.message6("with IA status " + code.name(), "IA status code", code.name(),
                m -> shownAll(iaStatuses(m).stream().map(Placed::toString).toList()),
                m -> iaStatuses(m).stream().anyMatch(p -> p.status().code().equals(code)));
    }

    /** Every IA_NA and IA_PD carries T1 {@code t1} and T2 {@code t2} (and there is one at least). */
    static Criterion timers(long t1, long t2) {
        String expected = "T1=" + seconds(t1) + " T2=" + seconds(t2);
        return Criterion.message6("with " + expected + " in every IA", "IA T1/T2", "every IA " + expected,
                m -> shownAll(timers(m)), m -> !timers(m).isEmpty() && m.iaNa().stream()
                        .allMatch(ia -> ia.t1() == t1 && ia.t2() == t2) && m.iaPd().stream()
                        .allMatch(ia -> ia.t1() == t1 && ia.t2() == t2));
    }

    // ---- how values print ----

    /** What the message shows for option {@code code}: its value text, {@code present} when empty, or absent. */
    private static String shown(Dhcp6Message m, Dhcp6OptionCode code) {
        return m.option(code).map(Dhcp6Option::valueText).map(t -> t.isEmpty() ? "present" : t)
                .orElse(Criteria.ABSENT);
    }

    private static String shownAll(List<String> values) {
        return values.isEmpty() ? "(none)" : joined(values);
    }

    private static String joined(List<String> values) {
        return String.join(", ", values);
    }

    /** The address and its lifetimes, without the options inside. */
    private static String bare(IaAddress a) {
        return IaAddress.of(a.address(), a.preferredLifetime(), a.validLifetime()).toString();
    }

    private static String bare(IaPrefix p) {
        return IaPrefix.of(p.prefix(), p.prefixLength(), p.preferredLifetime(), p.validLifetime()).toString();
    }

    /** {@code IA_NA(3) iaid=1 T1=1800s T2=2880s} per IA, without the options inside. */
    private static List<String> timers(Dhcp6Message m) {
        List<String> out = new ArrayList<>();
        m.iaNa().forEach(ia -> out.add(new IaNa(ia.iaid(), ia.t1(), ia.t2(), List.of()).toString()));
        m.iaPd().forEach(ia -> out.add(new IaPd(ia.iaid(), ia.t1(), ia.t2(), List.of()).toString()));
        return out;
    }

    /** A status code and where it stands: {@code IA_NA iaid=1: NoBinding "..."}. */
    private record Placed(String where, StatusCode status) {
        @Override
        public String toString() {
            return where + ": " + status;
        }
    }

    /** Every status inside an IA, its addresses or its prefixes. */
    private static List<Placed> iaStatuses(Dhcp6Message m) {
        List<Placed> out = new ArrayList<>();
        for (IaNa ia : m.iaNa()) {
            String where = "IA_NA iaid=" + ia.iaid();
            ia.status().ifPresent(s -> out.add(new Placed(where, s)));
            ia.addresses().forEach(a -> a.status().ifPresent(s -> out.add(new Placed(where + " "
                    + Addresses.text(a.address()), s))));
        }
        for (IaPd ia : m.iaPd()) {
            String where = "IA_PD iaid=" + ia.iaid();
            ia.status().ifPresent(s -> out.add(new Placed(where, s)));
            ia.prefixes().forEach(p -> p.status().ifPresent(s -> out.add(new Placed(where + " " + p.cidr(), s))));
        }
        return out;
    }

    /** Seconds as the codec prints lifetimes: {@code 1800s}, or {@code infinity} for 0xffffffff. */
    private static String seconds(long value) {
        return value == 0xFFFFFFFFL ? "infinity" : value + "s";
    }
}
