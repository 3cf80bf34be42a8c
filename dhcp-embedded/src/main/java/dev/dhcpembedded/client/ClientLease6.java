package dev.dhcpembedded.client;

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
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The DHCPv6 leases a client holds after a REPLY: its IA_NAs with their addresses and IA_PDs with their prefixes
 * (each with T1, T2 and lifetimes), the server that granted them, the usual configuration, and the REPLY itself.
 * IAs the server refused (a status code other than Success, or nothing inside) are left out.
 *
 * @param serverId the DUID of the server that granted the leases (option 2)
 * @param iaNa the IA_NAs that hold addresses, in wire order
 * @param iaPd the IA_PDs that hold prefixes, in wire order
 * @param dnsServers the DNS recursive name servers (option 23), maybe none
 * @param domainList the domain search list (option 24), maybe none
 * @param reply the REPLY itself
 * @param obtainedAt when the client got the REPLY, on its clock
 */
public record ClientLease6(
        Duid serverId,
        List<IaNa> iaNa,
        List<IaPd> iaPd,
        List<Inet6Address> dnsServers,
        List<String> domainList,
        Dhcp6Message reply,
        Instant obtainedAt) {

    /**
     * A lease; the lists are copied.
     *
     * @param serverId the DUID of the server that granted the leases (option 2)
     * @param iaNa the IA_NAs that hold addresses, in wire order
     * @param iaPd the IA_PDs that hold prefixes, in wire order
     * @param dnsServers the DNS recursive name servers (option 23), maybe none
     * @param domainList the domain search list (option 24), maybe none
     * @param reply the REPLY itself
     * @param obtainedAt when the client got the REPLY, on its clock
     * @throws NullPointerException if a field is null
     */
    public ClientLease6 {
        Objects.requireNonNull(serverId, "serverId");
        iaNa = List.copyOf(iaNa);
        iaPd = List.copyOf(iaPd);
        dnsServers = List.copyOf(dnsServers);
        domainList = List.copyOf(domainList);
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
    }

    /**
     * Reads the leases of a REPLY: a server identifier and at least one IA that holds an address or a prefix are
     * required.
     *
     * @param reply the REPLY to a REQUEST, a SOLICIT with rapid commit, a RENEW or a REBIND
     * @param obtainedAt when the client got it, on its clock
     * @return the leases
     * @throws IllegalArgumentException when the message is no such REPLY, saying why (status codes by name)
     */
    public static ClientLease6 fromReply(Dhcp6Message reply, Instant obtainedAt) {
        if (!reply.is(Dhcp6MessageType.REPLY)) {
            throw new IllegalArgumentException("it is " + article(reply.typeName()) + ", not a REPLY");
        }
        Duid serverId = reply.serverId().orElseThrow(
                () -> new IllegalArgumentException("it has no server identifier (2)"));
        refusal(reply).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return new ClientLease6(serverId, held(reply.iaNa()), heldPd(reply.iaPd()), reply.dnsServers(),
                reply.domainList(), reply, obtainedAt);
    }

    /**
     * Why an ADVERTISE or REPLY gives the client nothing: a failing message-level status, or no IA that holds an
     * address or a prefix (with the IAs' status codes by name).
     *
     * @return the reason, or empty when it holds something
     */
    static Optional<String> refusal(Dhcp6Message reply) {
        Optional<StatusCode> status = reply.statusCode();
        if (status.isPresent() && !status.get().isSuccess()) {
            return Optional.of("its status is " + status.get());
        }
        List<String> refused = new ArrayList<>();
        for (IaNa ia : reply.iaNa()) {
            if (!holds(ia.status(), ia.addresses())) {
                refused.add("IA_NA " + ia.iaid() + ia.status().map(s -> ": " + s).orElse(": no address"));
            }
        }
        for (IaPd ia : reply.iaPd()) {
            if (!holds(ia.status(), ia.prefixes())) {
                refused.add("IA_PD " + ia.iaid() + ia.status().map(s -> ": " + s).orElse(": no prefix"));
            }
        }
        if (!held(reply.iaNa()).isEmpty() || !heldPd(reply.iaPd()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(refused.isEmpty() ? "it holds no IA_NA or IA_PD"
                : "it holds no address or prefix (" + String.join("; ", refused) + ")");
    }

    private static boolean holds(Optional<StatusCode> status, List<?> inside) {
        return status.map(StatusCode::isSuccess).orElse(true) && !inside.isEmpty();
    }

    private static List<IaNa> held(List<IaNa> ias) {
        return ias.stream().filter(ia -> holds(ia.status(), ia.addresses())).toList();
    }

    private static List<IaPd> heldPd(List<IaPd> ias) {
        return ias.stream().filter(ia -> holds(ia.status(), ia.prefixes())).toList();
    }

    private static String article(String name) {
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /**
     * {@return the first address of the first IA_NA}
     *
     * @throws IllegalStateException when the lease holds prefixes only
     */
    public Inet6Address address() {
        return iaNa.stream().flatMap(ia -> ia.addresses().stream()).findFirst().map(IaAddress::address)
                .orElseThrow(() -> new IllegalStateException("the REPLY granted no address, only prefixes: "
                        + prefixes()));
    }

    /**
     * {@return {@link #address()} as text, e.g. {@code 2001:db8:1::100}}
     *
     * @throws IllegalStateException when the lease holds prefixes only
     */
    public String addressText() {
        return Ipv6.format(address());
    }

    /** {@return every address of every IA_NA, in wire order} */
    public List<Inet6Address> addresses() {
        return iaNa.stream().flatMap(ia -> ia.addresses().stream()).map(IaAddress::address).toList();
    }

    /**
     * {@return the first prefix of the first IA_PD; {@link IaPrefix#cidr()} gives it as text}
     *
     * @throws IllegalStateException when the lease holds addresses only
     */
    public IaPrefix prefix() {
        return iaPd.stream().flatMap(ia -> ia.prefixes().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the REPLY delegated no prefix, only addresses: "
                        + addresses().stream().map(Ipv6::format).toList()));
    }

    /** {@return every prefix of every IA_PD, in wire order} */
    public List<IaPrefix> prefixes() {
        return iaPd.stream().flatMap(ia -> ia.prefixes().stream()).toList();
    }

    /** {@return T1 of the IAs: the earliest, in seconds from {@link #obtainedAt()}} */
    public Duration renewalTime() {
        return Duration.ofSeconds(Math.min(min(iaNa.stream().mapToLong(IaNa::t1).toArray()),
                min(iaPd.stream().mapToLong(IaPd::t1).toArray())));
    }

    /** {@return T2 of the IAs: the earliest, in seconds from {@link #obtainedAt()}} */
    public Duration rebindingTime() {
        return Duration.ofSeconds(Math.min(min(iaNa.stream().mapToLong(IaNa::t2).toArray()),
                min(iaPd.stream().mapToLong(IaPd::t2).toArray())));
    }

    /** {@return the longest valid lifetime of the addresses and prefixes, from {@link #obtainedAt()}} */
    public Duration validLifetime() {
        long longest = 0;
        for (IaNa ia : iaNa) {
            for (IaAddress a : ia.addresses()) {
                longest = Math.max(longest, a.validLifetime());
            }
        }
        for (IaPd ia : iaPd) {
            for (IaPrefix p : ia.prefixes()) {
                longest = Math.max(longest, p.validLifetime());
            }
        }
        return Duration.ofSeconds(longest);
    }

    /** {@return when the client should RENEW (obtainedAt + T1)} */
    public Instant renewAt() {
        return obtainedAt.plus(renewalTime());
    }

    /** {@return when the client should REBIND (obtainedAt + T2)} */
    public Instant rebindAt() {
        return obtainedAt.plus(rebindingTime());
    }

    /** {@return when the last address or prefix ends (obtainedAt + the longest valid lifetime)} */
    public Instant expiresAt() {
        return obtainedAt.plus(validLifetime());
    }

    /**
     * A top-level option of the REPLY.
     *
     * @param code the option's code
     * @return the option, or empty when the REPLY does not carry it
     */
    public Optional<Dhcp6Option> option(Dhcp6OptionCode code) {
        return reply.option(code);
    }

    private static long min(long[] values) {
        long min = Long.MAX_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    @Override
    public String toString() {
        List<String> held = new ArrayList<>();
        addresses().forEach(a -> held.add(Ipv6.format(a)));
        prefixes().forEach(p -> held.add(p.cidr()));
        return "ClientLease6{" + String.join(", ", held) + " from " + serverId + " (T1 " + renewalTime().getSeconds()
                + "s, T2 " + rebindingTime().getSeconds() + "s, valid " + validLifetime().getSeconds() + "s)}";
    }
}
