package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.wire.NetbootClient;
import dev.dhcpembedded.internal.wire.ReplyWriter;
import dev.dhcpembedded.internal.wire.WireRequest;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds OFFER, ACK and NAK per RFC 2131 table 3: header fields from the request, then 53 and 54, the lease times,
 * the subnet mask, the options the client asked for (55) in its order, forced options, and the client identifier
 * (RFC 6842) and relay agent information (RFC 3046) echoed. Replies are written straight into a {@link ReplyWriter};
 * nothing is made per reply.
 */
final class ReplyFactory {

    private ReplyFactory() {
    }

    /**
     * @param host the client's static lease, or null
     * @param keys the reconfigure keys to grant in an ACK (RFC 6704), or null
     */
    static void offerOrAck(WireRequest request, MessageType type, int yiaddr, ServerConfig config,
                           SubnetConfig subnet, StaticLease host, boolean withLeaseTimes, ReplyWriter reply,
                           ReconfigureKeys keys) {
        header(request, type, config, reply);
        reply.yiaddr(yiaddr);
        reply.ciaddr(type.equals(MessageType.ACK) ? request.ciaddr() : 0);
        if (withLeaseTimes) {
            seconds(reply, OptionCode.IP_ADDRESS_LEASE_TIME, subnet.leaseTime());
            seconds(reply, OptionCode.RENEWAL_TIME, subnet.renewalTime());
            seconds(reply, OptionCode.REBINDING_TIME, subnet.rebindingTime());
        }
        reply.address(OptionCode.SUBNET_MASK.code(), subnet.cidr().mask());
        int asked = request.find(OptionCode.PARAMETER_REQUEST_LIST.code());
        if (asked < 0 || request.optionLengthAt(asked) == 0) {
            writeAvailable(reply, config, subnet, host);
        } else {
            byte[] list = request.optionBufferAt(asked);
            for (int at = request.optionOffsetAt(asked), end = at + request.optionLengthAt(asked); at < end; at++) {
                int code = list[at] & 0xFF;
                DhcpOption found = find(config, subnet, host, code);
                if (found != null) {
                    write(reply, found);
                } else if (code == OptionCode.BROADCAST_ADDRESS.code()) {
                    reply.address(code, subnet.cidr().broadcast());
                }
            }
        }
        List<DhcpOption> forced = subnet.forcedOptions();
        for (int i = 0; i < forced.size(); i++) {
            write(reply, forced.get(i));
        }
        if (subnet.ipv6OnlyFor(request)) {
            // RFC 8925 §3.3.1: only to a client that asked for it
            seconds(reply, OptionCode.IPV6_ONLY_PREFERRED, subnet.ipv6Only().v6OnlyWait());
        }
        if (keys != null && type.equals(MessageType.ACK)) {
            keys.grant(request, reply);
        }
        echo(request, reply); // 82 last (RFC 3046 §2.1)
    }

    /** RFC 4039: the ACK to a DISCOVER with rapid commit carries rapid commit (80). */
    static void rapidAck(WireRequest request, int yiaddr, ServerConfig config, SubnetConfig subnet,
                         StaticLease host, ReplyWriter reply, ReconfigureKeys keys) {
        offerOrAck(request, MessageType.ACK, yiaddr, config, subnet, host, true, reply, keys);
        reply.empty(OptionCode.RAPID_COMMIT.code());
    }

