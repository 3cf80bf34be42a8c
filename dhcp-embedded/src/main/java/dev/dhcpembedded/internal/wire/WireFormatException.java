package dev.dhcpembedded.internal.wire;

/**
 * Bytes that break a wire rule, with the offset where they do. The model's decoders turn it into the public
 * {@code DhcpCodecException} with the same reason and offset; the packet path journals it the same way.
 */
public final class WireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public WireFormatException(String reason, int offset) {
        super(reason);
        this.offset = offset;
    }

    /** Where in the bytes the rule is broken. */
    public int offset() {
        return offset;
    }
}
