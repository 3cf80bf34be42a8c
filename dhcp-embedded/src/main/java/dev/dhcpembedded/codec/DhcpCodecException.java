package dev.dhcpembedded.codec;

/** The one exception of the codec: what is wrong with the bytes, and at which byte offset of the packet. */
public final class DhcpCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reason alone, without the offset. */
    private final String reason;
    /** The byte offset in the packet where the problem was found, or -1. */
    private final int offset;

    /**
     * An exception whose message is the reason followed by the offset.
     *
     * @param reason what is wrong with the bytes
     * @param offset the byte offset in the packet where the problem was found; -1 when it is not about received bytes
     */
    public DhcpCodecException(String reason, int offset) {
        super(reason + " (at byte offset " + offset + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** {@return the reason alone, without the offset} */
    public String reason() {
        return reason;
    }

    /** {@return the byte offset in the packet where the problem was found; -1 when it is not about received bytes} */
    public int offset() {
        return offset;
    }
}
