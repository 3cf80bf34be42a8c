package dev.dhcpembedded.internal.lease;

import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.internal.codec.Fields;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds OFFER, ACK and NAK per RFC 2131 table 3: header fields from the request, then 53 and 54, the lease times,
 * the subnet mask, the options the client asked for (55) in its order, forced options, and the client identifier
 * (RFC 6842) and relay agent information (RFC 3046) echoed.
 */
final class ReplyFactory {

    private ReplyFactory() {
    }

    static DhcpMessage offerOrAck(DhcpMessage request, MessageType type, int yiaddr, ServerConfig config,
                                  SubnetConfig subnet, Optional<StaticLease> host, boolean withLeaseTimes) {
        DhcpMessage.Builder reply = Fields.ciaddr(Fields.yiaddr(header(request, type, config), yiaddr),
                type.equals(MessageType.ACK) ? Fields.ciaddr(request) : 0);
        if (withLeaseTimes) {
            reply.option(DhcpOption.leaseTime(subnet.leaseTime()));
            reply.option(DhcpOption.renewalTime(subnet.renewalTime()));
            reply.option(DhcpOption.rebindingTime(subnet.rebindingTime()));
        }
        reply.option(Ipv4.option(OptionCode.SUBNET_MASK, subnet.cidr().mask()));
        List<DhcpOption> available = available(config, subnet, host);
        List<OptionCode> asked = request.parameterRequestList();
        if (asked.isEmpty()) {
            available.forEach(reply::option);
        } else {
            for (OptionCode code : asked) {
                find(available, code).ifPresent(reply::option);
                if (code.equals(OptionCode.BROADCAST_ADDRESS) && find(available, code).isEmpty()) {
                    reply.option(Ipv4.option(OptionCode.BROADCAST_ADDRESS, subnet.cidr().broadcast()));
                }
            }
        }
        subnet.forcedOptions().forEach(reply::option);
        if (subnet.ipv6OnlyFor(request)) {
            // RFC 8925 §3.3.1: only to a client that asked for it
            reply.option(DhcpOption.ipv6OnlyPreferred(subnet.ipv6Only().v6OnlyWait()));
        }
        echo(request, reply);
        return reply.build();
    }

    /** RFC 4039: the ACK to a DISCOVER with rapid commit carries rapid commit (80). */
    static DhcpMessage rapidAck(DhcpMessage request, int yiaddr, ServerConfig config, SubnetConfig subnet,
                                Optional<StaticLease> host) {
        return offerOrAck(request, MessageType.ACK, yiaddr, config, subnet, host, true).toBuilder()
                .option(DhcpOption.rapidCommit()).build();
    }

    /** The 64-byte vendor area of RFC 951: magic cookie (4), options, END (1). */
    static final int BOOTP_OPTION_SPACE = 64 - 4 - 1;

    /**
     * A BOOTREPLY (RFC 951, RFC 1497 vendor extensions): no 53, 54 or lease times; subnet mask, then the configured
     * options in the order host name, router, DNS, domain name, then the rest, each only if it still fits the vendor
     * area whole.
     */
    static DhcpMessage bootReply(DhcpMessage request, int yiaddr, ServerConfig config, SubnetConfig subnet,
                                 Optional<StaticLease> host) {
        DhcpMessage.Builder reply = Fields.giaddr(DhcpMessage.builder(), Fields.giaddr(request))
                .op(DhcpMessage.BOOTREPLY)
                .htype(request.htype())
                .hlen(request.hlen())
                .chaddrBytes(request.chaddr())
                .xid(request.xid())
                .flags(request.flags());
        Fields.yiaddr(reply, yiaddr);
        Fields.siaddr(reply, config.serverId());
        List<DhcpOption> candidates = new ArrayList<>();
        candidates.add(Ipv4.option(OptionCode.SUBNET_MASK, subnet.cidr().mask()));
        List<DhcpOption> available = available(config, subnet, host);
        for (OptionCode first : List.of(OptionCode.HOST_NAME, OptionCode.ROUTER, OptionCode.DOMAIN_NAME_SERVER,
                OptionCode.DOMAIN_NAME)) {
            find(available, first).ifPresent(candidates::add);
        }
        addMissing(candidates, available);
        addMissing(candidates, subnet.forcedOptions());
        int room = BOOTP_OPTION_SPACE;
        for (DhcpOption option : candidates) {
            int size = 2 + option.length();
            if (option.length() <= 255 && size <= room) {
                reply.option(option);
                room -= size;
            }
        }
        return reply.build();
    }

    static DhcpMessage nak(DhcpMessage request, ServerConfig config, String message) {
        DhcpMessage.Builder reply = header(request, MessageType.NAK, config);
        if (Fields.giaddr(request) != 0) {
            // RFC 2131 §4.3.2: through a relay, the NAK has the broadcast bit so the relay broadcasts it
            reply.broadcast(true);
        }
        if (!message.isEmpty()) {
            reply.option(DhcpOption.message(message));
        }
        echo(request, reply);
        return reply.build();
    }

    private static DhcpMessage.Builder header(DhcpMessage request, MessageType type, ServerConfig config) {
        return Fields.giaddr(DhcpMessage.builder(), Fields.giaddr(request))
                .op(DhcpMessage.BOOTREPLY)
                .htype(request.htype())
                .hlen(request.hlen())
                .chaddrBytes(request.chaddr())
                .xid(request.xid())
                .flags(request.flags())
                .messageType(type)
                .option(Ipv4.option(OptionCode.SERVER_IDENTIFIER, config.serverId()));
    }

    /** Host options override subnet options, which override global ones; the host name is option 12. */
    private static List<DhcpOption> available(ServerConfig config, SubnetConfig subnet, Optional<StaticLease> host) {
        List<DhcpOption> out = new ArrayList<>();
        host.ifPresent(h -> {
            h.hostname().ifPresent(name -> out.add(DhcpOption.hostname(name)));
            out.addAll(h.options());
        });
        addMissing(out, subnet.options());
        addMissing(out, config.globalOptions());
        return out;
    }

    private static void addMissing(List<DhcpOption> out, List<DhcpOption> more) {
        for (int i = 0; i < more.size(); i++) { // indexed: no iterator per reply
            DhcpOption option = more.get(i);
            if (!has(out, option.code())) {
                out.add(option);
            }
        }
    }

    private static boolean has(List<DhcpOption> options, OptionCode code) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<DhcpOption> find(List<DhcpOption> options, OptionCode code) {
        for (DhcpOption option : options) {
            if (option.code().equals(code)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    private static void echo(DhcpMessage request, DhcpMessage.Builder reply) {
        request.option(OptionCode.CLIENT_IDENTIFIER).ifPresent(reply::option);
        request.option(OptionCode.RELAY_AGENT_INFORMATION).ifPresent(reply::option);
    }
}