    /**
     * The boot information for a netboot client: next-server (siaddr) and option 66, the file field and option 67
     * (a name too long for the field goes in 67 alone); to an HTTP boot client a URL and option 60 {@code HTTPClient},
     * which UEFI HTTP boot requires in the reply; to iPXE, unless it is to wait for ProxyDHCP, option 175 with
     * {@code no-pxedhcp} (176) = 1.
     */
    static void netboot(NetbootDecision decision, NetbootConfig config, ReplyWriter reply) {
        String file = decision.file();
        boolean url = file.contains("://");
        if (!url) {
            reply.siaddr(config.nextServer());
            byte[] name = Ipv4.toString(config.nextServer()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            reply.option(OptionCode.TFTP_SERVER_NAME.code(), name, 0, name.length);
        }
        if (file.length() < 128) {
            reply.file(file);
        }
        byte[] bytes = file.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        reply.option(OptionCode.BOOTFILE_NAME.code(), bytes, 0, bytes.length);
        if (decision.kind() == NetbootClient.HTTP) {
            byte[] http = "HTTPClient".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            reply.option(OptionCode.VENDOR_CLASS_IDENTIFIER.code(), http, 0, http.length);
        }
        if (decision.kind() == NetbootClient.IPXE && !config.waitForProxyDhcp()
                && !reply.has(NetbootClient.IPXE_OPTIONS)) {
            // we are its boot server: iPXE skips the ProxyDHCP wait (2 s and more) after our OFFER
            reply.option(NetbootClient.IPXE_OPTIONS, NO_PXEDHCP, 0, NO_PXEDHCP.length);
        }
    }

    /** Option 175's value: sub-option 176 ({@code no-pxedhcp}), length 1, value 1. */
    private static final byte[] NO_PXEDHCP = {(byte) NetbootClient.IPXE_NO_PXEDHCP, 1, 1};

    /** The 64-byte vendor area of RFC 951: magic cookie (4), options, END (1). */
    static final int BOOTP_OPTION_SPACE = 64 - 4 - 1;

    /**
     * A BOOTREPLY (RFC 951, RFC 1497 vendor extensions): no 53, 54 or lease times; subnet mask, then the configured
     * options in the order host name, router, DNS, domain name, then the rest, each only if it still fits the vendor
     * area whole.
     */
    static void bootReply(WireRequest request, int yiaddr, ServerConfig config, SubnetConfig subnet,
                          StaticLease host, ReplyWriter out) {
        DhcpMessageBuilder reply = DhcpMessage.builder()
                .giaddr(Ipv4.fromInt(request.giaddr()))
                .op(DhcpMessage.BOOTREPLY)
                .htype(request.htype())
                .hlen(request.hlen())
                .chaddrBytes(Arrays.copyOfRange(request.bytes(), WireRequest.CHADDR_OFFSET,
                        WireRequest.CHADDR_OFFSET + 16))
                .xid(request.xid())
                .flags(request.flags());
        reply.yiaddr(Ipv4.fromInt(yiaddr)).siaddr(Ipv4.fromInt(config.serverId()));
        List<DhcpOption> candidates = new ArrayList<>();
        candidates.add(addressOption(OptionCode.SUBNET_MASK, subnet.cidr().mask()));
        List<DhcpOption> available = available(config, subnet, host);
        for (OptionCode first : List.of(OptionCode.HOST_NAME, OptionCode.ROUTER, OptionCode.DOMAIN_NAME_SERVER,
                OptionCode.DOMAIN_NAME)) {
            DhcpOption found = find(available, first.code());
            if (found != null) {
                candidates.add(found);
            }
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
        out.load(DhcpCodec.encode(reply.build()));
    }

    static void nak(WireRequest request, ServerConfig config, String message, ReplyWriter reply) {
        header(request, MessageType.NAK, config, reply);
        if (request.giaddr() != 0) {
            // RFC 2131 §4.3.2: through a relay, the NAK has the broadcast bit so the relay broadcasts it
            reply.flags(reply.flags() | DhcpMessage.FLAG_BROADCAST);
        }
        if (!message.isEmpty()) {
            write(reply, DhcpOptions.message(message));
        }
        echo(request, reply);
    }

    private static void header(WireRequest request, MessageType type, ServerConfig config, ReplyWriter reply) {
        reply.begin(DhcpMessage.BOOTREPLY, request.htype(), request.hlen(), request.bytes(),
                WireRequest.CHADDR_OFFSET, request.xid(), request.flags(), request.giaddr());
        reply.uint8(OptionCode.MESSAGE_TYPE.code(), type.code());
        reply.address(OptionCode.SERVER_IDENTIFIER.code(), config.serverId());
    }

    private static void seconds(ReplyWriter reply, OptionCode code, Duration time) {
        long seconds = time.getSeconds();
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            DhcpOptions.seconds(code, time); // throws, with the codec's message
        }
        reply.uint32(code.code(), seconds);
    }

    /**
     * Every option available, in order: the host's name and options, then the subnet's and the global ones whose
     * code is not there yet (host options override subnet options, which override global ones).
     */
    private static void writeAvailable(ReplyWriter reply, ServerConfig config, SubnetConfig subnet,
                                       StaticLease host) {
        List<DhcpOption> hostOptions = host == null ? List.of() : host.options();
        if (host != null) {
            host.hostname().ifPresent(name -> write(reply, DhcpOptions.hostname(name)));
            for (int i = 0; i < hostOptions.size(); i++) {
                write(reply, hostOptions.get(i));
            }
        }
        List<DhcpOption> subnetOptions = subnet.options();
        for (int i = 0; i < subnetOptions.size(); i++) {
            DhcpOption option = subnetOptions.get(i);
            if (!fromHost(host, hostOptions, option.code().code())) {
                write(reply, option);
            }
        }
        List<DhcpOption> global = config.globalOptions();
        for (int i = 0; i < global.size(); i++) {
            DhcpOption option = global.get(i);
            int code = option.code().code();
            if (!fromHost(host, hostOptions, code) && find(subnetOptions, code) == null) {
                write(reply, option);
            }
        }
    }

    private static boolean fromHost(StaticLease host, List<DhcpOption> hostOptions, int code) {
        return host != null && ((code == OptionCode.HOST_NAME.code() && host.hostname().isPresent())
                || find(hostOptions, code) != null);
    }

    /** The first available option with {@code code}, in the order of {@link #writeAvailable}, or null. */
    private static DhcpOption find(ServerConfig config, SubnetConfig subnet, StaticLease host, int code) {
        if (host != null) {
            if (code == OptionCode.HOST_NAME.code() && host.hostname().isPresent()) {
                return DhcpOptions.hostname(host.hostname().get());
            }
            DhcpOption found = find(host.options(), code);
            if (found != null) {
                return found;
            }
        }
        DhcpOption found = find(subnet.options(), code);
        return found != null ? found : find(config.globalOptions(), code);
    }

    /** Host options override subnet options, which override global ones; the host name is option 12. */
    private static List<DhcpOption> available(ServerConfig config, SubnetConfig subnet, StaticLease host) {
        List<DhcpOption> out = new ArrayList<>();
        if (host != null) {
            host.hostname().ifPresent(name -> out.add(DhcpOptions.hostname(name)));
            out.addAll(host.options());
        }
        addMissing(out, subnet.options());
        addMissing(out, config.globalOptions());
        return out;
    }

    private static void addMissing(List<DhcpOption> out, List<DhcpOption> more) {
        for (int i = 0; i < more.size(); i++) { // indexed: no iterator per reply
            DhcpOption option = more.get(i);
            if (find(out, option.code().code()) == null) {
                out.add(option);
            }
        }
    }

    private static DhcpOption find(List<DhcpOption> options, int code) {
        for (int i = 0; i < options.size(); i++) {
            DhcpOption option = options.get(i);
            if (option.code().code() == code) {
                return option;
            }
        }
        return null;
    }

    private static void echo(WireRequest request, ReplyWriter reply) {
        echo(request, reply, OptionCode.CLIENT_IDENTIFIER.code());
        echo(request, reply, OptionCode.RELAY_AGENT_INFORMATION.code());
    }

    private static void echo(WireRequest request, ReplyWriter reply, int code) {
        int i = request.find(code);
        if (i >= 0) {
            reply.option(code, request.optionBufferAt(i), request.optionOffsetAt(i), request.optionLengthAt(i));
        }
    }

    /**
     * Writes {@code option} into the reply: in place when it fits one instance (no copy of its value is made), else
     * split over several instances (RFC 3396).
     */
    private static void write(ReplyWriter reply, DhcpOption option) {
        int code = option.code().code();
        int length = option.length();
        if (length > 255) {
            reply.option(code, option.value(), 0, length);
            return;
        }
        int at = reply.optionValueAt(code, length); // first: making room may grow the buffer
        option.copyValueTo(reply.buffer(), at);
    }

    /** An option holding one IPv4 address. */
    private static DhcpOption addressOption(OptionCode code, int address) {
        byte[] value = new byte[4];
        Ipv4.writeInt(value, 0, address);
        return DhcpOption.of(code, value);
    }
}
