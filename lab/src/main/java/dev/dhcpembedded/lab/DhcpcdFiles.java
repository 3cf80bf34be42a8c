package dev.dhcpembedded.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * dhcpcd keeps state in fixed places ({@code /var/lib/dhcpcd/<iface>.lease},
 * {@code /run/dhcpcd/<iface>-4.pid|.sock}) that no option moves. Lab interface names are unique, so
 * the files are removed by name when the lab closes.
 */
final class DhcpcdFiles {

    static final Path DB_DIR = Path.of("/var/lib/dhcpcd");
    static final Path RUN_DIR = Path.of("/run/dhcpcd");

    private DhcpcdFiles() {
    }

    /** The lease file dhcpcd writes for {@code iface} (it is read back for INIT-REBOOT). */
    static Path leaseFile(String iface) {
        return DB_DIR.resolve(iface + ".lease");
    }

    static void delete(String iface) {
        for (Path dir : List.of(DB_DIR, RUN_DIR)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> {
                    String f = p.getFileName().toString();
                    return f.startsWith(iface + ".") || f.startsWith(iface + "-");
                }).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort
                    }
                });
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
