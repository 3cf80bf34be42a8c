package dev.dhcpembedded.codec6;

import java.util.Objects;

/**
 * The status code option (13): a code and a UTF-8 message for people. It stands at message level or inside an
 * IA_NA, IA_PD, IAADDR or IAPREFIX, where RFC 8415 section 18.3 puts it.
 *
 * @param code the status code
 * @param message the text, possibly empty
 */
public record StatusCode(int code, String message) {

    public static final int SUCCESS = 0;
    public static final int UNSPEC_FAIL = 1;
    public static final int NO_ADDRS_AVAIL = 2;
    public static final int NO_BINDING = 3;
    public static final int NOT_ON_LINK = 4;
    public static final int USE_MULTICAST = 5;
    public static final int NO_PREFIX_AVAIL = 6;

    public StatusCode {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status code " + code + " is outside 0..65535");
        }
        Objects.requireNonNull(message, "message");
    }

    /** The RFC name of the code, such as {@code NoAddrsAvail}, or {@code Status(n)}. */
    public String name() {
        return name(code);
    }

    /** The RFC name of a status code. */
    public static String name(int code) {
        switch (code) {
            case SUCCESS: return "Success";
            case UNSPEC_FAIL: return "UnspecFail";
            case NO_ADDRS_AVAIL: return "NoAddrsAvail";
            case NO_BINDING: return "NoBinding";
            case NOT_ON_LINK: return "NotOnLink";
            case USE_MULTICAST: return "UseMulticast";
            case NO_PREFIX_AVAIL: return "NoPrefixAvail";
            default: return "Status(" + code + ")";
        }
    }

    public boolean isSuccess() {
        return code == SUCCESS;
    }

    @Override
    public String toString() {
        return message.isEmpty() ? name() : name() + " \"" + message + "\"";
    }
}
