package dev.dhcpembedded.internal.tftp;

import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.transport.UdpPort;
import dev.dhcpembedded.transport.UdpPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only TFTP server (RFC 1350 with RFC 2347 options: blksize 2348, tsize and timeout 2349, windowsize 7440)
 * serving one {@link BootRoot}, on {@link UdpPorts}: sockets of its own, or ports the DHCP agent holds on its
 * network. One thread listens; each read request gets its own port (its transfer id) and thread, at most {@code maxSessions} at once (more are refused with error 0 and a message saying so). Write
 * requests are refused. Stops at once on {@link #close()}, leaving no thread behind.
 */
public final class TftpServer implements AutoCloseable {

    /**
     * How transfers behave.
     *
     * @param timeout the wait for an acknowledgement before sending again (a client's {@code timeout} option wins)
     * @param retries how many times a packet is sent again before the transfer is given up
     * @param maxSessions how many transfers may run at once
     * @param maxWindow the largest window (RFC 7440) granted
     */
    public record Settings(Duration timeout, int retries, int maxSessions, int maxWindow) {

        /** One second, five retries, 16 transfers, windows up to 64 blocks. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(1), 5, 16, 64);
    }

    private final BootRoot root;
    private final TftpJournal journal;
    private final Settings settings;
    private final UdpPorts ports;
    private final UdpPort socket;
    private final Set<TftpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Thread listener;
    private volatile boolean closed;

    /**
     * Binds sockets of its own at once; {@link #start()} starts listening.
     *
     * @param bind the address and port (69 on an interface, 0 on loopback for an ephemeral port)
     * @throws UncheckedIOException when the port cannot be bound
     */
    public TftpServer(BootRoot root, InetSocketAddress bind, TftpJournal journal, Settings settings) {
        this(root, new SocketPorts(bind.getAddress()), bind.getPort(), journal, settings);
    }

    /**
     * Opens its listening port of {@code ports} at once; {@link #start()} starts listening. Each transfer opens a
     * port of its own there too.
     *
     * @param port the listening port (69 on an interface or the agent's network, 0 for an ephemeral one)
     * @throws UncheckedIOException when the port cannot be opened
     */
    public TftpServer(BootRoot root, UdpPorts ports, int port, TftpJournal journal, Settings settings) {
        this.root = root;
        this.journal = journal;
        this.settings = settings;
        this.ports = ports;
        try {
            this.socket = ports.open(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind TFTP to port " + port + ": " + e.getMessage(), e);
        }
        this.listener = new Thread(this::listen, "dhcp-embedded-tftp-" + socket.localAddress().getPort());
        listener.setDaemon(true);
    }

    /** {@return this server, listening} */
    public TftpServer start() {
        listener.start();
        return this;
    }

    /** {@return where it listens} */
    public InetSocketAddress address() {
        return socket.localAddress();
    }

    private void listen() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet, 0);
                handle(buffer, packet.getLength(), (InetSocketAddress) packet.getSocketAddress());
            } catch (IOException e) {
                if (!closed) {
                    journal.note("TFTP server on " + address() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) { // a bad datagram never stops the server
                journal.note("TFTP server on " + address() + ": " + e);
            }
        }
    }

    private void handle(byte[] buffer, int length, InetSocketAddress client) throws IOException {
        InetSocketAddress local = address();
        TftpPackets.Request request;
        try {
            request = TftpPackets.request(buffer, length);
        } catch (TftpPackets.Malformed e) {
            journal.datagram(JournalEntry.Kind.REJECTED, client, local, buffer, length,
                    "Malformed Packet: " + e.getMessage() + " at offset " + e.offset());
            refuse(client, TftpPackets.ILLEGAL_OPERATION, "malformed request: " + e.getMessage());
            return;
        }
        journal.datagram(JournalEntry.Kind.RECEIVED, client, local, buffer, length,
                (request.opcode() == TftpPackets.RRQ ? "Read Request" : "Write Request") + ", File: "
                        + request.file() + ", Transfer type: " + request.mode()
                        + (request.options().isEmpty() ? "" : ", " + TftpPackets.options(request.options())));
        if (request.opcode() == TftpPackets.WRQ) {
            refuse(client, TftpPackets.ACCESS_VIOLATION, "read-only server: writes are refused");
        } else if (!request.mode().equals("octet") && !request.mode().equals("netascii")) {
            refuse(client, TftpPackets.ILLEGAL_OPERATION, "mode " + request.mode() + " is not served; use octet");
        } else if (sessions.size() >= settings.maxSessions()) {
            refuse(client, TftpPackets.NOT_DEFINED, "busy: " + settings.maxSessions() + " transfers running; "
                    + "try again later");
        } else {
            TftpSession session = new TftpSession(request, client, ports, root, journal, settings,
                    sessions::remove);
            sessions.add(session);
            Thread thread = new Thread(session, "dhcp-embedded-tftp-transfer-" + client.getPort());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** An error to a request that gets no transfer, sent from the listening port. */
    private void refuse(InetSocketAddress client, int code, String message) throws IOException {
        byte[] error = TftpPackets.error(code, message);
        socket.send(new DatagramPacket(error, error.length, client));
        journal.datagram(JournalEntry.Kind.SENT, address(), client, error, error.length,
                "Error Code, Code: " + code + ", Message: " + message);
    }

    /** {@return how many transfers run now} */
    public int activeSessions() {
        return sessions.size();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        for (TftpSession session : sessions) {
            session.close();
        }
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
