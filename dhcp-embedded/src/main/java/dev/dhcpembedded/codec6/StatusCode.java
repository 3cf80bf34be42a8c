package dev.dhcpembedded.codec6;

import java.util.Objects;

/**
 * The status code option (13): a code and a UTF-8 message for people. It stands at message level or inside an
 * IA_NA, IA_PD, IAADDR or IAPREFIX, where RFC 8415 section 18.3 puts it.
 *
 * @param code the status code, e.g. {@link #NO_ADDRS_AVAIL}
 * @param message the text, possibly empty
 */
public record StatusCode(Code code, String message) {

    /** Success (0). */
    public static final Code SUCCESS = Code.of(0);
    /** UnspecFail (1). */
    public static final Code UNSPEC_FAIL = Code.of(1);
    /** NoAddrsAvail (2). */
    public static final Code NO_ADDRS_AVAIL = Code.of(2);
    /** NoBinding (3). */
    public static final Code NO_BINDING = Code.of(3);
    /** NotOnLink (4). */
    public static final Code NOT_ON_LINK = Code.of(4);
    /** UseMulticast (5). */
    public static final Code USE_MULTICAST = Code.of(5);
    /** NoPrefixAvail (6). */
    public static final Code NO_PREFIX_AVAIL = Code.of(6);

    /**
     * A status code option.
     *
     * @param code the code
     * @param message the text, possibly empty
     */
    public StatusCode {
        Objects.requireNonNull(code, "code: e.g. StatusCode.NO_ADDRS_AVAIL, or StatusCode.Code.of(n)");
        Objects.requireNonNull(message, "message");
    }

    /** {@return the RFC name of the code, such as {@code NoAddrsAvail}, or {@code Status(n)}} */
    public String name() {
        return code.name();
    }

    /** {@return whether the code is Success} */
    public boolean isSuccess() {
        return code.equals(SUCCESS);
    }

    /** {@code NoAddrsAvail "no addresses left"}: the name, then the message in quotes when there is one. */
    @Override
    public String toString() {
        return Dhcp6Text.status(this);
    }

    /**
     * A status code as a value class: the constants of {@link StatusCode} ({@code StatusCode.NOT_ON_LINK}) and any
     * other code from 0 to 65535 ({@code Status(n)}). Two codes are equal when their numbers are; a code below 256
     * is always the one instance.
     */
    public static final class Code implements Comparable<Code> {

        private static final Code[] SMALL = new Code[256];

        static {
            for (int i = 0; i < SMALL.length; i++) {
                SMALL[i] = new Code(i);
            }
        }

        private final int value;

        private Code(int value) {
            this.value = value;
        }

        /**
         * The code numbered {@code value}.
         *
         * @param value the code, 0 to 65535
         * @return the code: the constant's instance below 256
         * @throws IllegalArgumentException when {@code value} is outside 0..65535
         */
        public static Code of(int value) {
            if (value < 0 || value > 0xFFFF) {
                throw new IllegalArgumentException("status code " + value + " is outside 0..65535");
            }
            return value < SMALL.length ? SMALL[value] : new Code(value);
        }

        /** {@return its number, as on the wire} */
        public int value() {
            return value;
        }

        /** {@return the RFC name, such as {@code NoAddrsAvail}, or {@code Status(n)}} */
        public String name() {
            switch (value) {
                case 0: return "Success";
                case 1: return "UnspecFail";
                case 2: return "NoAddrsAvail";
                case 3: return "NoBinding";
                case 4: return "NotOnLink";
                case 5: return "UseMulticast";
                case 6: return "NoPrefixAvail";
                default: return "Status(" + value + ")";
            }
        }

        @Override
        public int compareTo(Code other) {
            return Integer.compare(value, other.value);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Code && ((Code) other).value == value;
        }

        @Override
        public int hashCode() {
            return value;
        }

        /** Its RFC name. */
        @Override
        public String toString() {
            return name();
        }
    }
}
