package dev.dhcpembedded.client;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds what a DHCPv6 client sends, as RFC 8415 section 18.2 says: the client identifier, the elapsed time, the
 * server identifier where the message names a server, the IAs, the option request option and the extra options,
 * in that order. In IAs, T1, T2 and lifetimes are 0 (sections 21.4, 21.6 and 21.22: the server decides).
 */
final class MessageFactory6 {

    private final Client6Settings settings;

    MessageFactory6(Client6Settings settings) {
        this.settings = settings;
    }

    /** SOLICIT: an empty IA for each configured IAID, ORO with SOL_MAX_RT (18.2.1), rapid commit when asked. */
    Dhcp6Message solicit(int xid, Duration elapsed, boolean rapidCommit) {
        Dhcp6Message.Builder b = base(Dhcp6MessageType.SOLICIT, xid, elapsed);
        emptyIas(b);
        b.option(oro(Dhcp6OptionCode.SOL_MAX_RT));
        if (rapidCommit) {
            b.option(Dhcp6Option.rapidCommit());
        }
        return extras(b).build();
    }

    /** REQUEST: the ADVERTISE's server, and each IA with what the ADVERTISE offered in it (empty where nothing). */
    Dhcp6Message request(int xid, Duration elapsed, Dhcp6Message advertise) {
        Dhcp6Message.Builder b = base(Dhcp6MessageType.REQUEST, xid, elapsed);
        b.option(Dhcp6Option.serverId(advertise.serverId().orElseThrow()));
        for (long iaid : settings.iaNa()) {
            b.option(Dhcp6Option.iaNa(iaNa(iaid, offered(advertise.iaNa(), iaid).map(IaNa::addresses)
                    .orElse(List.of()))));
        }
        for (long iaid : settings.iaPd()) {
            b.option(Dhcp6Option.iaPd(iaPd(iaid, offeredPd(advertise.iaPd(), iaid).map(IaPd::prefixes)
                    .orElse(List.of()))));
        }
        b.option(oro());
        return extras(b).build();
    }

    /** RENEW (to the server that granted the lease) or REBIND (to any server): the lease's IAs. */
    Dhcp6Message extend(Dhcp6MessageType type, int xid, Duration elapsed, ClientLease6 lease) {
        Dhcp6Message.Builder b = base(type, xid, elapsed);
        if (type == Dhcp6MessageType.RENEW) {
            b.option(Dhcp6Option.serverId(lease.serverId()));
        }
        leaseIas(b, lease, true);
        b.option(oro());
        return extras(b).build();
    }

    /** RELEASE: the server, and the lease's IAs (18.2.7); no ORO, no extra options. */
    Dhcp6Message release(int xid, Duration elapsed, ClientLease6 lease) {
        Dhcp6Message.Builder b = base(Dhcp6MessageType.RELEASE, xid, elapsed);
        b.option(Dhcp6Option.serverId(lease.serverId()));
        leaseIas(b, lease, true);
        return b.build();
    }

    /** DECLINE: the server, and the lease's IA_NAs with their addresses (18.2.8); prefixes are not declined. */
    Dhcp6Message decline(int xid, Duration elapsed, ClientLease6 lease) {
        Dhcp6Message.Builder b = base(Dhcp6MessageType.DECLINE, xid, elapsed);
        b.option(Dhcp6Option.serverId(lease.serverId()));
        leaseIas(b, lease, false);
        return b.build();
    }

    /** CONFIRM: the lease's IA_NAs with their addresses, to any server (18.2.3). */
    Dhcp6Message confirm(int xid, Duration elapsed, ClientLease6 lease) {
        Dhcp6Message.Builder b = base(Dhcp6MessageType.CONFIRM, xid, elapsed);
        leaseIas(b, lease, false);
        return b.build();
    }

    /** INFORMATION-REQUEST: no IA, ORO with INF_MAX_RT (18.2.6). */
    Dhcp6Message informationRequest(int xid, Duration elapsed) {
        Dhcp6Message.Builder b = base(Dhcp6MessageType.INFORMATION_REQUEST, xid, elapsed);
        b.option(oro(Dhcp6OptionCode.INF_MAX_RT));
        return extras(b).build();
    }

    /** A message with this client's transaction id, client identifier and elapsed time. */
    Dhcp6Message.Builder base(Dhcp6MessageType type, int xid, Duration elapsed) {
        return Dhcp6Message.builder(type).transactionId(xid)
                .option(Dhcp6Option.clientId(settings.duid()))
                .option(Dhcp6Option.elapsedTime(elapsed));
    }

    private void emptyIas(Dhcp6Message.Builder b) {
        settings.iaNa().forEach(iaid -> b.option(Dhcp6Option.iaNa(IaNa.of(iaid, 0, 0))));
        settings.iaPd().forEach(iaid -> b.option(Dhcp6Option.iaPd(IaPd.of(iaid, 0, 0))));
    }

    private static void leaseIas(Dhcp6Message.Builder b, ClientLease6 lease, boolean withPrefixes) {
        lease.iaNa().forEach(ia -> b.option(Dhcp6Option.iaNa(iaNa(ia.iaid(), ia.addresses()))));
        if (withPrefixes) {
            lease.iaPd().forEach(ia -> b.option(Dhcp6Option.iaPd(iaPd(ia.iaid(), ia.prefixes()))));
        }
    }

    private static IaNa iaNa(long iaid, List<IaAddress> addresses) {
        List<Dhcp6Option> inside = new ArrayList<>(addresses.size());
        addresses.forEach(a -> inside.add(Dhcp6Option.iaAddress(IaAddress.of(a.address(), 0, 0))));
        return new IaNa(iaid, 0, 0, inside);
    }

    private static IaPd iaPd(long iaid, List<IaPrefix> prefixes) {
        List<Dhcp6Option> inside = new ArrayList<>(prefixes.size());
        prefixes.forEach(p -> inside.add(Dhcp6Option.iaPrefix(IaPrefix.of(p.prefix(), p.prefixLength(), 0, 0))));
        return new IaPd(iaid, 0, 0, inside);
    }

    private static Optional<IaNa> offered(List<IaNa> ias, long iaid) {
        return ias.stream().filter(ia -> ia.iaid() == iaid && succeeded(ia.status())).findFirst();
    }

    private static Optional<IaPd> offeredPd(List<IaPd> ias, long iaid) {
        return ias.stream().filter(ia -> ia.iaid() == iaid && succeeded(ia.status())).findFirst();
    }

    private static boolean succeeded(Optional<StatusCode> status) {
        return status.map(StatusCode::isSuccess).orElse(true);
    }

    /** The option request option: the configured codes, then {@code required} where missing. */
    private Dhcp6Option oro(Dhcp6OptionCode... required) {
        List<Integer> codes = new ArrayList<>(settings.oro());
        for (Dhcp6OptionCode code : required) {
            if (!codes.contains(code.code())) {
                codes.add(code.code());
            }
        }
        return Dhcp6Option.oro(codes.stream().mapToInt(Integer::intValue).toArray());
    }

    private Dhcp6Message.Builder extras(Dhcp6Message.Builder b) {
        settings.extraOptions().forEach(b::option);
        return b;
    }
}
