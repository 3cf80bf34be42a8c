package dev.dhcpembedded.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * The one rule that tells a netboot client from another DHCP client, on raw option values: its vendor class (60)
 * begins with {@code PXEClient} (PXE 2.1) or {@code HTTPClient} (UEFI HTTP boot), or its user class (77) says
 * {@code iPXE}, or it carries iPXE's encapsulated options (175). The architecture is option 93's first type (RFC
 * 4578 §2.1), else the {@code Arch:xxxxx} field of option 60. Used by the engine and by the stub matchers alike.
 */
public final class NetbootClient {

    /** Not a netboot client. */
    public static final int NONE = 0;
    /** A PXE ROM (option 60 {@code PXEClient...}). */
    public static final int PXE = 1;
    /** UEFI HTTP boot (option 60 {@code HTTPClient...}). */
    public static final int HTTP = 2;
    /** iPXE (user class 77 {@code iPXE}, or option 175). */
    public static final int IPXE = 3;

    public static final int VENDOR_CLASS = 60;
    public static final int USER_CLASS = 77;
    public static final int ARCHITECTURE = 93;
    public static final int INTERFACE_ID = 94;
    public static final int MACHINE_ID = 97;
    public static final int IPXE_OPTIONS = 175;
    /** iPXE's {@code no-pxedhcp} (uint8), encapsulated in 175: non-zero, iPXE waits for no ProxyDHCP offer. */
    public static final int IPXE_NO_PXEDHCP = 176;

    private static final byte[] PXE_CLIENT = "PXEClient".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP_CLIENT = "HTTPClient".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IPXE_NAME = "iPXE".getBytes(StandardCharsets.US_ASCII);

    private NetbootClient() {
    }

    /**
     * What kind of netboot client sent these options.
     *
     * @param vendorClass option 60's value, or null
     * @param userClass option 77's value, or null
     * @param hasIpxeOptions whether option 175 is there
     * @return {@link #NONE}, {@link #PXE}, {@link #HTTP} or {@link #IPXE}
     */
    public static int kind(byte[] vendorClass, byte[] userClass, boolean hasIpxeOptions) {
        if (hasIpxeOptions || (userClass != null && contains(userClass, IPXE_NAME))) {
            return IPXE;
        }
        if (vendorClass != null && startsWith(vendorClass, HTTP_CLIENT)) {
            return HTTP;
        }
        if (vendorClass != null && startsWith(vendorClass, PXE_CLIENT)) {
            return PXE;
        }
        return NONE;
    }

    /**
     * The client system architecture (RFC 4578 §2.1, IANA "Processor Architecture Types").
     *
     * @param architecture option 93's value, or null
     * @param vendorClass option 60's value, or null
     * @return the first type of option 93, else option 60's {@code Arch:xxxxx}, else -1
     */
    public static int architecture(byte[] architecture, byte[] vendorClass) {
        if (architecture != null && architecture.length >= 2) {
            return ((architecture[0] & 0xFF) << 8) | (architecture[1] & 0xFF);
        }
        if (vendorClass == null) {
            return -1;
        }
        String text = new String(vendorClass, StandardCharsets.US_ASCII);
        int at = text.indexOf(":Arch:");
        if (at < 0 || text.length() < at + 11) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(at + 6, at + 11));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@return the name of a netboot kind, as the journal shows it} @param kind a kind of {@link #kind} */
    public static String name(int kind) {
        return switch (kind) {
            case PXE -> "PXE";
            case HTTP -> "UEFI HTTP boot";
            case IPXE -> "iPXE";
            default -> "none";
        };
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        if (value.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (value[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** As RFC 3004 (length-prefixed) or as the plain text iPXE sends: the name anywhere in the value. */
    private static boolean contains(byte[] value, byte[] name) {
        outer:
        for (int at = 0; at + name.length <= value.length; at++) {
            for (int i = 0; i < name.length; i++) {
                if (value[at + i] != name[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
