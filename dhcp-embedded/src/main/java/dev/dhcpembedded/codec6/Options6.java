package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and checks DHCPv6 option lists. Offsets in errors are absolute in the array given. Containers are
 * recognised only where RFC 8415 puts them (IA_NA, IA_TA and IA_PD in a message, IAADDR and IAPREFIX in an IA,
 * a status code in those), so nesting is bounded; elsewhere a container's code is kept as opaque bytes.
 */
final class Options6 {

    /** Where an option list stands. */
    enum Level { MESSAGE, IA, IA_ENTRY }

    private Options6() {
    }

    static List<Dhcp6Option> parse(byte[] p, int start, int end, Level level, String owner) {
        // a message has a handful of options; an IA or an address in it usually one or none
        List<Dhcp6Option> options = new ArrayList<>(level == Level.MESSAGE ? 8 : 0);
        walk(p, start, end, level, owner, -1, options);
        return options;
    }

    /** Checks a message's options at {@code p[start, end)} as {@link #parse} does, keeping none. */
    static void check(byte[] p, int start, int end) {
        walk(p, start, end, Level.MESSAGE, "message", -1, null);
    }

    /**
     * Checks the options of {@code p[start, end)}, adding each to {@code out} (a copy of its value) when it is not
     * null. The owner in errors is {@code owner}, or option {@code ownerCode} when {@code owner} is null: a name is
     * built only for an error.
     */
    private static void walk(byte[] p, int start, int end, Level level, String owner, int ownerCode,
            List<Dhcp6Option> out) {
        int i = start;
        while (i < end) {
            if (i + 4 > end) {
                throw new DhcpCodecException(owner(owner, ownerCode) + ": " + (end - i)
                        + " bytes left, too few for an option header (code and length)", i);
            }
            int code = u16(p, i);
            int length = u16(p, i + 2);
            if (i + 4 + length > end) {
                throw new DhcpCodecException(owner(owner, ownerCode) + ": option " + code + " length " + length
                        + " runs past the end (" + (end - i - 4) + " bytes left)", i + 2);
            }
            validate(code, p, i + 4, length, level);
            if (out != null) {
                out.add(Dhcp6Option.wrap(code, java.util.Arrays.copyOfRange(p, i + 4, i + 4 + length)));
            }
            i += 4 + length;
        }
    }

    private static String owner(String owner, int ownerCode) {
        return owner != null ? owner : name(ownerCode);
    }

    private static String name(int code) {
        return "option " + code + " (" + Dhcp6OptionCode.of(code).name() + ")";
    }

    /** Checks the options nested in option {@code code}'s value, keeping none. */
    private static void check(byte[] p, int start, int end, Level level, int code) {
        walk(p, start, end, level, null, code, null);
    }

