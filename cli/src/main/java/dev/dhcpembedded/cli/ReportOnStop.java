package dev.dhcpembedded.cli;

import dev.dhcpembedded.report.HtmlReport;
import dev.dhcpembedded.server.DhcpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code --report FILE}: the journal as an HTML page, written once when the server stops (by signal or by itself). */
final class ReportOnStop {

    private final Path file;
    private final DhcpServer server;
    private final PrintWriter err;
    private final AtomicBoolean written = new AtomicBoolean();

    ReportOnStop(Path file, DhcpServer server, PrintWriter err) {
        this.file = file;
        this.server = server;
        this.err = err;
    }

    /** Whether the file's folder exists (or no report is asked for); says what to change when it does not. */
    boolean folderExists() {
        if (file == null) {
            return true;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return true;
        }
        // as --pcap (SPEC §5): creating the folder would hide a typo
        err.println("dhcp-embedded: cannot write --report " + file + ": its folder " + parent
                + " does not exist; create it first or name another");
        err.flush();
        return false;
    }

    void write() {
        if (file == null || !written.compareAndSet(false, true)) {
            return;
        }
        try {
            HtmlReport.of(server.journal()).titled("dhcp-embedded: the exchange").write(file);
        } catch (IOException | RuntimeException e) {
            err.println("dhcp-embedded: cannot write --report " + file + ": " + e.getMessage());
            err.flush();
        }
    }
}
