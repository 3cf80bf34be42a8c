package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.tftp.BootRoot;
import dev.dhcpembedded.internal.tftp.TftpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What the server tells netboot clients, and the files it serves them, for {@link DhcpServerBuilder#netboot}:
 *
 * <pre>{@code
 * .netboot(n -> n.tftpRoot(dir)
 *         .bootFile(arch -> arch == 0 ? "undionly.kpxe" : "ipxe.efi")
 *         .ipxeScript("boot.ipxe"))
 * }</pre>
 *
 * A client is a netboot client when its vendor class (60) begins with {@code PXEClient} or {@code HTTPClient}, or
 * its user class (77) is {@code iPXE} (or it sends option 175). Its OFFER and ACK then carry next-server (siaddr)
 * and option 66 (the TFTP server's address), the file field and option 67. A PXE ROM gets the boot file of its
 * architecture (option 93, RFC 4578: 0 BIOS x86, 6 UEFI IA32, 7 and 9 UEFI x64, 10 UEFI ARM32, 11 UEFI ARM64,
 * 16 UEFI x64 HTTP); iPXE (chainloaded) gets the {@link #ipxeScript script} by HTTP; a UEFI HTTP boot client a URL
 * and option 60 {@code HTTPClient}. iPXE is also told (option 175, {@code no-pxedhcp}) that this server is its boot
 * server, so it does not wait for ProxyDHCP offers (see {@link #waitForProxyDhcp}). The TFTP server listens on the DHCP server's address: port 69 of the interface
 * in interface mode, an ephemeral port on loopback ({@code server.netboot().tftpAddress()}). Files are read-only and
 * confined to the root.
 */
public final class NetbootBuilder {

    private Path root;
    private IntFunction<String> bootFile;
    private String ipxeScript;
    private String httpBoot;
    private final Map<String, String> perMac = new LinkedHashMap<>();
    private int tftpPort = -1;
    private boolean waitForProxyDhcp;

    NetbootBuilder() {
    }

    /**
     * The directory the boot files are served from, by TFTP and HTTP. Required.
     * @param directory an existing directory
     * @return this builder
     */
    public NetbootBuilder tftpRoot(Path directory) {
        this.root = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * As {@link #tftpRoot(Path)}.
     * @param directory an existing directory
     * @return this builder
     */
    public NetbootBuilder tftpRoot(String directory) {
        return tftpRoot(Path.of(directory));
    }

    /**
     * The boot file of every architecture.
     * @param file a file under the root, e.g. {@code ipxe.efi}
     * @return this builder
     */
    public NetbootBuilder bootFile(String file) {
        Objects.requireNonNull(file, "file");
        return bootFile(arch -> file);
    }

    /**
     * The boot file by client architecture (option 93; -1 when the client sends none); null for an architecture
     * that gets no boot file.
     * @param byArchitecture e.g. {@code arch -> arch == 0 ? "undionly.kpxe" : "ipxe.efi"}
     * @return this builder
     */
    public NetbootBuilder bootFile(IntFunction<String> byArchitecture) {
        this.bootFile = Objects.requireNonNull(byArchitecture, "byArchitecture");
        return this;
    }

    /**
     * What iPXE gets once chainloaded: a script under the root, served by the embedded HTTP server (its URL is
     * made at start), or a URL as it is. Without one, iPXE gets the boot file as any PXE client.
     * @param nameOrUrl e.g. {@code boot.ipxe}, or {@code http://10.0.0.1/boot.ipxe}
     * @return this builder
     */
    public NetbootBuilder ipxeScript(String nameOrUrl) {
        this.ipxeScript = Objects.requireNonNull(nameOrUrl, "nameOrUrl");
        return this;
    }

    /**
     * Answers UEFI HTTP boot clients (option 60 {@code HTTPClient}) from the embedded HTTP server: option 67 is the
     * URL of their architecture's boot file under the root.
     * @return this builder
     */
    public NetbootBuilder httpBoot() {
        this.httpBoot = "";
        return this;
    }

    /**
     * Answers UEFI HTTP boot clients with a boot file under {@code baseUrl}.
     * @param baseUrl e.g. {@code http://10.0.0.1:8080/}; the boot file's name is appended
     * @return this builder
     */
    public NetbootBuilder httpBoot(String baseUrl) {
        if (!NetbootRuntime.isUrl(baseUrl)) {
            throw new IllegalArgumentException("httpBoot(\"" + baseUrl + "\") is no URL; give one such as "
                    + "http://10.0.0.1:8080/, or call httpBoot() to serve from the root");
        }
        this.httpBoot = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return this;
    }

    /**
     * A boot file for one client, over its architecture and kind.
     * @param mac e.g. {@code 52:54:00:12:34:56}
     * @param file a file under the root, or a URL
     * @return this builder
     */
    public NetbootBuilder forClient(String mac, String file) {
        perMac.put(MacAddress.parse(mac).toString().toLowerCase(java.util.Locale.ROOT),
                Objects.requireNonNull(file, "file"));
        return this;
    }

    /**
     * The TFTP port; by default 69 in interface mode, an ephemeral one on loopback.
     * @param port 0 (ephemeral) to 65535
     * @return this builder
     */
    public NetbootBuilder tftpPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TFTP port " + port + " is out of range; give 0 to 65535");
        }
        this.tftpPort = port;
        return this;
    }

    /**
     * Whether iPXE waits for ProxyDHCP offers after this server's OFFER. By default ({@code false}) its OFFER and
     * ACK carry iPXE's option 175 with {@code no-pxedhcp} (176) = 1: this server is the boot server, and iPXE
     * requests at once instead of waiting about two seconds for offers that never come. Give {@code true} when a
     * separate ProxyDHCP server on the link tells clients what to boot: the option is left out and iPXE waits for
     * it, as a PXE ROM does.
     * @param wait true to leave iPXE waiting for ProxyDHCP offers
     * @return this builder
     */
    public NetbootBuilder waitForProxyDhcp(boolean wait) {
        this.waitForProxyDhcp = wait;
        return this;
    }

    /** The run-time side, checked: fails fast with what to change. */
    static NetbootRuntime runtime(java.util.function.Consumer<NetbootBuilder> shape) {
        NetbootBuilder b = new NetbootBuilder();
        shape.accept(b);
        if (b.root == null) {
            throw new IllegalArgumentException("netboot needs a directory to serve; call tftpRoot(DIR)");
        }
        if (b.bootFile == null && b.perMac.isEmpty()) {
            throw new IllegalArgumentException("netboot needs a boot file; call bootFile(\"ipxe.efi\") or "
                    + "bootFile(arch -> ...)");
        }
        BootRoot root = new BootRoot(b.root);
        if (b.ipxeScript != null && !NetbootRuntime.isUrl(b.ipxeScript)
                && !Files.isRegularFile(root.root().resolve(b.ipxeScript.replaceFirst("^/+", "")))) {
            throw new IllegalArgumentException("iPXE script " + b.ipxeScript + " is not in " + root.root()
                    + "; put it there or give a URL");
        }
        IntFunction<String> files = b.bootFile == null ? arch -> null : b.bootFile;
        return new NetbootRuntime(root, files, b.ipxeScript, b.httpBoot, b.perMac, b.tftpPort, b.waitForProxyDhcp,
                TftpServer.Settings.DEFAULT);
    }
}
