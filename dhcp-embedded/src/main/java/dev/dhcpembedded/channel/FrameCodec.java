package dev.dhcpembedded.channel;

import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Frames to bytes and back, strictly: a body that is short, long, of an unknown type, or holds a bad field is a
 * {@link ChannelProtocolException} naming what is wrong and where, never a partial frame.
 */
public final class FrameCodec {

    /** The longest text field (reason, notice), in UTF-8 bytes. */
    public static final int MAX_TEXT = 1024;
    private static final int MAX_PAYLOAD = 65_535;

    private FrameCodec() {
    }

    /**
     * The frame as it goes on the wire: its length prefix, type byte and payload.
     *
     * @param frame the frame
     * @return the bytes, length prefix first
     */
    public static byte[] encode(Frame frame) {
        // the length prefix and the body in one array sized for this frame: one allocation, no copy of the payload
        // beyond the one into it (the array is trimmed only for a text frame, whose UTF-8 length is not known yet)
        byte[] out = new byte[4 + bodyBound(frame)];
        ByteBuffer body = ByteBuffer.wrap(out, 4, out.length - 4).slice();
        body.put((byte) frame.type());
        if (frame instanceof Frame.Hello h) {
            body.putInt(ChannelProtocol.MAGIC).putShort((short) h.version());
            byte[] token = h.token();
            body.put((byte) token.length).put(token).put(h.serve().getAddress());
            body.put((byte) (h.serve6() ? 1 : 0));
        } else if (frame instanceof Frame.Welcome w) {
            body.putShort((short) w.version());
            putText8(body, w.interfaceName());
            body.put(w.address().getAddress()).putShort((short) w.port());
            body.put((byte) w.broadcasts().size());
            w.broadcasts().forEach(b -> body.put(b.getAddress()));
            body.put((byte) (w.address6().isPresent() ? 1 : 0));
            w.address6().ifPresent(a -> body.put(a.getAddress()));
        } else if (frame instanceof Frame.Refused r) {
            putText16(body, r.reason());
        } else if (frame instanceof Frame.Inbound i) {
            putSocket(body, i.source());
            putSocket(body, i.destination());
            body.put((byte) (i.broadcast() ? 1 : 0)).put(i.payloadUnsafe());
        } else if (frame instanceof Frame.Outbound o) {
            putSocket(body, o.destination());
            byte[] mac = o.clientEthernet();
            body.put((byte) (o.broadcast() ? 1 : 0)).put((byte) mac.length).put(mac).put(o.payloadUnsafe());
        } else if (frame instanceof Frame.Inbound6 i) {
            putSocket6(body, i.source());
            putSocket6(body, i.destination());
            body.put(i.payloadUnsafe());
        } else if (frame instanceof Frame.Outbound6 o) {
            putSocket6(body, o.destination());
            body.put(o.payloadUnsafe());
        } else if (frame instanceof Frame.Ping p) {
            body.putLong(p.nonce());
        } else if (frame instanceof Frame.Pong p) {
            body.putLong(p.nonce());
        } else if (frame instanceof Frame.Notice n) {
            putText16(body, n.text());
        } else if (frame instanceof Frame.Bye b) {
            putText16(body, b.reason());
        } else if (frame instanceof UdpFrame u) {
            encodeUdp(u, body);
        } else {
            throw new IllegalArgumentException("not a frame this codec knows: " + frame);
        }
        int length = body.position();
        ByteBuffer.wrap(out).putInt(length);
        return length + 4 == out.length ? out : java.util.Arrays.copyOf(out, length + 4);
    }

