package dev.dhcpembedded.cli;

import dev.dhcpembedded.capture.CaptureWriter;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a server from the command line: prints {@code listening on ADDR:PORT} once ready (a second line,
 * {@code listening on [::1]:PORT}, when it serves DHCPv6 too), a transcript line per
 * message, streams the traffic to the pcap, and stops on SIGINT/SIGTERM or after --max-seconds.
 */
final class ServerRunner {

    private final ServeOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    ServerRunner(ServeOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    int run() {
        DhcpServer server;
        try {
            server = options.buildServer();
        } catch (IllegalArgumentException e) {
            err.println("dhcp-embedded: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        PcapStream pcap;
        try {
            pcap = options.pcap == null ? null : new PcapStream(options.pcap);
        } catch (IOException e) {
            err.println("dhcp-embedded: cannot write --pcap " + options.pcap + ": " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        if (pcap != null) {
            server.journal().addListener(pcap);
        }
        ReportOnStop report = new ReportOnStop(options.report, server, err);
        if (!report.folderExists()) {
            closeQuietly(pcap);
            return Main.USAGE;
        }
        if (!options.quiet) {
            server.journal().addListener(entry -> {
                synchronized (out) {
                    out.println(entry.transcriptLine());
                    out.flush();
                }
            });
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            err.println("dhcp-embedded: " + e.getMessage());
            err.flush();
            closeQuietly(pcap);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            closeQuietly(pcap);
            report.write();
            stopped.countDown();
        }, "dhcp-embedded-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        synchronized (out) {
            if (!server.address().equals(server.serverDuid().map(d -> server.v6().address()).orElse(null))) {
                out.println("listening on " + Endpoints.text(server.address()));
            }
            if (server.serverDuid().isPresent()) {
                out.println("listening on " + Endpoints.text(server.v6().address()));
            }
            out.flush();
        }
        try {
            if (options.maxSeconds != null) {
                stopped.await(options.maxSeconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        closeQuietly(pcap);
        report.write();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already
        }
        return 0;
    }

    private static void closeQuietly(PcapStream pcap) {
        if (pcap != null) {
            pcap.close();
        }
    }

    /** Appends each journal entry to a pcap file as it happens, so nothing is lost to the journal's bound. */
    private static final class PcapStream implements Consumer<JournalEntry> {
        private final CaptureWriter writer;
        private boolean closed;

        PcapStream(Path file) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                // SPEC §5: its folder must exist; creating it (as root, anywhere) would hide a typo
                throw new IOException("its folder " + parent + " does not exist; create it first or name another");
            }
            writer = CaptureWriter.create(file);
        }

        @Override
        public synchronized void accept(JournalEntry entry) {
            if (closed) {
                return;
            }
            try {
                if (entry.source().getAddress() instanceof Inet6Address
                        && entry.destination().getAddress() instanceof Inet6Address) {
                    writer.write(entry.wallTime(), entry.source(), entry.destination(), entry.bytes());
                    return;
                }
                writer.write(entry.wallTime(), ipv4(entry.source()), ipv4(entry.destination()), entry.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The address as it is when IPv4; else (an IPv6 end talking to an IPv4 one) the loopback, same port. */
        private static InetSocketAddress ipv4(InetSocketAddress socket) {
            return socket.getAddress() instanceof Inet4Address ? socket
                    : new InetSocketAddress((Inet4Address) InetAddress.getLoopbackAddress(), socket.getPort());
        }
    }
}
