package dev.dhcpembedded.codec;

import dev.dhcpembedded.internal.wire.Ipv4;
import java.nio.charset.StandardCharsets;

/** {@link DhcpMessage}'s text: its {@code toString} and the C strings of its sname and file fields. */
final class MessageText {

    private MessageText() {
    }

    /** {@code DhcpMessage{DISCOVER xid=0x... chaddr=... options=[...]}}: only the non-zero header fields. */
    static String describe(DhcpMessage m) {
        StringBuilder out = new StringBuilder("DhcpMessage{");
        out.append(m.messageType().map(MessageType::name)
                .orElse(m.op() == DhcpMessage.BOOTREPLY ? "BOOTREPLY" : "BOOTREQUEST"));
        out.append(String.format(" xid=0x%08x chaddr=%s", m.xid(), m.clientMac()));
        appendAddress(out, "ciaddr", m.ciaddrAsInt());
        appendAddress(out, "yiaddr", m.yiaddrAsInt());
        appendAddress(out, "siaddr", m.siaddrAsInt());
        appendAddress(out, "giaddr", m.giaddrAsInt());
        if (m.flags() != 0) {
            out.append(String.format(" flags=0x%04x", m.flags()));
        }
        if (m.secs() != 0) {
            out.append(" secs=").append(m.secs());
        }
        out.append(" options=").append(m.options()).append('}');
        return out.toString();
    }

    /** The bytes up to the first NUL (or all of them), one char per byte (ISO 8859-1). */
    static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static void appendAddress(StringBuilder out, String name, int address) {
        if (address != 0) {
            out.append(' ').append(name).append('=').append(Ipv4.toString(address));
        }
    }
}
