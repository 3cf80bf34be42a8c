package dev.dhcpembedded.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The capture files of the core's test resources ({@code /captures/}) as real files: they come from the core's
 * test classes folder or, in a reactor build that packaged it, from its test jar, where a {@code Path} cannot reach
 * them for the CLI or tshark.
 */
public final class TestCaptures {

    private TestCaptures() {
    }

    /**
     * Copies every capture into {@code dir}.
     *
     * @param dir an existing folder, e.g. a {@code @TempDir}
     * @return {@code dir}
     */
    public static synchronized Path copyTo(Path dir) {
        URL readme = TestCaptures.class.getResource("/captures/README.md");
        if (readme == null) {
            throw new IllegalStateException("no /captures/ on the test class path: the core's test jar is missing");
        }
        try {
            URI uri = readme.toURI();
            if (!"jar".equals(uri.getScheme())) {
                copy(Path.of(uri).getParent(), dir);
                return dir;
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copy(jar.provider().getPath(uri).getParent(), dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
