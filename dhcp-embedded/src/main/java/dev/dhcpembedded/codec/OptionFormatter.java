package dev.dhcpembedded.codec;

import dev.dhcpembedded.internal.wire.Hex;

import java.util.stream.Collectors;

/** Human-readable option values for messages, transcripts and assertion failures. */
final class OptionFormatter {

    private OptionFormatter() {
    }

    public static String format(DhcpOption option) {
        try {
            switch (option.code().code()) {
                case 1: case 28: case 50: case 54:
                    return option.asAddress().getHostAddress();
                case 3: case 6: case 42:
                    return option.asAddresses().stream().map(a -> a.getHostAddress())
                            .collect(Collectors.joining(","));
                case 12: case 15: case 56: case 60: case 66: case 67: case 114: case 161:
                    return '"' + option.asString() + '"';
                case 51: case 58: case 59: case 108: // durations in seconds: lease, T1, T2, V6ONLY_WAIT (RFC 8925)
                    return option.asUint32() + "s";
                case 26:
                    return String.valueOf(option.asUint16());
                case 53:
                    return option.asMessageType().name();
                case 55:
                    return option.asCodes().stream().map(c -> String.valueOf(c.code()))
                            .collect(Collectors.joining(",", "[", "]"));
                case 57:
                    return String.valueOf(option.asUint16());
                case 119:
                    return String.join(",", option.asDomainSearch());
                case 121:
                    return option.asClasslessRoutes().toString();
                default:
                    return "0x" + Hex.of(option.valueUnsafe());
            }
        } catch (RuntimeException malformed) {
            return "0x" + Hex.of(option.valueUnsafe());
        }
    }
}
