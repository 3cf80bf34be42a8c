package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.StatusCode;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers that read and change no binding: CONFIRM (RFC 8415 18.3.3) and INFORMATION-REQUEST (18.3.6). Each is
 * given its reply begun (transaction id and identifiers) and the client's link.
 */
final class Stateless6 {

    private Stateless6() {
    }

    /** Success when every address of {@code m}'s IA_NAs is on {@code link}, NotOnLink when one is not. */
    static Decision6 confirm(Dhcp6Message m, Dhcp6Message.Builder reply, Subnet6Config link) {
        List<Inet6Address> asked = new ArrayList<>();
        m.iaNa().forEach(ia -> ia.addresses().forEach(a -> asked.add(a.address())));
        if (asked.isEmpty()) {
            return Decision6.silence("CONFIRM without addresses is not answered (RFC 8415 18.3.3)");
        }
        boolean onLink = asked.stream().allMatch(a -> link.prefix().contains(a));
        reply.option(onLink ? Dhcp6Option.statusCode(StatusCode.SUCCESS, "all addresses are on link")
                : Dhcp6Option.statusCode(StatusCode.NOT_ON_LINK, "an address is not on this link"));
        return Decision6.reply(reply.build(), onLink ? "CONFIRM: addresses on link, Success (RFC 8415 18.3.3)"
                : "CONFIRM: an address is not on link, NotOnLink (RFC 8415 18.3.3)");
    }

    /** The link's configuration, no IA; discarded when it names a server other than {@code us} or holds an IA. */
    static Decision6 informationRequest(Dhcp6Message m, Optional<Duid> server, Duid us, Dhcp6Message.Builder reply,
            Subnet6Config link) {
        if (server.isPresent() && !server.get().equals(us)) {
            return Decision6.silence("INFORMATION-REQUEST for server " + server.get()
                    + ", not this one: discarded (RFC 8415 16.12)");
        }
        if (m.hasOption(Dhcp6OptionCode.IA_NA) || m.hasOption(Dhcp6OptionCode.IA_PD)
                || m.hasOption(Dhcp6OptionCode.IA_TA)) {
            return Decision6.silence("INFORMATION-REQUEST with an IA option is discarded (RFC 8415 16.12)");
        }
        Reply6Options.configuration(reply, m, link);
        return Decision6.reply(reply.build(), "INFORMATION-REQUEST: configuration, no IA (RFC 8415 18.3.6)");
    }
}
