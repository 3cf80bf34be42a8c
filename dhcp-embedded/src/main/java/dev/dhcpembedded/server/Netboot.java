package dev.dhcpembedded.server;

import dev.dhcpembedded.tftp.Fetch;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The netboot side of a running server ({@link DhcpServer#netboot()}): where its TFTP and HTTP servers listen, and
 * the files clients fetched from the root, by TFTP or HTTP:
 *
 * <pre>{@code
 * TftpClient.to(server.netboot().tftpAddress()).get("ipxe.efi");
 * assertThat(server.netboot().fetched("ipxe.efi")).isTrue();
 * }</pre>
 */
public final class Netboot {

    private final NetbootRuntime runtime;

    Netboot(NetbootRuntime runtime) {
        this.runtime = runtime;
    }

    /** For a server built without netboot: fails, saying how to build one. */
    static Netboot none() {
        throw new IllegalStateException("this server answers no netboot client; build it with "
                + ".netboot(n -> n.tftpRoot(DIR).bootFile(\"ipxe.efi\"))");
    }

    /**
     * {@return where the TFTP server listens} Port 69 of the interface's address in interface mode, or of the
     * agent's address on its network when the server runs through a DHCP agent; an ephemeral port on loopback.
     * @throws IllegalStateException when the server is not running
     */
    public InetSocketAddress tftpAddress() {
        return runtime.tftpAddress();
    }

    /** {@return where the HTTP server listens; empty when no iPXE script or HTTP boot is served from the root} */
    public Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(runtime.httpAddress());
    }

    /**
     * {@return where the HTTP server on the DHCPv6 address listens: DHCPv6 netboot clients (RFC 5970) fetch from it,
     * as TFTP is served over IPv4 only; empty without a subnet6, or when the interface has no global IPv6 address}
     */
    public Optional<InetSocketAddress> httpAddress6() {
        return Optional.ofNullable(runtime.httpAddress6());
    }

    /** {@return the directory the files are served from} */
    public Path root() {
        return runtime.root().root();
    }

    /** {@return every fetch so far, by TFTP or HTTP, oldest first, complete or not} */
    public List<Fetch> fetches() {
        return runtime.log() == null ? List.of() : runtime.log().fetches();
    }

    /**
     * {@return whether a client fetched {@code file} whole} Leading slashes and a URL's scheme, host and port are
     * ignored: {@code fetched("boot.ipxe")} holds for {@code http://10.0.0.1:8080/boot.ipxe}. A TFTP fetch is whole
     * when the client's last acknowledgement arrives, a moment after the client has the file: a test awaits it.
     * @param file a file name under the root
     */
    public boolean fetched(String file) {
        return fetches().stream().anyMatch(f -> f.complete() && f.isOf(file));
    }
}
