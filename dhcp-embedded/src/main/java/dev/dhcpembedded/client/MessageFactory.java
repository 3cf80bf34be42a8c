package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import java.net.Inet4Address;
import java.util.Optional;

/**
 * Builds what a client sends, field by field and option by option as RFC 2131 table 5 and section 4.3.2 say.
 * Options go in the order 53, 61, 50, 54, 57, 12, 60, 55, then the extra options; an extra option never overrides
 * what the state requires, and options the RFC forbids in a message are left out even when configured.
 */
final class MessageFactory {

    private final ClientSettings settings;

    MessageFactory(ClientSettings settings) {
        this.settings = settings;
    }

    /** DISCOVER: ciaddr 0, no 54; 50 only when the client asks for a preferred address. */
    DhcpMessage discover(int xid, int secs, Optional<Inet4Address> preferred) {
        DhcpMessageBuilder b = base(MessageType.DISCOVER, xid, secs, settings.broadcast());
        preferred.ifPresent(address -> b.option(address(OptionCode.REQUESTED_IP_ADDRESS, address)));
        withRequestOptions(b, MessageType.DISCOVER);
        b.removeOption(OptionCode.SERVER_IDENTIFIER);
        preferred.ifPresent(address -> b.option(address(OptionCode.REQUESTED_IP_ADDRESS, address)));
        return b.build();
    }

    /** REQUEST in SELECTING: the OFFER's xid, ciaddr 0, 50 = the offered address, 54 = the chosen server. */
    DhcpMessage requestSelecting(int xid, int secs, Inet4Address offered, Inet4Address serverId) {
        DhcpMessageBuilder b = base(MessageType.REQUEST, xid, secs, settings.broadcast());
        b.option(address(OptionCode.REQUESTED_IP_ADDRESS, offered));
        b.option(address(OptionCode.SERVER_IDENTIFIER, serverId));
        withRequestOptions(b, MessageType.REQUEST);
        b.option(address(OptionCode.REQUESTED_IP_ADDRESS, offered));
        b.option(address(OptionCode.SERVER_IDENTIFIER, serverId));
        return b.build();
    }

    /** REQUEST in INIT-REBOOT: ciaddr 0, 50 = the remembered address, no 54. */
    DhcpMessage requestInitReboot(int xid, int secs, Inet4Address address) {
        DhcpMessageBuilder b = base(MessageType.REQUEST, xid, secs, settings.broadcast());
        b.option(address(OptionCode.REQUESTED_IP_ADDRESS, address));
        withRequestOptions(b, MessageType.REQUEST);
        b.option(address(OptionCode.REQUESTED_IP_ADDRESS, address));
        b.removeOption(OptionCode.SERVER_IDENTIFIER);
        return b.build();
    }

    /**
     * REQUEST in RENEWING or REBINDING: ciaddr = the leased address, no 50, no 54, broadcast flag clear (the client
     * has its address and receives unicast).
     */
    DhcpMessage requestExtending(int xid, int secs, Inet4Address leased) {
        DhcpMessageBuilder b = base(MessageType.REQUEST, xid, secs, false).ciaddr(leased);
        withRequestOptions(b, MessageType.REQUEST);
        b.removeOption(OptionCode.REQUESTED_IP_ADDRESS);
        b.removeOption(OptionCode.SERVER_IDENTIFIER);
        return b.build();
    }

    /** DECLINE: secs 0, flags 0, ciaddr 0, 50 = the declined address, 54; only 53, 61, 50, 54. */
    DhcpMessage decline(int xid, Inet4Address address, Inet4Address serverId) {
        DhcpMessageBuilder b = base(MessageType.DECLINE, xid, 0, false);
        b.option(address(OptionCode.REQUESTED_IP_ADDRESS, address));
        b.option(address(OptionCode.SERVER_IDENTIFIER, serverId));
        return b.build();
    }

    /** RELEASE: secs 0, flags 0, ciaddr = the leased address, 54; only 53, 61, 54. */
    DhcpMessage release(int xid, Inet4Address leased, Inet4Address serverId) {
        DhcpMessageBuilder b = base(MessageType.RELEASE, xid, 0, false).ciaddr(leased);
        b.option(address(OptionCode.SERVER_IDENTIFIER, serverId));
        return b.build();
    }

    /** INFORM: ciaddr = the client's address; no 50, 51 or 54. */
    DhcpMessage inform(int xid, int secs, Inet4Address address) {
        DhcpMessageBuilder b = base(MessageType.INFORM, xid, secs, settings.broadcast()).ciaddr(address);
        withRequestOptions(b, MessageType.INFORM);
        b.removeOption(OptionCode.REQUESTED_IP_ADDRESS);
        b.removeOption(OptionCode.IP_ADDRESS_LEASE_TIME);
        b.removeOption(OptionCode.SERVER_IDENTIFIER);
        return b.build();
    }

    /** A message with this client's header (chaddr, giaddr and hops when relaying), 53 and 61 set. */
    DhcpMessageBuilder base(MessageType type, int xid, int secs, boolean broadcast) {
        DhcpMessageBuilder b = DhcpMessage.builder()
                .op(DhcpMessage.BOOTREQUEST)
                .htype(1)
                .chaddr(settings.mac())
                .xid(xid)
                .secs(secs)
                .broadcast(broadcast)
                .hops(settings.giaddr() != 0 ? 1 : 0)
                .messageType(type);
        b.giaddr(Ipv4.fromInt(settings.giaddr()));
        settings.clientIdentifier().ifPresent(b::option);
        return b;
    }

    private void withRequestOptions(DhcpMessageBuilder b, MessageType type) {
        settings.maxMessageSize().ifPresent(size -> b.option(DhcpOptions.maximumMessageSize(size)));
        settings.hostname().ifPresent(name -> b.option(DhcpOptions.hostname(name)));
        settings.vendorClass().ifPresent(vendor -> b.option(DhcpOptions.vendorClassIdentifier(vendor)));
        if (!settings.parameterRequestList().isEmpty()) {
            b.option(DhcpOptions.parameterRequestList(
                    settings.parameterRequestList().stream().mapToInt(Integer::intValue).toArray()));
        }
        b.options(settings.extraOptions());
        b.messageType(type);
        settings.clientIdentifier().ifPresent(b::option);
    }

    private static DhcpOption address(OptionCode code, Inet4Address address) {
        return DhcpOptions.address(code, Ipv4.toString(Ipv4.toInt(address)));
    }
}
