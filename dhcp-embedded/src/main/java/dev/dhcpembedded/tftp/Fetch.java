package dev.dhcpembedded.tftp;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One file a client fetched, or tried to, from the server's netboot root.
 *
 * @param protocol {@code "tftp"} or {@code "http"}
 * @param file the file as the client named it
 * @param client the client's socket address
 * @param bytes the bytes sent
 * @param complete whether the whole file went out (TFTP: the last block was acknowledged)
 * @param started when the request arrived (wall time)
 * @param finished when it ended (wall time)
 */
public record Fetch(String protocol, String file, InetSocketAddress client, long bytes, boolean complete,
                    Instant started, Instant finished) {

    /**
     * Whether this fetch was of {@code name}, ignoring leading slashes and the {@code http://host:port} of a URL.
     *
     * @param name a file name such as {@code ipxe.efi} or {@code /boot.ipxe}
     * @return whether it names the same file
     */
    public boolean isOf(String name) {
        return strip(file).equals(strip(name));
    }

    private static String strip(String name) {
        String path = name;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        path = path.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }
}
