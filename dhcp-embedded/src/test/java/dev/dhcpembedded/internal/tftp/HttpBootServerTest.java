package dev.dhcpembedded.internal.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.journal.JournalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boot files over HTTP from the same root, confined as TFTP's, each request journaled and listed. */
class HttpBootServerTest {

    @TempDir
    Path dir;
    JournalStore journal;
    TftpJournal log;
    HttpBootServer server;

    @BeforeEach
    void start() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\necho DHCP-EMBEDDED-BOOT-OK\n");
        Files.writeString(dir.resolve("secret"), "outside");
        journal = new JournalStore(100);
        log = new TftpJournal(journal, Clock.systemUTC(), Clock.systemUTC(), "lo");
        server = new HttpBootServer(new BootRoot(root), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                log).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request line as written, unnormalised by any client library. */
    String raw(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void servesAFileAndJournalsTheRequest() throws Exception {
        HttpResponse<String> response = send("GET", "/boot.ipxe");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("#!ipxe");
        assertThat(journal.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(JournalEntry.Kind.TRANSPORT);
            assertThat(e.note()).startsWith("HTTP GET /boot.ipxe 200 34 bytes from ");
        });
        assertThat(log.fetches()).singleElement().satisfies(f -> {
            assertThat(f.protocol()).isEqualTo("http");
            assertThat(f.isOf("boot.ipxe")).isTrue();
            assertThat(f.complete()).isTrue();
        });
    }

    @Test
    void missingIs404AndWritesAre405() throws Exception {
        assertThat(send("GET", "/nothing").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/boot.ipxe").statusCode()).isEqualTo(405);
        assertThat(send("HEAD", "/boot.ipxe").statusCode()).isEqualTo(200);
        assertThat(log.fetches()).extracting(f -> f.complete()).containsExactly(false, false, true);
    }

    @Test
    void traversalIsForbidden() throws Exception {
        assertThat(raw("/../secret")).startsWith("HTTP/1.1 403").doesNotContain("outside\n");
        assertThat(raw("/%2e%2e/secret")).startsWith("HTTP/1.1 403");
        assertThat(raw("/boot.ipxe%00.png")).startsWith("HTTP/1.1 403");
        assertThat(raw("/")).startsWith("HTTP/1.1 403");
    }

    /**
     * UEFI HTTP boot (EDK II's HttpBootDxe) asks for the boot file's size with HEAD and reads it from Content-Length;
     * without it OVMF says "Could not retrieve NBP file size from HTTP server" and stops. Then it GETs the file on
     * the same connection.
     */
    @Test
    void headSaysTheSizeAndTheConnectionServesTheGetAfterIt() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("HEAD /boot.ipxe HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = headers(in);
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nContent-Length: 34\r\n");
            out.write("GET /boot.ipxe HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(headers(in)).startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nContent-Length: 34\r\n");
            assertThat(new String(in.readNBytes(34), StandardCharsets.US_ASCII)).startsWith("#!ipxe");
        }
    }

    /** Larger than loopback's socket buffers on both sides together: the server must wait for a slow reader. */
    static final int BIG = 16 * 1024 * 1024;

    Socket getBig() throws IOException {
        Files.write(dir.resolve("root").resolve("big.efi"), new byte[BIG]);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort()));
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("GET /big.efi HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /**
     * The fetch is journaled when the body has gone, not before: it ends after the slow client began reading the
     * body, and it lasts. Before, it was journaled before the headers went, its duration 0 ms.
     */
    @Test
    void aFetchLastsAsLongAsItsBodyTakesToSend() throws Exception {
        Instant reading;
        try (Socket socket = getBig()) {
            InputStream in = socket.getInputStream();
            assertThat(headers(in)).startsWith("HTTP/1.1 200");
            Thread.sleep(200);
            reading = Instant.now();
            assertThat(in.readNBytes(BIG)).hasSize(BIG);
            // the client has the whole file: the fetch is there already
            assertThat(log.fetches()).singleElement().satisfies(f -> {
                assertThat(f.complete()).isTrue();
                assertThat(f.bytes()).isEqualTo(BIG);
                assertThat(f.finished()).isAfterOrEqualTo(reading);
                assertThat(Duration.between(f.started(), f.finished())).isPositive();
            });
        }
        assertThat(journal.entries()).singleElement().satisfies(e -> assertThat(e.note())
                .startsWith("HTTP GET /big.efi 200 " + BIG + " bytes from "));
    }

    /** A client that leaves midway makes a fetch that is not complete, with the bytes sent before it left. */
    @Test
    void aClientThatLeavesMidwayMakesAFetchThatIsNotComplete() throws Exception {
        try (Socket socket = getBig()) {
            InputStream in = socket.getInputStream();
            assertThat(headers(in)).startsWith("HTTP/1.1 200");
            assertThat(in.readNBytes(100_000)).hasSize(100_000);
            socket.setSoLinger(true, 0); // a reset, as a client that gives up
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !log.fetches().isEmpty());
        assertThat(log.fetches()).singleElement().satisfies(f -> {
            assertThat(f.complete()).isFalse();
            assertThat(f.bytes()).isBetween(100_000L, BIG - 1L);
        });
        assertThat(journal.entries()).singleElement().satisfies(e -> assertThat(e.note())
                .startsWith("HTTP GET /big.efi 200 ").contains("not complete, the client left after "));
    }

    /** The status line and headers of one response, up to the blank line. */
    private static String headers(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }
}
