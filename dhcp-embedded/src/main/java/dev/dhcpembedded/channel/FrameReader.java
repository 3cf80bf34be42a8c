package dev.dhcpembedded.channel;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads frames from a stream, one at a time, on one thread. Its memory is bounded: every body is read into one
 * buffer of {@link ChannelProtocol#MAX_FRAME_LENGTH} bytes, allocated once, so a flood of the largest frames
 * allocates nothing but the decoded frames themselves.
 *
 * <p>A frame whose body cannot be decoded (a bad field, or no memory left for its payload) is read whole before
 * {@link #read()} throws: {@link #atFrameBoundary()} then says the stream still stands at the start of the next frame,
 * and a receive loop may drop that one frame and go on. A reader made {@link #skippingOversized(InputStream)} also
 * reads an oversized frame through that buffer and refuses it alone; the default refuses it before its body, which
 * leaves the stream out of step.
 */
public final class FrameReader {

    private final DataInputStream in;
    private final boolean skipOversized;
    private byte[] buffer;
    private boolean atBoundary = true;

    /**
     * A reader of {@code in} that refuses an oversized frame before reading any byte of its body: the stream is out
     * of step then, and its connection must be closed (the right answer to a peer that has not authenticated).
     *
     * @param in the stream, e.g. a socket's; the reader does not close it
     */
    public FrameReader(InputStream in) {
        this(in, false);
    }

    private FrameReader(InputStream in, boolean skipOversized) {
        this.in = new DataInputStream(in);
        this.skipOversized = skipOversized;
    }

    /**
     * A reader of {@code in} that reads an oversized frame through its buffer and throws for it alone, leaving the
     * stream at the next frame: for the channel of a peer already authenticated, where one bad frame must not end
     * the session.
     *
     * @param in the stream, e.g. a socket's; the reader does not close it
     * @return the reader
     */
    public static FrameReader skippingOversized(InputStream in) {
        return new FrameReader(in, true);
    }

    /**
     * The next frame, or null when the peer closed the stream between frames.
     *
     * @return the frame, or null at the end of the stream
     * @throws ChannelProtocolException for a length out of bounds (checked before the body is read) or a bad body
     * @throws EOFException when the stream ends inside a frame
     * @throws IOException if the stream cannot be read
     */
    public Frame read() throws IOException {
        atBoundary = false;
        int first = in.read();
        if (first < 0) {
            atBoundary = true;
            return null;
        }
        long length = Integer.toUnsignedLong((first << 24) | (in.readUnsignedByte() << 16)
                | (in.readUnsignedByte() << 8) | in.readUnsignedByte());
        if (length < 1 || length > ChannelProtocol.MAX_FRAME_LENGTH) {
            String problem = "frame length " + length + " is outside 1-" + ChannelProtocol.MAX_FRAME_LENGTH;
            if (skipOversized && length > 0) {
                skip(length);
                atBoundary = true;
                throw new ChannelProtocolException(problem + "; its " + length + " bytes were skipped");
            }
            throw new ChannelProtocolException(problem);
        }
        byte[] body = buffer();
        in.readFully(body, 0, (int) length);
        atBoundary = true;
        return FrameCodec.decode(body, (int) length);
    }

    /**
     * Whether the stream stands at the start of a frame: true after a frame was read whole, even when
     * {@link #read()} then threw for it (a bad body, an oversized frame a {@link #skippingOversized skipping} reader
     * went past, or an {@link OutOfMemoryError} while decoding); false when reading the stream failed, whether
     * inside a frame or before one.
     *
     * @return true when the next {@link #read()} starts at a frame
     */
    public boolean atFrameBoundary() {
        return atBoundary;
    }

    private byte[] buffer() {
        if (buffer == null) {
            buffer = new byte[ChannelProtocol.MAX_FRAME_LENGTH];
        }
        return buffer;
    }

    private void skip(long length) throws IOException {
        byte[] sink = buffer();
        long left = length;
        while (left > 0) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (n < 0) {
                throw new EOFException("the stream ended inside an oversized frame, " + left + " of its " + length
                        + " bytes unread");
            }
            left -= n;
        }
    }
}
