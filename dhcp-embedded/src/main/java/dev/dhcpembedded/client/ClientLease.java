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

    /** When the client should start RENEWING (obtainedAt + T1). */
    public Instant renewAt() {
        return obtainedAt.plus(renewalTime);
    }

    /** When the client should start REBINDING (obtainedAt + T2). */
    public Instant rebindAt() {
        return obtainedAt.plus(rebindingTime);
    }

    public Instant expiresAt() {
        return obtainedAt.plus(leaseTime);
    }

    public Optional<DhcpOption> option(OptionCode code) {
        return ack.option(code);
    }

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
