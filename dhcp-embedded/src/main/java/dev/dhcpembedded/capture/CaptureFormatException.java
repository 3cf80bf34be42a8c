package dev.dhcpembedded.capture;

import java.io.IOException;

/**
 * A file that is not a capture {@link CaptureReader} can read, or that ends inside a record: what is wrong, and at
 * which byte offset of the file.
 */
public final class CaptureFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The byte offset in the file where the problem was found. */
    private final long offset;

    /**
     * A format error.
     *
     * @param message what is wrong, ending with the offset, e.g. {@code link type 105 is not supported ... (at file
     *                offset 20)}
     * @param offset  the byte offset in the file where it was found
     * @param cause   the reader's own exception, or null
     */
    public CaptureFormatException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /**
     * Where in the file the problem was found.
     *
     * @return the byte offset from the start of the file
     */
    public long offset() {
        return offset;
    }
}
