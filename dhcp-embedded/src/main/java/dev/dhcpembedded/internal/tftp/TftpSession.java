package dev.dhcpembedded.internal.tftp;

import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.tftp.Fetch;
import dev.dhcpembedded.transport.UdpPort;
import dev.dhcpembedded.transport.UdpPorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One read transfer, from its own port (its transfer id): options negotiated (RFC 2347), then the file in blocks of
 * {@code blksize} (2348), {@code windowsize} blocks at a time (7440), each window sent again when no acknowledgement
 * comes within the timeout, until the retries run out. A datagram from another port gets error 5 and the transfer
 * goes on. The journal keeps the request, the option acknowledgement, errors and the final acknowledgement (with
 * the count of bytes and blocks); data blocks are counted, not kept, so a large boot file does not push the DHCP
 * traffic out of the journal.
 */
final class TftpSession implements Runnable {

    static final int MAX_BLOCK_SIZE = 65464;
    static final int MAX_DATA_PACKET = MAX_BLOCK_SIZE + 4;

    private final TftpPackets.Request request;
    private final InetSocketAddress client;
    private final UdpPorts ports;
    private final BootRoot root;
    private final TftpJournal journal;
    private final TftpServer.Settings settings;
    private final Consumer<TftpSession> done;
    private volatile UdpPort socket;
    private int timeout;
    private volatile boolean closed;
    private InetSocketAddress tid;

    TftpSession(TftpPackets.Request request, InetSocketAddress client, UdpPorts ports, BootRoot root,
                TftpJournal journal, TftpServer.Settings settings, Consumer<TftpSession> done) {
        this.request = request;
        this.client = client;
        this.ports = ports;
        this.root = root;
        this.journal = journal;
        this.settings = settings;
        this.done = done;
    }

    @Override
    public void run() {
        Instant started = journal.now();
        long[] sent = {0};
        boolean complete = false;
        try (UdpPort s = ports.open(0)) {
            socket = s;
            if (closed) {
                return; // closed while the port opened: close() found no port to close
            }
            ends(s);
            complete = transfer(s, sent);
        } catch (IOException e) {
            if (!closed) {
                journal.note("TFTP transfer of " + request.file() + " to " + client + " failed: " + e.getMessage());
            }
        } finally {
            done.accept(this);
            journal.fetched(new Fetch("tftp", request.file(), client, sent[0], complete, started, journal.now()));
        }
    }

    private boolean transfer(UdpPort s, long[] sent) throws IOException {
        byte[] content;
        try {
            Path file = root.resolve(request.file());
            content = Files.readAllBytes(file);
        } catch (BootRoot.Refused e) {
            error(s, e.code(), e.getMessage());
            return false;
        }
        if (request.mode().equals("netascii")) {
            content = netascii(content);
        }
        Map<String, String> accepted = negotiate(content.length);
        int blockSize = Integer.parseInt(accepted.getOrDefault("blksize", "512"));
        int window = Integer.parseInt(accepted.getOrDefault("windowsize", "1"));
        int timeout = accepted.containsKey("timeout") ? Integer.parseInt(accepted.get("timeout")) * 1000
                : (int) settings.timeout().toMillis();
        this.timeout = timeout;
        byte[] in = new byte[MAX_DATA_PACKET];
        DatagramPacket packet = new DatagramPacket(in, in.length);
        if (!accepted.isEmpty()) {
            byte[] oack = TftpPackets.oack(accepted);
            send(s, oack, oack.length);
            journal.datagram(JournalEntry.Kind.SENT, ends(s), client, oack, oack.length, "Option Acknowledgement, "
                    + TftpPackets.options(accepted));
            if (awaitAck(s, packet, () -> send(s, oack, oack.length)) < 0) {
                return false;
            }
        }
        long blocks = content.length / blockSize + 1; // the last block is shorter than blksize, maybe empty
        long base = 1;
        byte[] out = new byte[4 + blockSize];
        while (base <= blocks) {
            long end = Math.min(blocks, base + window - 1);
            long acked = -1;
            for (int attempt = 0; attempt <= settings.retries() && acked < 0; attempt++) {
                for (long block = base; block <= end; block++) {
                    int from = (int) ((block - 1) * blockSize);
                    int length = Math.min(blockSize, content.length - from);
                    out[0] = 0;
                    out[1] = TftpPackets.DATA;
                    out[2] = (byte) (block >> 8);
                    out[3] = (byte) block;
                    System.arraycopy(content, from, out, 4, length);
                    send(s, out, 4 + length);
                }
                acked = awaitWindowAck(s, packet, base, end);
                if (acked == -2) {
                    return false;
                }
            }
            if (acked < 0) {
                journal.note("TFTP transfer of " + request.file() + " to " + client + " given up: no acknowledgement "
                        + "of block " + base + " after " + settings.retries() + " retransmissions");
                return false;
            }
            sent[0] = Math.min(content.length, acked * blockSize);
            if (acked == blocks) {
                journal.datagram(JournalEntry.Kind.RECEIVED, client, ends(s), in, packet.getLength(),
                        "Acknowledgement, Block: " + (acked & 0xFFFF) + "; sent " + request.file() + ": "
                                + content.length + " bytes in " + blocks + " blocks (blksize " + blockSize
                                + ", windowsize " + window + ")");
                return true;
            }
            base = acked + 1;
        }
        return false;
    }

