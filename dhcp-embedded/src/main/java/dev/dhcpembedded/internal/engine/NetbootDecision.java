package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.internal.wire.NetbootClient;
import dev.dhcpembedded.internal.wire.ReplyWriter;
import dev.dhcpembedded.internal.wire.WireRequest;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a netboot client is told to boot: by per-MAC override first, then by kind (an iPXE client gets the chained
 * script, an HTTP boot client a URL, a PXE ROM the boot file by TFTP), the file chosen by its architecture.
 *
 * @param kind the client's kind, one of {@link NetbootClient}'s
 * @param architecture option 93's type, or -1
 * @param file what goes in the file field and option 67: a TFTP file name or a URL
 */
public record NetbootDecision(int kind, int architecture, String file) {

    /**
     * The decision for {@code request}, or null when it is no netboot client or nothing is configured for it.
     *
     * @param request the request, read in place
     * @param config what netboot clients are told, or null
     * @return the decision, or null
     */
    public static NetbootDecision of(WireRequest request, NetbootConfig config) {
        if (config == null) {
            return null;
        }
        byte[] vendor = value(request, NetbootClient.VENDOR_CLASS);
        int kind = NetbootClient.kind(vendor, value(request, NetbootClient.USER_CLASS),
                request.has(NetbootClient.IPXE_OPTIONS));
        if (kind == NetbootClient.NONE) {
            return null;
        }
        int arch = NetbootClient.architecture(value(request, NetbootClient.ARCHITECTURE), vendor);
        String file = choose(kind, arch, mac(request), config);
        return file == null ? null : new NetbootDecision(kind, arch, file);
    }

    /**
     * The one rule of both families: what a netboot client of {@code kind} and {@code architecture} boots. The
     * per-MAC file first, then the iPXE script for iPXE, else the boot file of the architecture, under the HTTP boot
     * URL for an HTTP boot client (which gets nothing without one, or when the boot file is itself a URL).
     *
     * @param kind one of {@link NetbootClient}'s kinds, not {@code NONE}
     * @param architecture the client's architecture type, or -1
     * @param mac the client's MAC (lower case, colon-separated), or null when it is not known
     * @param config the family's configuration: its URLs are that family's addresses
     * @return a file name of the boot root or a URL; null: nothing for this client
     */
    public static String choose(int kind, int architecture, String mac, NetbootConfig config) {
        String file = mac == null ? null : config.perMac().get(mac);
        if (file == null && kind == NetbootClient.IPXE && config.ipxeScriptUrl() != null) {
            file = config.ipxeScriptUrl();
        }
        if (file == null) {
            file = config.bootFile() == null ? null : config.bootFile().apply(architecture);
            if (file != null && kind == NetbootClient.HTTP) {
                file = config.httpBootUrl() == null || file.contains("://") ? null : config.httpBootUrl() + file;
            }
        }
        return file == null || file.isEmpty() ? null : file;
    }

    /**
     * Adds the boot information to an OFFER or ACK just written for a netboot client, and says so in the note.
     *
     * @return {@code replied}, unchanged
     */
    static boolean answer(boolean replied, WireRequest request, NetbootConfig config, ReplyWriter reply,
                          StringBuilder note) {
        int type = replied ? reply.messageType() : 0;
        if (type != MessageType.OFFER.code() && type != MessageType.ACK.code()) {
            return replied;
        }
        NetbootDecision decision = of(request, config);
        if (decision != null) {
            ReplyFactory.netboot(decision, config, reply);
            note.append("; netboot ").append(NetbootClient.name(decision.kind()));
            if (decision.architecture() >= 0) {
                note.append(" arch ").append(decision.architecture());
            }
            note.append(": ").append(decision.file());
        }
        return replied;
    }

    private static byte[] value(WireRequest request, int code) {
        int i = request.find(code);
        if (i < 0) {
            return null;
        }
        int from = request.optionOffsetAt(i);
        return Arrays.copyOfRange(request.optionBufferAt(i), from, from + request.optionLengthAt(i));
    }

    private static String mac(WireRequest request) {
        StringBuilder out = new StringBuilder();
        byte[] b = request.bytes();
        for (int i = 0; i < request.macLength(); i++) {
            out.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02x", b[WireRequest.CHADDR_OFFSET + i]));
        }
        return out.toString();
    }
}
