package dev.dhcpembedded.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A small TFTP reader for tests (RFC 1350 octet mode, with the options of RFC 2347: blksize, tsize, windowsize):
 *
 * <pre>{@code
 * TftpClient.Download d = TftpClient.to(server.netboot().tftpAddress()).blockSize(1468).get("ipxe.efi");
 * }</pre>
 *
 * Immutable: each setting returns a new client. It acknowledges each window as RFC 7440 says, the last in-order
 * block when one is missing.
 */
public final class TftpClient {

    /**
     * A file read.
     *
     * @param content the file's bytes
     * @param options the options the server acknowledged (OACK), empty when it sent none
     * @param packets how many data packets arrived, duplicates included
     */
    public record Download(byte[] content, Map<String, String> options, int packets) {
    }

    /** The server answered with an error packet (RFC 1350 §5). */
    public static final class TftpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        TftpError(int code, String message) {
            super("TFTP error " + code + ": " + message);
            this.code = code;
        }

        /** {@return the error code: 1 file not found, 2 access violation, 4 illegal operation, ...} */
        public int code() {
            return code;
        }
    }

    private final InetSocketAddress server;
    private final Map<String, String> options;
    private final Duration timeout;

    private TftpClient(InetSocketAddress server, Map<String, String> options, Duration timeout) {
        this.server = server;
        this.options = options;
        this.timeout = timeout;
    }

    /**
     * A client of the server at {@code server}, with no option and a two-second timeout.
     *
     * @param server the TFTP server's address
     * @return the client
     */
    public static TftpClient to(InetSocketAddress server) {
        return new TftpClient(Objects.requireNonNull(server, "server"), Map.of(), Duration.ofSeconds(2));
    }

    /** {@return a client that asks for blocks of {@code size} bytes (RFC 2348)} @param size 8 to 65464 */
    public TftpClient blockSize(int size) {
        return with("blksize", String.valueOf(size));
    }

    /** {@return a client that asks for windows of {@code blocks} blocks (RFC 7440)} @param blocks 1 to 65535 */
    public TftpClient windowSize(int blocks) {
        return with("windowsize", String.valueOf(blocks));
    }

    /** {@return a client that asks for the file's size (RFC 2349 tsize)} */
    public TftpClient askSize() {
        return with("tsize", "0");
    }

    /**
     * {@return a client that sends this option as it is} For tests of what a server does with odd values.
     * @param name the option's name
     * @param value its value
     */
    public TftpClient with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(options);
        more.put(name, value);
        return new TftpClient(server, Collections.unmodifiableMap(more), timeout);
    }

    /** {@return a client that waits {@code timeout} for each packet} @param timeout the wait, positive */
    public TftpClient timeout(Duration timeout) {
        return new TftpClient(server, options, timeout);
    }

    /**
     * Reads {@code file} in octet mode.
     *
     * @param file the file name as the server's root names it
     * @return the file and what the server acknowledged
     * @throws TftpError when the server answers with an error
     * @throws UncheckedIOException when the server does not answer in time
     */
    public Download get(String file) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0))) {
            socket.setSoTimeout((int) timeout.toMillis());
            return read(socket, file);
        } catch (IOException e) {
            throw new UncheckedIOException("TFTP read of " + file + " from " + server + ": " + e.getMessage(), e);
        }
    }

    private Download read(DatagramSocket socket, String file) throws IOException {
        byte[] request = request(file);
        socket.send(new DatagramPacket(request, request.length, server));
        int blockSize = options.containsKey("blksize") ? 0 : 512;
        int window = 1;
        Map<String, String> acknowledged = Map.of();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] in = new byte[65468 + 4];
        DatagramPacket packet = new DatagramPacket(in, in.length);
        InetSocketAddress peer = null;
        byte[] lastAck = request;
        int expected = 1;
        int inWindow = 0;
        int packets = 0;
        int timeouts = 0;
        while (true) {
            packet.setLength(in.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                if (++timeouts > 3) {
                    throw e;
                }
                socket.send(new DatagramPacket(lastAck, lastAck.length, peer == null ? server : peer));
                continue;
            }
            if (peer == null) {
                peer = (InetSocketAddress) packet.getSocketAddress();
            } else if (!peer.equals(packet.getSocketAddress())) {
                continue;
            }
            int length = packet.getLength();
            int op = length < 2 ? -1 : ((in[0] & 0xFF) << 8) | (in[1] & 0xFF);
            int number = length < 4 ? -1 : ((in[2] & 0xFF) << 8) | (in[3] & 0xFF);
            if (op == 5) {
                int end = 4;
                while (end < length && in[end] != 0) {
                    end++;
                }
                throw new TftpError(number, new String(in, 4, Math.max(0, end - 4), StandardCharsets.US_ASCII));
            }
            if (op == 6 && expected == 1 && content.size() == 0) {
                acknowledged = oack(in, length);
                blockSize = Integer.parseInt(acknowledged.getOrDefault("blksize", "512"));
                window = Integer.parseInt(acknowledged.getOrDefault("windowsize", "1"));
                lastAck = ack(0);
                socket.send(new DatagramPacket(lastAck, lastAck.length, peer));
                continue;
            }
            if (op != 3) {
                continue;
            }
            if (blockSize == 0) {
                blockSize = 512; // the server ignored every option
            }
            packets++;
            timeouts = 0;
            int data = length - 4;
            if (number != (expected & 0xFFFF)) {
                lastAck = ack(expected - 1); // RFC 7440: acknowledge the last block in order
                socket.send(new DatagramPacket(lastAck, lastAck.length, peer));
                inWindow = 0;
                continue;
            }
            content.write(in, 4, data);
            boolean last = data < blockSize;
            if (++inWindow >= window || last) {
                lastAck = ack(expected);
                socket.send(new DatagramPacket(lastAck, lastAck.length, peer));
                inWindow = 0;
            }
            if (last) {
                return new Download(content.toByteArray(), acknowledged, packets);
            }
            expected++;
        }
    }

    private byte[] request(String file) {
        StringBuilder text = new StringBuilder().append(file).append('\0').append("octet").append('\0');
        options.forEach((name, value) -> text.append(name).append('\0').append(value).append('\0'));
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[2 + body.length];
        out[1] = 1;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static byte[] ack(int block) {
        return new byte[] {0, 4, (byte) (block >> 8), (byte) block};
    }

    private static Map<String, String> oack(byte[] b, int length) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = new String(b, 2, length - 2, StandardCharsets.US_ASCII).split("\0", -1);
        for (int i = 0; i + 1 < parts.length; i += 2) {
            out.put(parts[i].toLowerCase(java.util.Locale.ROOT), parts[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