    /** The most bytes the body of {@code frame} can take. */
    private static int bodyBound(Frame frame) {
        if (frame instanceof Frame.Inbound i) {
            return 1 + 13 + i.payloadUnsafe().length;
        } else if (frame instanceof Frame.Outbound o) {
            return 1 + 6 + 2 + 6 + o.payloadUnsafe().length;
        } else if (frame instanceof Frame.Inbound6 i) {
            return 1 + 36 + i.payloadUnsafe().length;
        } else if (frame instanceof Frame.Outbound6 o) {
            return 1 + 18 + o.payloadUnsafe().length;
        } else if (frame instanceof Frame.Ping || frame instanceof Frame.Pong) {
            return 1 + 8;
        } else if (frame instanceof Frame.Hello) {
            return 1 + 4 + 2 + 1 + ChannelProtocol.MAX_TOKEN_LENGTH + 4 + 1;
        } else if (frame instanceof Frame.Welcome w) {
            return 1 + 2 + 1 + 15 + 4 + 2 + 1 + 4 * w.broadcasts().size() + 1 + 16;
        } else if (frame instanceof UdpFrame.Data d) {
            return 1 + 4 + 6 + d.payloadUnsafe().length;
        } else if (frame instanceof UdpFrame.Open || frame instanceof UdpFrame.Opened) {
            return 1 + 4 + 6;
        } else if (frame instanceof UdpFrame.Close) {
            return 1 + 4 + 2 + MAX_TEXT;
        }
        return 1 + 2 + MAX_TEXT; // REFUSED, NOTICE, BYE: a text of at most MAX_TEXT bytes
    }

    /**
     * Decodes one body: the type byte and the payload after the length prefix.
     *
     * @param body the frame's bytes after its 4-byte length prefix
     * @return the frame
     * @throws ChannelProtocolException if the body is empty, too long, of an unknown type, or holds a bad field
     */
    public static Frame decode(byte[] body) throws ChannelProtocolException {
        return decode(body, body.length);
    }

    /** {@link #decode(byte[])} of the first {@code length} bytes of {@code body}: a reader's reused buffer. */
    static Frame decode(byte[] body, int length) throws ChannelProtocolException {
        if (length == 0) {
            throw new ChannelProtocolException("empty frame: a frame has at least its type byte");
        }
        if (length > ChannelProtocol.MAX_FRAME_LENGTH) {
            throw new ChannelProtocolException("frame of " + length + " bytes exceeds the limit of "
                    + ChannelProtocol.MAX_FRAME_LENGTH);
        }
        ByteBuffer in = ByteBuffer.wrap(body, 0, length);
        int type = in.get() & 0xFF;
        try {
            Frame frame = decode(type, in);
            if (in.hasRemaining()) {
                throw new ChannelProtocolException(name(type) + " frame has " + in.remaining()
                        + " unexpected trailing bytes at offset " + in.position());
            }
            return frame;
        } catch (BufferUnderflowException e) {
            throw new ChannelProtocolException(name(type) + " frame of " + length
                    + " bytes is truncated at offset " + in.position());
        } catch (IllegalArgumentException e) {
            throw new ChannelProtocolException(name(type) + " frame is invalid: " + e.getMessage());
        }
    }