    /** Checks one option's value at {@code p[at, at + length)}. */
    static void validate(int code, byte[] p, int at, int length, Level level) {
        Dhcp6OptionCode c = Dhcp6OptionCode.of(code);
        if (c == Dhcp6OptionCode.CLIENTID || c == Dhcp6OptionCode.SERVERID) {
            Duid.validate(p, at, length, at);
        } else if (c == Dhcp6OptionCode.IA_NA || c == Dhcp6OptionCode.IA_PD) {
            if (level == Level.MESSAGE) {
                atLeast(code, length, 12, at);
                check(p, at + 12, at + length, Level.IA, code);
            }
        } else if (c == Dhcp6OptionCode.IA_TA) {
            if (level == Level.MESSAGE) {
                atLeast(code, length, 4, at);
                check(p, at + 4, at + length, Level.IA, code);
            }
        } else if (c == Dhcp6OptionCode.IAADDR) {
            if (level == Level.IA) {
                atLeast(code, length, 24, at);
                check(p, at + 24, at + length, Level.IA_ENTRY, code);
            }
        } else if (c == Dhcp6OptionCode.IAPREFIX) {
            if (level == Level.IA) {
                atLeast(code, length, 25, at);
                int prefixLength = p[at + 8] & 0xFF;
                if (prefixLength > 128) {
                    throw new DhcpCodecException(name(code) + ": prefix length " + prefixLength + " is over 128",
                            at + 8);
                }
                check(p, at + 25, at + length, Level.IA_ENTRY, code);
            }
        } else if (c == Dhcp6OptionCode.ORO) {
            if (length % 2 != 0) {
                throw new DhcpCodecException(name(code) + ": length " + length + " is odd", at - 2);
            }
        } else if (c == Dhcp6OptionCode.PREFERENCE) {
            exactly(code, length, 1, at);
        } else if (c == Dhcp6OptionCode.ELAPSED_TIME) {
            exactly(code, length, 2, at);
        } else if (c == Dhcp6OptionCode.UNICAST) {
            exactly(code, length, 16, at);
        } else if (c == Dhcp6OptionCode.STATUS_CODE) {
            atLeast(code, length, 2, at);
        } else if (c == Dhcp6OptionCode.RAPID_COMMIT || c == Dhcp6OptionCode.RECONF_ACCEPT) {
            exactly(code, length, 0, at);
        } else if (c == Dhcp6OptionCode.DNS_SERVERS || c == Dhcp6OptionCode.SNTP_SERVERS) {
            if (length % 16 != 0) {
                throw new DhcpCodecException(name(code) + ": length " + length + " is not a multiple of 16",
                        at - 2);
            }
        } else if (c == Dhcp6OptionCode.DOMAIN_LIST) {
            Names6.decodeList(p, at, at + length, name(code));
        } else if (c == Dhcp6OptionCode.CLIENT_FQDN) {
            atLeast(code, length, 1, at);
            if (Names6.readName(p, at + 1, at + length, name(code), new StringBuilder(), true) != at + length) {
                throw new DhcpCodecException(name(code) + ": bytes after the domain name", at + 1);
            }
        } else if (c == Dhcp6OptionCode.NTP_SERVER) {
            validateNtp(name(code), p, at, length);
        } else if (c == Dhcp6OptionCode.REMOTE_ID) {
            atLeast(code, length, 4, at);
        } else if (c == Dhcp6OptionCode.SOL_MAX_RT || c == Dhcp6OptionCode.INF_MAX_RT
                || c == Dhcp6OptionCode.INFORMATION_REFRESH_TIME) {
            exactly(code, length, 4, at);
        } // any other code: opaque, kept byte for byte
    }

    private static void validateNtp(String name, byte[] p, int at, int length) {
        int i = at;
        int end = at + length;
        while (i < end) {
            if (i + 4 > end) {
                throw new DhcpCodecException(name + ": too few bytes for a sub-option header", i);
            }
            int sub = u16(p, i);
            int subLength = u16(p, i + 2);
            if (i + 4 + subLength > end) {
                throw new DhcpCodecException(name + ": sub-option " + sub + " length " + subLength
                        + " runs past the end", i + 2);
            }
            if ((sub == 1 || sub == 2) && subLength != 16) {
                throw new DhcpCodecException(name + ": sub-option " + sub + " length " + subLength + " is not 16",
                        i + 2);
            }
            if (sub == 3 && Names6.readName(p, i + 4, i + 4 + subLength, name, new StringBuilder(), false)
                    != i + 4 + subLength) {
                throw new DhcpCodecException(name + ": bytes after the server FQDN", i + 4);
            }
            i += 4 + subLength;
        }
    }

    private static void exactly(int code, int length, int expected, int at) {
        if (length != expected) {
            throw new DhcpCodecException(name(code) + ": length " + length + " is not " + expected, at - 2);
        }
    }

    private static void atLeast(int code, int length, int minimum, int at) {
        if (length < minimum) {
            throw new DhcpCodecException(name(code) + ": length " + length + " is under " + minimum, at - 2);
        }
    }

    static int u16(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }

    static long u32(byte[] p, int at) {
        return ((long) (p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8)
                | (p[at + 3] & 0xFF);
    }
}
