package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.lease.LeaseTimes;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lease as the client holds it after an ACK: the address, the server that granted it, its times (T1 and T2
 * default to 50% and 87.5% of the lease, RFC 2131 section 4.4.5, when the ACK omits 58 and 59), the usual
 * configuration, every option of the ACK, and the ACK itself.
 */
public record ClientLease(
        Inet4Address address,
        Inet4Address serverId,
        Duration leaseTime,
        Duration renewalTime,
        Duration rebindingTime,
        Optional<Inet4Address> subnetMask,
        List<Inet4Address> routers,
        List<Inet4Address> dns,
        Optional<String> domainName,
        List<DhcpOption> options,
        DhcpMessage ack,
        Instant obtainedAt) {

    /**
     * A lease; the lists are copied.
     *
     * @param address the leased address (yiaddr)
     * @param serverId the server that granted it (54)
     * @param leaseTime the lease time (51)
     * @param renewalTime T1: from the ACK (58), or 50% of the lease
     * @param rebindingTime T2: from the ACK (59), or 87.5% of the lease
     * @param subnetMask the subnet mask (1), if the ACK has one
     * @param routers the routers (3), maybe none
     * @param dns the domain name servers (6), maybe none
     * @param domainName the domain name (15), if the ACK has one
     * @param options every option of the ACK, in wire order
     * @param ack the ACK itself
     * @param obtainedAt when the client got the ACK, on its clock
     * @throws NullPointerException if a field is null
     */
    public ClientLease {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(leaseTime, "leaseTime");
        Objects.requireNonNull(renewalTime, "renewalTime");
        Objects.requireNonNull(rebindingTime, "rebindingTime");
        Objects.requireNonNull(subnetMask, "subnetMask");
        routers = List.copyOf(routers);
        dns = List.copyOf(dns);
        Objects.requireNonNull(domainName, "domainName");
        options = List.copyOf(options);
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
    }

    /**
     * Reads a lease from an ACK to a REQUEST: yiaddr, server identifier (54) and lease time (51) are required.
     *
     * @param ack the ACK
     * @param obtainedAt when the client got it, on its clock
     * @return the lease; T1 and T2 default as RFC 2131 §4.4.5 says when the ACK omits 58 and 59
     * @throws IllegalArgumentException when the message is not such an ACK, saying what is missing
     */
    public static ClientLease fromAck(DhcpMessage ack, Instant obtainedAt) {
        return fromAck(ack, null, obtainedAt);
    }

    /** As {@link #fromAck(DhcpMessage, Instant)}, taking the server id from the OFFER when the ACK omits 54. */
    static ClientLease fromAck(DhcpMessage ack, Inet4Address fallbackServerId, Instant obtainedAt) {
        if (!ack.is(MessageType.ACK)) {
            throw new IllegalArgumentException("it is a " + ack.messageType().map(MessageType::name)
                    .orElse("message without option 53") + ", not an ACK");
        }
        if (ack.yiaddr().isAnyLocalAddress()) {
            throw new IllegalArgumentException("its yiaddr is 0.0.0.0");
        }
        Inet4Address serverId = ack.serverIdentifier().orElse(fallbackServerId);
        if (serverId == null) {
            throw new IllegalArgumentException("it has no server identifier (54)");
        }
        Duration leaseTime = ack.leaseTime().orElseThrow(
                () -> new IllegalArgumentException("it has no lease time (51)"));
        Duration t1 = ack.renewalTime().orElse(LeaseTimes.renewal(leaseTime));
        Duration t2 = ack.rebindingTime().orElse(LeaseTimes.rebinding(leaseTime));
        return new ClientLease(ack.yiaddr(), serverId, leaseTime, t1, t2, ack.subnetMask(), ack.routers(),
                ack.domainNameServers(), ack.domainName(), ack.options(), ack, obtainedAt);
    }

    /** {@return when the client should start RENEWING (obtainedAt + T1)} */
    public Instant renewAt() {
        return obtainedAt.plus(renewalTime);
    }

    /** {@return when the client should start REBINDING (obtainedAt + T2)} */
    public Instant rebindAt() {
        return obtainedAt.plus(rebindingTime);
    }

    /** {@return when the lease ends (obtainedAt + lease time)} */
    public Instant expiresAt() {
        return obtainedAt.plus(leaseTime);
    }

    /**
     * An option of the ACK.
     *
     * @param code the option's code
     * @return the option, or empty when the ACK does not carry it
     */
    public Optional<DhcpOption> option(OptionCode code) {
        return ack.option(code);
    }

    /**
     * An option of the ACK.
     *
     * @param code the option's code, 0 to 255
     * @return the option, or empty when the ACK does not carry it
     * @throws IllegalArgumentException if {@code code} is outside 0..255
     */
    public Optional<DhcpOption> option(int code) {
        return ack.option(code);
    }

    @Override
    public String toString() {
        return "ClientLease{" + Ipv4.toString(Ipv4.toInt(address)) + " from " + Ipv4.toString(Ipv4.toInt(serverId))
                + " for " + leaseTime.getSeconds() + "s (T1 " + renewalTime.getSeconds() + "s, T2 "
                + rebindingTime.getSeconds() + "s)}";
    }
}
