package dev.dhcpembedded.report;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A decoded DHCPv6 message as fields: header (or relay header), then each option decoded as far as it is known. */
final class Fields6 {

    private Fields6() {
    }

    static Field of(Dhcp6Message m) {
        String type = m.type().map(Dhcp6MessageType::wiresharkName).orElse("Unknown (" + m.messageCode() + ")");
        Field.Fields f = new Field.Fields().add("Message type", type + " (" + m.messageCode() + ")");
        if (m.isRelay()) {
            f.add("Hop count", m.hopCount()).add("Link address", Ipv6.format(m.linkAddress()))
                    .add("Peer address", Ipv6.format(m.peerAddress()));
        } else {
            f.add("Transaction ID", String.format("0x%06x", m.transactionId()));
        }
        for (Dhcp6Option option : m.options()) {
            f.add(option(option));
        }
        return Field.group("DHCPv6", "(" + type + ")", f.list());
    }

    static Field option(Dhcp6Option option) {
        String label = "Option (" + option.code().code() + ") " + option.code().name();
        List<Field> children = new ArrayList<>();
        children.add(Field.of("Length", option.length()));
        String value;
        try {
            value = value(option, children);
        } catch (RuntimeException malformed) {
            value = "malformed: " + malformed.getMessage();
        }
        children.add(Field.of("Value (hex)", option.length() == 0 ? "empty" : option.hex()));
        return Field.group(label, value, children);
    }

    /** The value as people read it; options with fields inside add them to {@code children}. */
    private static String value(Dhcp6Option option, List<Field> children) {
        switch (option.code().code()) {
            case 1, 2 -> {
                return duid(option.asDuid());
            }
            case 3 -> {
                IaNa ia = option.asIaNa();
                for (Dhcp6Option inner : ia.options()) {
                    children.add(option(inner));
                }
                return "IAID " + ia.iaid() + ", T1 " + ia.t1() + " s, T2 " + ia.t2() + " s";
            }
            case 25 -> {
                IaPd ia = option.asIaPd();
                for (Dhcp6Option inner : ia.options()) {
                    children.add(option(inner));
                }
                return "IAID " + ia.iaid() + ", T1 " + ia.t1() + " s, T2 " + ia.t2() + " s";
            }
            case 5 -> {
                IaAddress a = option.asIaAddress();
                for (Dhcp6Option inner : a.options()) {
                    children.add(option(inner));
                }
                return Ipv6.format(a.address()) + ", preferred " + a.preferredLifetime() + " s, valid "
                        + a.validLifetime() + " s";
            }
            case 26 -> {
                IaPrefix p = option.asIaPrefix();
                for (Dhcp6Option inner : p.options()) {
                    children.add(option(inner));
                }
                return p.cidr() + ", preferred " + p.preferredLifetime() + " s, valid " + p.validLifetime() + " s";
            }
            case 6 -> {
                return option.asCodes().stream().map(c -> c.name() + " (" + c.code() + ")")
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            case 7 -> {
                return String.valueOf(option.value()[0] & 0xFF);
            }
            case 8 -> {
                int hundredths = ((option.value()[0] & 0xFF) << 8) | (option.value()[1] & 0xFF);
                return String.format("%d.%02d s", hundredths / 100, hundredths % 100);
            }
            case 9 -> {
                Dhcp6Message inner = option.asRelayMessage();
                children.add(of(inner));
                return inner.typeName();
            }
            case 13 -> {
                return option.asStatusCode().toString();
            }
            case 14 -> {
                return "yes";
            }
            case 12, 23, 31 -> {
                return addresses(option.asAddresses());
            }
            case 56 -> {
                return addresses(option.asNtpServerAddresses());
            }
            case 24 -> {
                return String.join(", ", option.asDomainList());
            }
            case 39 -> {
                return option.asFqdn().toString();
            }
            case 32, 82, 83 -> {
                return option.asU32() + " s";
            }
            case 103 -> {
                return '"' + option.asText() + '"';
            }
            default -> {
                return "0x" + option.hex();
            }
        }
    }

    private static String addresses(List<Inet6Address> addresses) {
        return addresses.stream().map(Ipv6::format).collect(Collectors.joining(", "));
    }

    /** {@code DUID-LLT, hardware 1, time 2020-01-01T00:00:00Z, MAC 02:00:00:00:00:42 (0001000125...)}. */
    static String duid(Duid duid) {
        StringBuilder out = new StringBuilder(switch (duid.type()) {
            case Duid.LLT -> "DUID-LLT";
            case Duid.EN -> "DUID-EN";
            case Duid.LL -> "DUID-LL";
            case Duid.UUID_TYPE -> "DUID-UUID";
            default -> "DUID type " + duid.type();
        });
        duid.time().ifPresent(t -> out.append(", time ").append(t));
        duid.mac().ifPresent(mac -> out.append(", MAC ").append(mac));
        duid.enterpriseNumber().ifPresent(n -> out.append(", enterprise ").append(n));
        duid.uuid().ifPresent(u -> out.append(", ").append(u));
        return out.append(" (").append(Hex.of(duid.bytes())).append(')').toString();
    }
}
