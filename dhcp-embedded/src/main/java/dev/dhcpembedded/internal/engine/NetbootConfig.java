package dev.dhcpembedded.internal.engine;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the server tells netboot clients, as one immutable value: set when the TFTP and HTTP servers have their
 * addresses (at start), so every URL here is whole.
 *
 * @param nextServer siaddr and option 66: the TFTP server's IPv4 address, as an int
 * @param bootFile the boot file for a client architecture (RFC 4578 §2.1), or null for none
 * @param ipxeScriptUrl what an iPXE client gets instead (the chained script, by HTTP), or null: the boot file
 * @param httpBootUrl the base an HTTP boot client's file is under (e.g. {@code http://10.0.0.1:8080/}), or null:
 *        HTTP boot clients get nothing
 * @param perMac boot files by client MAC (lower case, colon-separated), over everything else
 * @param waitForProxyDhcp false: iPXE is told (option 175, {@code no-pxedhcp} 176 = 1) that this server is its boot
 *        server and waits for no ProxyDHCP offer; true: it is told nothing and waits as a PXE client does
 */
public record NetbootConfig(int nextServer, IntFunction<String> bootFile, String ipxeScriptUrl, String httpBootUrl,
                            Map<String, String> perMac, boolean waitForProxyDhcp) {

    public NetbootConfig {
        perMac = Map.copyOf(perMac);
    }
}
