package dev.dhcpembedded.internal.tftp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dhcpembedded.tftp.Fetch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The boot files of the same {@link BootRoot} over HTTP (the JDK's {@link HttpServer}): an iPXE script chained from
 * the iPXE binary, and UEFI HTTP boot's files. GET and HEAD only; each request is a note in the journal
 * ({@code HTTP GET /boot.ipxe 200 123 bytes from ...}) and a fetch. HEAD says the file's length, as UEFI HTTP boot
 * asks for it before the GET. A GET is journaled when its body has gone, all but its last byte: the fetch's
 * duration is the transfer's, a client that leaves midway makes a fetch that is not complete, and a client that
 * has the whole file finds the fetch already there.
 */
public final class HttpBootServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final BootRoot root;
    private final TftpJournal journal;
    /** The body goes in pieces of this size: the bytes sent are known when the client leaves. */
    private static final int PIECE = 64 * 1024;

    /**
     * Binds at once; {@link #start()} starts serving.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public HttpBootServer(BootRoot root, InetSocketAddress bind, TftpJournal journal) {
        this.root = root;
        this.journal = journal;
        try {
            this.server = HttpServer.create(bind, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind HTTP boot to " + bind + ": " + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dhcp-embedded-http-boot");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /** {@return this server, serving} */
    public HttpBootServer start() {
        server.start();
        return this;
    }

    /** {@return where it listens} */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void serve(HttpExchange exchange) throws IOException {
        Instant started = journal.now();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath() == null ? "" : uri.getPath();
        try (exchange) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                reply(exchange, 405, "read-only: GET and HEAD only\n", started, path);
                return;
            }
            Path file;
            try {
                file = root.resolve(path);
            } catch (BootRoot.Refused e) {
                reply(exchange, e.code() == 1 ? 404 : 403, e.getMessage() + "\n", started, path);
                return;
            }
            byte[] content = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (method.equals("HEAD")) {
                record(exchange, 200, 0, "", started, path);
                // the JDK writes no length for HEAD by itself; UEFI HTTP boot reads the file's size from it
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(content.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            send(exchange, content, started, path);
        }
    }

    /**
     * The headers and the body: all but its last byte, flushed, then the fetch journaled, then the last byte. The client cannot
     * have the whole file before the fetch is journaled; the fetch is not complete when the client left first.
     */
    private void send(HttpExchange exchange, byte[] content, Instant started, String path) throws IOException {
        long sent = 0;
        Fetch whole = null;
        try {
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                int last = Math.max(content.length - 1, 0);
                while (sent < last) {
                    int n = (int) Math.min(PIECE, last - sent);
                    out.write(content, (int) sent, n);
                    sent += n;
                }
                out.flush();
                whole = record(exchange, 200, content.length, "", started, path);
                out.write(content, last, content.length - last);
            }
        } catch (IOException e) {
            String left = ": not complete, the client left after " + sent + " of " + content.length + " bytes ("
                    + e.getMessage() + ")";
            Fetch failed = new Fetch("http", path, exchange.getRemoteAddress(), sent, false, started, journal.now());
            if (whole == null) {
                record(exchange, 200, sent, left, failed);
            } else {
                note(exchange, 200, sent, left);
                journal.replace(whole, failed);
            }
            throw e;
        }
    }

    private Fetch record(HttpExchange exchange, int status, long bytes, String more, Instant started, String path) {
        return record(exchange, status, bytes, more, new Fetch("http", path, exchange.getRemoteAddress(), bytes,
                status == 200, started, journal.now()));
    }

    private Fetch record(HttpExchange exchange, int status, long bytes, String more, Fetch fetch) {
        note(exchange, status, bytes, more);
        journal.fetched(fetch);
        return fetch;
    }

    private void note(HttpExchange exchange, int status, long bytes, String more) {
        journal.note("HTTP " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                + status + " " + bytes + " bytes from " + exchange.getRemoteAddress() + more);
    }

    private void reply(HttpExchange exchange, int status, String text, Instant started, String path)
            throws IOException {
        record(exchange, status, 0, "", started, path);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
