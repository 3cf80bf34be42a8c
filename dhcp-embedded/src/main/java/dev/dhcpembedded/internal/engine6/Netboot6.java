package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.engine.NetbootConfig;
import dev.dhcpembedded.internal.engine.NetbootDecision;
import dev.dhcpembedded.internal.wire.NetbootClient;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * DHCPv6 netboot (RFC 5970): the boot file URL (option 59) for a client that is a netboot client by its vendor class
 * (16, enterprise 343, {@code PXEClient...} or {@code HTTPClient...}) or user class (15, {@code iPXE}), or that asks
 * for option 59 in its ORO or names its architecture (61) without a class: that one is answered as an HTTP boot
 * client. The file is chosen by the rule both families share ({@link NetbootDecision#choose}); the MAC of a per-MAC
 * file is the link-layer address of a DUID-LLT or DUID-LL of hardware type 1 (Ethernet), no other DUID has one.
 * Every answer is a URL: a file of the boot root goes under {@code httpBase} (the embedded HTTP server on the
 * server's IPv6 address), as TFTP is served over IPv4 only; a PXE client, which fetches by TFTP alone, gets a file
 * only when the boot file is itself a URL. An HTTP boot client's reply carries vendor class {@code HTTPClient}, as
 * UEFI HTTP boot expects of its server.
 *
 * @param config the netboot configuration with this family's URLs
 * @param httpBase the embedded HTTP server's base URL on the IPv6 address ({@code http://[::1]:8080/}), or null
 */
public record Netboot6(NetbootConfig config, String httpBase) {

    private static final int ENTERPRISE_PXE = 343;
    private static final byte[] HTTP_CLIENT = "HTTPClient".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether {@code m} may be a netboot client: it carries a user or vendor class or option 61, or asks for option
     * 59. Read in place, nothing made: the packet path leaves those to the decoded path.
     */
    static boolean candidate(Server6Config config, Wire6Request m) {
        if (config.netboot() == null) {
            return false;
        }
        for (int at = m.firstOption(); at < m.end(); at = m.next(at)) {
            int code = m.code(at);
            if (code == Dhcp6OptionCode.USER_CLASS.code() || code == Dhcp6OptionCode.VENDOR_CLASS.code()
                    || code == Dhcp6OptionCode.CLIENT_ARCH_TYPE.code()) {
                return true;
            }
            if (code == Dhcp6OptionCode.ORO.code()) {
                for (int c = Wire6Request.value(at); c + 1 < Wire6Request.value(at) + m.length(at); c += 2) {
                    if (m.u16(c) == Dhcp6OptionCode.BOOTFILE_URL.code()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@code decision} with the boot file URL (and the vendor class for HTTP boot) added to its ADVERTISE or REPLY,
     * when {@code m} is a SOLICIT, REQUEST, RENEW, REBIND or INFORMATION-REQUEST of a netboot client something is
     * configured for; unchanged otherwise (and always when {@code boot} is null: no netboot).
     */
    static Decision6 answer(Netboot6 boot, Dhcp6Message m, Dhcp6MessageType type, Decision6 decision) {
        return boot == null ? decision : boot.answer(m, type, decision);
    }

    private Decision6 answer(Dhcp6Message m, Dhcp6MessageType type, Decision6 decision) {
        if (decision.reply().isEmpty() || !served(type) || failed(decision.reply().get())
                || decision.reply().get().hasOption(Dhcp6OptionCode.BOOTFILE_URL)) {
            return decision;
        }
        byte[] vendor = vendorData(m.option(Dhcp6OptionCode.VENDOR_CLASS));
        byte[] user = m.option(Dhcp6OptionCode.USER_CLASS).map(Dhcp6Option::value).orElse(null);
        byte[] arch = m.option(Dhcp6OptionCode.CLIENT_ARCH_TYPE).map(Dhcp6Option::value).orElse(null);
        int kind = NetbootClient.kind(vendor, user, false);
        boolean asked = asks(m);
        if (kind == NetbootClient.NONE && (asked || arch != null)) {
            kind = NetbootClient.HTTP;
            vendor = null; // answered as an HTTP boot client, but it did not say it was one: no vendor class back
        }
        if (kind == NetbootClient.NONE) {
            return decision;
        }
        int architecture = NetbootClient.architecture(arch, vendor);
        String file = NetbootDecision.choose(kind, architecture, mac(m.clientId()), config);
        String why = null;
        if (file != null && !file.contains("://")) {
            if (kind == NetbootClient.PXE) {
                why = "a PXE client fetches by TFTP, which is served over IPv4 only";
            } else if (httpBase == null) {
                why = "no HTTP server on the IPv6 address serves " + file;
            }
            file = why == null ? httpBase + file : null;
        }
        StringBuilder note = new StringBuilder(decision.rule()).append("; netboot ")
                .append(NetbootClient.name(kind)).append(architecture >= 0 ? " arch " + architecture : "");
        if (file == null) {
            return Decision6.reply(decision.reply().get(), note.append(": nothing to boot")
                    .append(why == null ? "" : " (" + why + ")").toString());
        }
        Dhcp6Message.Builder reply = decision.reply().get().toBuilder()
                .option(Dhcp6Option.of(Dhcp6OptionCode.BOOTFILE_URL, file.getBytes(StandardCharsets.US_ASCII)));
        if (kind == NetbootClient.HTTP && vendor != null) {
            reply.option(httpClientClass());
        }
        return Decision6.reply(reply.build(), note.append(": ").append(file).append(" (option 59, RFC 5970)")
                .toString());
    }

    private static boolean served(Dhcp6MessageType type) {
        return type == Dhcp6MessageType.SOLICIT || type == Dhcp6MessageType.REQUEST
                || type == Dhcp6MessageType.RENEW || type == Dhcp6MessageType.REBIND
                || type == Dhcp6MessageType.INFORMATION_REQUEST;
    }

    /** A reply with a top-level status other than Success (UseMulticast, NotOnLink...). */
    private static boolean failed(Dhcp6Message reply) {
        byte[] status = reply.option(Dhcp6OptionCode.STATUS_CODE).map(Dhcp6Option::value).orElse(null);
        return status != null && (status.length < 2 || Reply6Options.u16(status, 0) != 0);
    }

    private static boolean asks(Dhcp6Message m) {
        byte[] oro = m.option(Dhcp6OptionCode.ORO).map(Dhcp6Option::value).orElse(new byte[0]);
        for (int c = 0; c + 1 < oro.length; c += 2) {
            if (Reply6Options.u16(oro, c) == Dhcp6OptionCode.BOOTFILE_URL.code()) {
                return true;
            }
        }
        return false;
    }

    /** The first vendor-class-data of an option 16 of enterprise 343 (RFC 8415 21.16), or null. */
    static byte[] vendorData(Optional<Dhcp6Option> option) {
        byte[] v = option.map(Dhcp6Option::value).orElse(null);
        if (v == null || v.length < 6 || ((v[0] & 0xFF) << 24 | (v[1] & 0xFF) << 16 | (v[2] & 0xFF) << 8
                | (v[3] & 0xFF)) != ENTERPRISE_PXE) {
            return null;
        }
        int length = Reply6Options.u16(v, 4);
        return length > v.length - 6 ? null : java.util.Arrays.copyOfRange(v, 6, 6 + length);
    }

    /** Vendor class 16: enterprise 343, one vendor-class-data {@code HTTPClient}. */
    static Dhcp6Option httpClientClass() {
        byte[] v = new byte[6 + HTTP_CLIENT.length];
        Reply6Options.putInt(v, 0, ENTERPRISE_PXE);
        v[5] = (byte) HTTP_CLIENT.length;
        System.arraycopy(HTTP_CLIENT, 0, v, 6, HTTP_CLIENT.length);
        return Dhcp6Option.of(Dhcp6OptionCode.VENDOR_CLASS, v);
    }

    /** The Ethernet address of an Ethernet DUID-LLT or DUID-LL, as per-MAC files are kept (lower case), or null. */
    static String mac(Optional<Duid> duid) {
        return duid.flatMap(Duid::mac).map(m -> m.toString().toLowerCase(Locale.ROOT)).orElse(null);
    }
}
