package dev.dhcpembedded.internal.transport;

/**
 * The socket receive buffer a server asks for. A server that stalls (a GC pause, a slow stub) must not lose the
 * datagrams that arrive meanwhile: the kernel's default (about 208 KiB, net.core.rmem_default) holds about 300
 * DHCP requests, a few milliseconds of a load test.
 */
public final class ReceiveBuffers {

    /** What a server asks for unless told otherwise: 4 MiB. */
    public static final int DEFAULT_BYTES = 4 * 1024 * 1024;

    private ReceiveBuffers() {
    }

    /**
     * Fails on a negative size.
     *
     * @param bytes the size asked for; 0 leaves the kernel's default
     * @return {@code bytes}
     */
    public static int check(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("receive buffer " + bytes + " must be 0 (the kernel's default) or"
                    + " a size in bytes");
        }
        return bytes;
    }

    /** The one log line: what was asked, what the kernel granted, and how. */
    static String describe(String where, int requested, int granted, String how) {
        if (requested == 0) {
            return where + ": receive buffer " + granted + " bytes (the kernel's default; none asked for)";
        }
        return where + ": receive buffer " + granted + " bytes granted for " + requested + " asked (" + how + ")";
    }
}
