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
 * asks for it before the GET.
 */
public final class HttpBootServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final BootRoot root;
    private final TftpJournal journal;

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
            boolean head = method.equals("HEAD");
            // journaled before the body goes: a test that has the file has the fetch too
            record(exchange, 200, head ? 0 : content.length, started, path);
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (head) {
                // the JDK writes no length for HEAD by itself; UEFI HTTP boot reads the file's size from it
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(content.length));
            }
            exchange.sendResponseHeaders(200, head ? -1 : content.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        }
    }

    private void record(HttpExchange exchange, int status, long bytes, Instant started, String path) {
        journal.note("HTTP " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                + status + " " + bytes + " bytes from " + exchange.getRemoteAddress());
        journal.fetched(new Fetch("http", path, exchange.getRemoteAddress(), bytes, status == 200, started,
                journal.now()));
    }

    private void reply(HttpExchange exchange, int status, String text, Instant started, String path)
            throws IOException {
        record(exchange, status, 0, started, path);
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
