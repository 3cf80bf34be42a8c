package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import java.util.ArrayList;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The criteria the message assertions are made of; each knows how to print itself side by side. */
final class Criteria {

    static final String ABSENT = "(absent)";

    private Criteria() {
    }

    static Criterion type(MessageType type) {
        Objects.requireNonNull(type, "message type");
        return Criterion.message(article(type) + " " + type.name(), "message type (53)", type.name(),
                m -> m.messageType().map(MessageType::name).orElse(ABSENT), m -> m.is(type), 3);
    }

    static Criterion from(MacAddress mac) {
        Objects.requireNonNull(mac, "mac");
        return Criterion.message("from " + mac, "chaddr", mac.toString(), m -> m.clientMac().toString(),
                m -> m.clientMac().equals(mac), 2);
    }

    static Criterion to(MacAddress mac) {
        Objects.requireNonNull(mac, "mac");
        return Criterion.message("to " + mac, "chaddr", mac.toString(), m -> m.clientMac().toString(),
                m -> m.clientMac().equals(mac), 2);
    }

    static Criterion parameterRequestListContaining(OptionCode... codes) {
        List<OptionCode> wanted = List.of(codes);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("name at least one option code the list must contain");
        }
        String expected = "contains " + codes(wanted);
        return Criterion.message("with parameter request list (55) containing " + codes(wanted),
                "parameter request list (55)", expected, m -> {
                    if (!m.hasOption(OptionCode.PARAMETER_REQUEST_LIST)) {
                        return ABSENT;
                    }
                    List<OptionCode> seen = m.parameterRequestList();
                    List<OptionCode> missing = new ArrayList<>(wanted);
                    missing.removeAll(seen);
                    return codes(seen) + (missing.isEmpty() ? "" : " (missing " + codes(missing) + ")");
                }, m -> m.parameterRequestList().containsAll(wanted));
    }

    static Criterion option(OptionCode code) {
        return Criterion.message("with option " + code.code(), label(code), "present",
                m -> m.option(code).map(DhcpOption::valueText).orElse(ABSENT), m -> m.hasOption(code));
    }

    static Criterion noOption(OptionCode code) {
        return Criterion.message("without " + label(code), label(code), ABSENT,
                m -> m.option(code).map(DhcpOption::valueText).orElse(ABSENT), m -> !m.hasOption(code));
    }

    static Criterion option(DhcpOption option) {
        OptionCode code = option.code();
        String expected = option.valueText();
        return Criterion.message("with option " + code.code() + " = " + expected, label(code), expected,
                m -> m.option(code).map(DhcpOption::valueText).orElse(ABSENT),
                m -> m.option(code).map(option::equals).orElse(false));
    }

    /** Compares with the option's value as the transcript prints it, quotes of text options left out. */
    static Criterion option(OptionCode code, String value) {
        Objects.requireNonNull(value, "value");
        return Criterion.message("with option " + code.code() + " = " + value, label(code), value,
                m -> m.option(code).map(Criteria::printed).orElse(ABSENT),
                m -> m.option(code).map(o -> printed(o).equals(value) || o.asString().equals(value)).orElse(false));
    }

    static Criterion option(OptionCode code, byte[] value) {
        byte[] copy = value.clone();
        String expected = "0x" + Addresses.hex(copy);
        return Criterion.message("with option " + code.code() + " = " + expected, label(code), expected,
                m -> m.option(code).map(o -> "0x" + Addresses.hex(o.value())).orElse(ABSENT),
                m -> m.option(code).map(o -> Arrays.equals(o.value(), copy)).orElse(false));
    }

    static Criterion hostname(String hostname) {
        return text(OptionCode.HOST_NAME, "host name (12)", hostname);
    }

    static Criterion vendorClass(String vendorClass) {
        return text(OptionCode.VENDOR_CLASS_IDENTIFIER, "vendor class (60)", vendorClass);
    }

    static Criterion clientId(byte[] clientId) {
        byte[] copy = clientId.clone();
        String expected = Addresses.colons(copy);
        return Criterion.message("with client identifier (61) " + expected, "client identifier (61)", expected,
                m -> m.clientIdentifier().map(Addresses::colons).orElse(ABSENT),
                m -> m.clientIdentifier().map(id -> Arrays.equals(id, copy)).orElse(false));
    }

    static Criterion requestedIpAddress(String address) {
        Inet4Address wanted = Addresses.ipv4(address);
        return Criterion.message("with requested IP address (50) " + address, "requested IP address (50)", address,
                m -> m.requestedIpAddress().map(a -> a.getHostAddress()).orElse(ABSENT),
                m -> m.requestedIpAddress().map(wanted::equals).orElse(false));
    }

    static Criterion serverIdentifier(String address) {
        Inet4Address wanted = Addresses.ipv4(address);
        return Criterion.message("with server identifier (54) " + address, "server identifier (54)", address,
                m -> m.serverIdentifier().map(a -> a.getHostAddress()).orElse(ABSENT),
                m -> m.serverIdentifier().map(wanted::equals).orElse(false));
    }

    static Criterion ciaddr(String address) {
        Inet4Address wanted = Addresses.ipv4(address);
        return Criterion.message("with ciaddr " + address, "ciaddr", address, m -> m.ciaddr().getHostAddress(),
                m -> m.ciaddr().equals(wanted));
    }

    static Criterion ciaddrSet() {
        return Criterion.message("with ciaddr set", "ciaddr", "set", m -> m.ciaddr().getHostAddress(),
                m -> !m.ciaddr().isAnyLocalAddress());
    }

    static Criterion yiaddr(String address) {
        Inet4Address wanted = Addresses.ipv4(address);
        return Criterion.message("with yiaddr " + address, "yiaddr", address, m -> m.yiaddr().getHostAddress(),
                m -> m.yiaddr().equals(wanted));
    }

    static Criterion broadcastFlag(boolean set) {
        return Criterion.message("with the broadcast flag " + (set ? "set" : "clear"), "broadcast flag",
                set ? "set" : "clear", m -> m.isBroadcast() ? "set" : "clear", m -> m.isBroadcast() == set);
    }

    static Criterion xid(int xid) {
        String expected = String.format("0x%08x", xid);
        return Criterion.message("with xid " + expected, "xid", expected, m -> String.format("0x%08x", m.xid()),
                m -> m.xid() == xid);
    }

    private static Criterion text(OptionCode code, String field, String value) {
        Objects.requireNonNull(value, field);
        String expected = '"' + value + '"';
        return Criterion.message("with " + field + " " + expected, field, expected,
                m -> m.option(code).map(o -> '"' + o.asString() + '"').orElse(ABSENT),
                m -> m.option(code).map(o -> o.asString().equals(value)).orElse(false));
    }

    static String article(MessageType type) {
        return "AEIOU".indexOf(type.name().charAt(0)) >= 0 ? "an" : "a";
    }

    static String label(OptionCode code) {
        String name = code.name().startsWith("OPTION_") ? "option"
                : code.name().toLowerCase().replace('_', ' ').replace(" ip ", " IP ");
        return name + " (" + code.code() + ")";
    }

    static String codes(List<OptionCode> codes) {
        return codes.stream().map(c -> String.valueOf(c.code())).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String printed(DhcpOption option) {
        String text = option.valueText();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    static Optional<String> nonEmpty(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
