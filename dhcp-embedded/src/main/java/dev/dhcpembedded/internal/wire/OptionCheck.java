package dev.dhcpembedded.internal.wire;

/**
 * The check of one DHCPv4 option value that {@link WireRequest#parse} runs on every option when it is given one:
 * the model's decoder knows the formats of the typed options (81, 82, 119, 121, ...), the wire only where each
 * option lies. It throws with the reason and the offset of the bad byte.
 */
@FunctionalInterface
public interface OptionCheck {

    /**
     * Checks option {@code code}, whose value is {@code b[from, from + length)}; {@code offset} is where the option
     * starts in the packet, for the error.
     */
    void check(int code, byte[] b, int from, int length, int offset);
}
