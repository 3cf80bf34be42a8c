package dev.dhcpembedded.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The event scripts shipped in this package's resources. Each applies what the client got (udhcpc and
 * dhclient; dhcpcd configures itself), never writes the host's /etc/resolv.conf, and prints one line
 * per event that {@link DhcpEvent#parse(String)} reads:
 * {@code DHCP-EVENT event=bound iface=... ip=... mask=24 router=... dns=... domain=... lease=... serverid=... staticroutes=...}.
 */
public enum ClientScript {
    /** For busybox {@code udhcpc -s}; events deconfig, bound, renew, nak, leasefail. */
    UDHCPC("udhcpc-script.sh"),
    /** For ISC {@code dhclient -sf}; events PREINIT, BOUND, RENEW, REBIND, REBOOT, EXPIRE, FAIL, RELEASE, STOP, TIMEOUT. */
    DHCLIENT("dhclient-script.sh"),
    /**
     * For ISC {@code dhclient -6 -sf}: applies the IA_NA address, prints {@code DHCP6-EVENT event=BOUND6 ip6=...
     * prefix=... dns=... search=...}; never writes /etc/resolv.conf.
     */
    DHCLIENT6("dhclient6-script.sh"),
    /** For {@code dhcpcd -c}; events PREINIT, CARRIER, BOUND, RENEW, REBIND, REBOOT, INFORM, NAK, EXPIRE, RELEASE, STOP, STOPPED. */
    DHCPCD("dhcpcd-script.sh"),
    /**
     * For {@code dhcpcd -6 -c}: prints {@code DHCP6-EVENT event=BOUND6 ip6=... prefix=... dns=... search=...
     * ra_dns=... ra_search=...}; dhcpcd applies the address itself.
     */
    DHCPCD6("dhcpcd6-script.sh"),
    /**
     * For wide-dhcpv6's {@code dhcp6c} ({@code script} statement): prints {@code DHCP6-EVENT event=NBI} (or
     * INFOREQ, ...) on stderr, where dhcp6c lets it through.
     */
    DHCP6C("dhcp6c-script.sh");

    private final String resource;

    ClientScript(String resource) {
        this.resource = resource;
    }

    public String resourceName() {
        return resource;
    }

    /** The script's text. */
    public String text() {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot read resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Writes the script into {@code dir} as an executable file (if not there yet) and returns its path. */
    public synchronized Path materialize(Path dir) {
        Path target = dir.resolve(resource);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = open()) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, resource, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new LabException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private InputStream open() {
        InputStream in = ClientScript.class.getResourceAsStream(resource);
        if (in == null) {
            throw new LabException("resource dev/dhcpembedded/lab/" + resource + " is missing from the classpath");
        }
        return in;
    }
}