    private static Frame decode(int type, ByteBuffer in) throws ChannelProtocolException {
        switch (type) {
            case Frame.Hello.TYPE: {
                int magic = in.getInt();
                if (magic != ChannelProtocol.MAGIC) {
                    throw new ChannelProtocolException(String.format("HELLO without the magic DHCA (0x%08x): not a "
                            + "dhcp-embedded channel peer", magic));
                }
                int version = in.getShort() & 0xFFFF;
                if (version != ChannelProtocol.VERSION) {
                    throw new ChannelProtocolException("peer speaks channel protocol version " + version
                            + ", this end speaks version " + ChannelProtocol.VERSION
                            + "; use the agent image of the same dhcp-embedded version");
                }
                byte[] token = new byte[in.get() & 0xFF];
                in.get(token);
                Inet4Address serve = ipv4(in);
                return new Frame.Hello(version, token, serve, flag(in));
            }
            case Frame.Welcome.TYPE: {
                int version = in.getShort() & 0xFFFF;
                if (version != ChannelProtocol.VERSION) {
                    throw new ChannelProtocolException("agent speaks channel protocol version " + version
                            + ", this end speaks version " + ChannelProtocol.VERSION
                            + "; use the agent image of the same dhcp-embedded version");
                }
                String name = text(in, in.get() & 0xFF);
                Inet4Address address = ipv4(in);
                int port = in.getShort() & 0xFFFF;
                int count = in.get() & 0xFF;
                List<Inet4Address> broadcasts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    broadcasts.add(ipv4(in));
                }
                Optional<Inet6Address> address6 = flag(in) ? Optional.of(ipv6(in)) : Optional.empty();
                return new Frame.Welcome(version, name, address, port, broadcasts, address6);
            }
            case Frame.Refused.TYPE:
                return new Frame.Refused(text16(in));
            case Frame.Inbound.TYPE: {
                InetSocketAddress source = socket(in);
                InetSocketAddress destination = socket(in);
                boolean broadcast = flag(in);
                return new Frame.Inbound(source, destination, broadcast, rest(in));
            }
            case Frame.Outbound.TYPE: {
                InetSocketAddress destination = socket(in);
                boolean broadcast = flag(in);
                byte[] mac = new byte[in.get() & 0xFF];
                in.get(mac);
                return new Frame.Outbound(destination, broadcast, mac, rest(in));
            }
            case Frame.Inbound6.TYPE: {
                InetSocketAddress source = socket6(in);
                InetSocketAddress destination = socket6(in);
                return new Frame.Inbound6(source, destination, rest(in));
            }
            case Frame.Outbound6.TYPE: {
                InetSocketAddress destination = socket6(in);
                return new Frame.Outbound6(destination, rest(in));
            }
            case Frame.Ping.TYPE:
                return new Frame.Ping(in.getLong());
            case Frame.Pong.TYPE:
                return new Frame.Pong(in.getLong());
            case Frame.Notice.TYPE:
                return new Frame.Notice(text16(in));
            case Frame.Bye.TYPE:
                return new Frame.Bye(text16(in));
            case UdpFrame.Open.TYPE:
                return new UdpFrame.Open(in.getInt(), in.getShort() & 0xFFFF);
            case UdpFrame.Opened.TYPE:
                return new UdpFrame.Opened(in.getInt(), socket(in));
            case UdpFrame.Data.TYPE: {
                int id = in.getInt();
                return new UdpFrame.Data(id, socket(in), rest(in));
            }
            case UdpFrame.Close.TYPE: {
                int id = in.getInt();
                return new UdpFrame.Close(id, text16(in));
            }
            default:
                throw new ChannelProtocolException(String.format("unknown frame type 0x%02x", type));
        }
    }

    private static String name(int type) {
        switch (type) {
            case Frame.Hello.TYPE: return "HELLO";
            case Frame.Welcome.TYPE: return "WELCOME";
            case Frame.Refused.TYPE: return "REFUSED";
            case Frame.Inbound.TYPE: return "INBOUND";
            case Frame.Outbound.TYPE: return "OUTBOUND";
            case Frame.Inbound6.TYPE: return "INBOUND6";
            case Frame.Outbound6.TYPE: return "OUTBOUND6";
            case Frame.Ping.TYPE: return "PING";
            case Frame.Pong.TYPE: return "PONG";
            case Frame.Notice.TYPE: return "NOTICE";
            case Frame.Bye.TYPE: return "BYE";
            case UdpFrame.Open.TYPE: return "UDP_OPEN";
            case UdpFrame.Opened.TYPE: return "UDP_OPENED";
            case UdpFrame.Data.TYPE: return "UDP_DATA";
            case UdpFrame.Close.TYPE: return "UDP_CLOSE";
            default: return String.format("type 0x%02x", type);
        }
    }

    /** The UDP frames of version 3: each begins with its port's id. */
    private static void encodeUdp(UdpFrame frame, ByteBuffer body) {
        body.putInt(frame.id());
        if (frame instanceof UdpFrame.Open o) {
            body.putShort((short) o.port());
        } else if (frame instanceof UdpFrame.Opened o) {
            putSocket(body, o.local());
        } else if (frame instanceof UdpFrame.Data d) {
            putSocket(body, d.peer());
            body.put(d.payloadUnsafe());
        } else if (frame instanceof UdpFrame.Close c) {
            putText16(body, c.reason());
        }
    }

    private static boolean flag(ByteBuffer in) throws ChannelProtocolException {
        int flags = in.get() & 0xFF;
        if ((flags & ~1) != 0) {
            throw new ChannelProtocolException(String.format("unknown flag bits 0x%02x at offset %d", flags,
                    in.position() - 1));
        }
        return flags == 1;
    }

    private static byte[] rest(ByteBuffer in) {
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return payload;
    }

    private static Inet4Address ipv4(ByteBuffer in) {
        byte[] b = new byte[4];
        in.get(b);
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Inet6Address ipv6(ByteBuffer in) {
        byte[] b = new byte[16];
        in.get(b);
        return Ipv6.read(b, 0);
    }

    private static InetSocketAddress socket6(ByteBuffer in) {
        Inet6Address address = ipv6(in);
        return new InetSocketAddress(address, in.getShort() & 0xFFFF);
    }

    /** An IPv6 socket address as 16 bytes and a port; a zone (scope id) does not travel: each end has its own. */
    private static void putSocket6(ByteBuffer out, InetSocketAddress socket) {
        out.put(socket.getAddress().getAddress()).putShort((short) socket.getPort());
    }

    private static InetSocketAddress socket(ByteBuffer in) {
        Inet4Address address = ipv4(in);
        return new InetSocketAddress(address, in.getShort() & 0xFFFF);
    }

    private static void putSocket(ByteBuffer out, InetSocketAddress socket) {
        out.put(socket.getAddress().getAddress()).putShort((short) socket.getPort());
    }

    private static String text16(ByteBuffer in) throws ChannelProtocolException {
        return text(in, in.getShort() & 0xFFFF);
    }

    private static String text(ByteBuffer in, int length) throws ChannelProtocolException {
        if (length > MAX_TEXT) {
            throw new ChannelProtocolException("text of " + length + " bytes at offset " + in.position()
                    + " exceeds " + MAX_TEXT);
        }
        byte[] bytes = new byte[length];
        int at = in.position();
        in.get(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ChannelProtocolException("text at offset " + at + " is not UTF-8");
        }
    }

    private static void putText8(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.put((byte) bytes.length).put(bytes);
    }

    private static void putText16(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length).put(bytes);
    }

    // ---- validation shared with the records ----

    static void requireText(String text, int maxBytes, String what) {
        Objects.requireNonNull(text, what);
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        if (length > maxBytes) {
            throw new IllegalArgumentException(what + " has " + length + " bytes, more than " + maxBytes);
        }
    }

    static void requirePort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is not in 0-65535");
        }
    }

    static void requireIpv4(InetSocketAddress socket, String what) {
        Objects.requireNonNull(socket, what);
        if (!(socket.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException(what + " " + socket + " is not a resolved IPv4 socket address");
        }
    }

    static void requireIpv6(InetSocketAddress socket, String what) {
        Objects.requireNonNull(socket, what);
        if (!(socket.getAddress() instanceof Inet6Address v6) || v6.getScopeId() != 0
                || v6.getScopedInterface() != null) {
            throw new IllegalArgumentException(what + " " + socket + " is not a resolved IPv6 socket address without "
                    + "a zone");
        }
    }

    static byte[] requirePayload(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds a UDP datagram's "
                    + MAX_PAYLOAD);
        }
        return payload;
    }
}
