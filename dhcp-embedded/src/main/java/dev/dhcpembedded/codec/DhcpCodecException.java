package dev.dhcpembedded.codec;

/** The one exception of the codec: what is wrong with the bytes, and at which byte offset of the packet. */
public final class DhcpCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int offset;

    public DhcpCodecException(String reason, int offset) {
        super(reason + " (at byte offset " + offset + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** The reason alone, without the offset. */
    public String reason() {
        return reason;
    }

    /** The byte offset in the packet where the problem was found; -1 when it is not about received bytes. */
    public int offset() {
        return offset;
    }
}
