package dev.dhcpembedded.internal.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The one rule of what a netboot client may read: a regular, readable file under the root, named relative to it
 * (a leading slash and backslashes as separators are taken as TFTP clients send them), never through {@code ..}, a
 * NUL byte, or a symbolic link that leads out of the root. TFTP and HTTP both ask here.
 */
public final class BootRoot {

    /** A file the client may not have: the TFTP error code and message to send it. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** {@return the TFTP error code: 1 file not found, 2 access violation} */
        public int code() {
            return code;
        }
    }

    private final Path root;

    /**
     * @param directory the root directory
     * @throws IllegalArgumentException when it is no readable directory
     */
    public BootRoot(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("netboot root " + directory + " is not a directory; give "
                    + "tftpRoot(...) an existing directory holding the boot files");
        }
        try {
            this.root = directory.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("netboot root " + directory + " cannot be read: " + e.getMessage());
        }
    }

    /** {@return the root, as a real path} */
    public Path root() {
        return root;
    }

    /**
     * The file {@code name} names under the root.
     *
     * @param name as the client sent it
     * @return the file's real path
     * @throws Refused when it is not there (1) or not to be read (2)
     */
    public Path resolve(String name) throws Refused {
        if (name.indexOf('\0') >= 0) {
            throw new Refused(2, "access violation: NUL byte in the file name");
        }
        String path = name.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        Path file = root;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new Refused(2, "access violation: \"..\" in " + name);
            }
            if (!part.isEmpty() && !part.equals(".")) {
                file = file.resolve(part);
            }
        }
        if (file.equals(root) || !file.normalize().startsWith(root)) {
            throw new Refused(2, "access violation: " + name + " is no file under the root");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(1, "file not found: " + name);
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new Refused(1, "file not found: " + name);
        }
        if (!real.startsWith(root)) {
            throw new Refused(2, "access violation: " + name + " leads out of the root");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw new Refused(2, "access violation: " + name + " is no readable file");
        }
        return real;
    }
}