    /**
     * The options granted: blksize capped at 65464, tsize with the file's size, timeout 1..255 seconds, windowsize
     * capped at the server's largest; out-of-range values and unknown options are left out (RFC 2347 §3).
     */
    private Map<String, String> negotiate(int size) {
        Map<String, String> accepted = new LinkedHashMap<>();
        request.options().forEach((name, value) -> {
            long n = number(value);
            switch (name) {
                case "blksize" -> {
                    if (n >= 8) {
                        accepted.put(name, String.valueOf(Math.min(n, MAX_BLOCK_SIZE)));
                    }
                }
                case "tsize" -> {
                    if (n == 0) {
                        accepted.put(name, String.valueOf(size));
                    }
                }
                case "timeout" -> {
                    if (n >= 1 && n <= 255) {
                        accepted.put(name, String.valueOf(n));
                    }
                }
                case "windowsize" -> {
                    if (n >= 1 && n <= 65535) {
                        accepted.put(name, String.valueOf(Math.min(n, settings.maxWindow())));
                    }
                }
                default -> {
                    // unknown options are ignored, as RFC 2347 says
                }
            }
        });
        return accepted;
    }

    private static long number(String value) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(value);
    }

    private interface Resend {
        void run() throws IOException;
    }

    /**
     * Waits for ACK 0, the client's yes to the options; sends them again on timeout.
     *
     * @return 0 when it came, -1 when the retries ran out or the client sent an error
     */
    private int awaitAck(UdpPort s, DatagramPacket packet, Resend resend) throws IOException {
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            long got = awaitWindowAck(s, packet, 0, 0);
            if (got == 0) {
                return 0;
            }
            if (got == -2) {
                return -1;
            }
            resend.run();
        }
        journal.note("TFTP transfer of " + request.file() + " to " + client + " given up: no acknowledgement of the "
                + "options after " + settings.retries() + " retransmissions");
        return -1;
    }

    /**
     * Waits for an acknowledgement within {@code [base - 1, end]} (block numbers wrap at 16 bits).
     *
     * @return the highest block acknowledged at or past {@code base}; -1 on timeout or when the client says it has
     *         only {@code base - 1} (the window is then sent again); -2 when the client sent an error
     */
    private long awaitWindowAck(UdpPort s, DatagramPacket packet, long base, long end) throws IOException {
        while (true) {
            packet.setLength(packet.getData().length);
            try {
                s.receive(packet, timeout);
            } catch (SocketTimeoutException e) {
                return -1;
            }
            byte[] b = packet.getData();
            int length = packet.getLength();
            if (!packet.getSocketAddress().equals(client)) {
                byte[] error = TftpPackets.error(TftpPackets.UNKNOWN_TID, "unknown transfer id");
                s.send(new DatagramPacket(error, error.length, packet.getSocketAddress()));
                continue;
            }
            int op = TftpPackets.opcode(b, length);
            if (op == TftpPackets.ERROR) {
                journal.datagram(JournalEntry.Kind.RECEIVED, client, ends(s), b, length, "Error Code, Code: "
                        + TftpPackets.number(b, length) + ", Message: " + TftpPackets.errorMessage(b, length));
                return -2;
            }
            if (op != TftpPackets.ACK || length < 4) {
                continue; // not for a sender: ignored
            }
            long previous = base == 0 ? 0 : base - 1;
            long delta = (TftpPackets.number(b, length) - previous) & 0xFFFF;
            if (base == 0) {
                if (delta == 0) {
                    return 0;
                }
                continue;
            }
            if (delta == 0) {
                if (end > base) {
                    return -1; // RFC 7440: the client has only up to base - 1: the window again
                }
                continue; // a duplicate acknowledgement: ignored (Sorcerer's Apprentice)
            }
            if (previous + delta <= end) {
                return previous + delta;
            }
        }
    }

    private void send(UdpPort s, byte[] bytes, int length) throws IOException {
        s.send(new DatagramPacket(bytes, length, client));
    }

    private void error(UdpPort s, int code, String message) throws IOException {
        byte[] error = TftpPackets.error(code, message);
        send(s, error, error.length);
        journal.datagram(JournalEntry.Kind.SENT, ends(s), client, error, error.length, "Error Code, Code: " + code
                + ", Message: " + message);
    }

    /** The transfer's own end (its transfer id), read once: a closed socket has none. */
    private InetSocketAddress ends(UdpPort s) {
        if (tid == null) {
            tid = s.localAddress();
        }
        return tid;
    }

    /** RFC 764's NVT ASCII: LF becomes CR LF, a bare CR becomes CR NUL. */
    static byte[] netascii(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + content.length / 16);
        for (byte b : content) {
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else if (b == '\r') {
                out.write('\r');
                out.write(0);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    void close() {
        closed = true;
        UdpPort s = socket;
        if (s != null) {
            s.close();
        }
    }
}
