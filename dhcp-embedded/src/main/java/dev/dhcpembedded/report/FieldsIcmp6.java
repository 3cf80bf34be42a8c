package dev.dhcpembedded.report;

import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.wire.RouterAdvertisement;
import dev.dhcpembedded.internal.wire.WireFormatException;
import java.util.stream.Collectors;

/** A Router Solicitation or Advertisement as fields (RFC 4861 4.1 and 4.2), or what is wrong with its bytes. */
final class FieldsIcmp6 {

    private FieldsIcmp6() {
    }

    static Field of(byte[] bytes) {
        int type = bytes.length > 0 ? bytes[0] & 0xFF : -1;
        Field.Fields f = new Field.Fields();
        try {
            if (type == RouterAdvertisement.TYPE_RA) {
                ra(RouterAdvertisement.decode(bytes), f);
                return Field.group("Internet Control Message Protocol v6", "(Router Advertisement)", f.list());
            }
            f.add("Type", "Router Solicitation (133)");
            byte[] sll = RouterAdvertisement.checkSolicitation(bytes, false);
            f.add("Source link-layer address", sll == null ? "not given" : Hex.colons(sll, 0, sll.length));
            return Field.group("Internet Control Message Protocol v6", "(Router Solicitation)", f.list());
        } catch (WireFormatException e) {
            f.add("Type", type);
            f.add("Malformed", e.getMessage() + " at offset " + e.offset());
            return Field.group("Internet Control Message Protocol v6", "(malformed)", f.list());
        }
    }

    private static void ra(RouterAdvertisement ra, Field.Fields f) {
        f.add("Type", "Router Advertisement (134)")
                .add("Cur hop limit", ra.curHopLimit())
                .add("Managed address configuration (M)", ra.managed() ? "set" : "not set")
                .add("Other configuration (O)", ra.otherConfig() ? "set" : "not set")
                .add("Router lifetime", ra.routerLifetime() + " s")
                .add("Reachable time", ra.reachableTimeMs() + " ms")
                .add("Retrans timer", ra.retransTimerMs() + " ms");
        byte[] sll = ra.sourceLinkLayer();
        if (sll != null) {
            f.add("Source link-layer address", Hex.colons(sll, 0, sll.length));
        }
        if (ra.mtu() != 0) {
            f.add("MTU", ra.mtu());
        }
        for (RouterAdvertisement.PrefixInformation p : ra.prefixes()) {
            f.add(Field.group("Prefix information", Ipv6.format(p.prefix()) + "/" + p.length(), new Field.Fields()
                    .add("On-link (L)", p.onLink() ? "set" : "not set")
                    .add("Autonomous address configuration (A)", p.autonomous() ? "set" : "not set")
                    .add("Valid lifetime", p.validLifetime() + " s")
                    .add("Preferred lifetime", p.preferredLifetime() + " s").list()));
        }
        if (ra.rdnss() != null) {
            f.add("Recursive DNS servers", ra.rdnss().servers().stream().map(Ipv6::format)
                    .collect(Collectors.joining(", ")) + " (lifetime " + ra.rdnss().lifetime() + " s)");
        }
        if (ra.dnssl() != null) {
            f.add("DNS search list", String.join(", ", ra.dnssl().domains()) + " (lifetime "
                    + ra.dnssl().lifetime() + " s)");
        }
        for (byte[] other : ra.otherOptions()) {
            f.add("Option (" + (other.length > 0 ? other[0] & 0xFF : -1) + ")", Hex.of(other));
        }
    }
}
