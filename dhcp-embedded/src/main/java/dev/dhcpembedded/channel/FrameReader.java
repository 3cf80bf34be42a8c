package dev.dhcpembedded.channel;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads frames from a stream, one at a time, on one thread. */
public final class FrameReader {

    private final DataInputStream in;

    /**
     * A reader of {@code in}.
     *
     * @param in the stream, e.g. a socket's; the reader does not close it
     */
    public FrameReader(InputStream in) {
        this.in = new DataInputStream(in);
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
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8)
                | in.readUnsignedByte();
        if (length < 1 || length > ChannelProtocol.MAX_FRAME_LENGTH) {
            throw new ChannelProtocolException("frame length " + Integer.toUnsignedString(length)
                    + " is outside 1-" + ChannelProtocol.MAX_FRAME_LENGTH);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return FrameCodec.decode(body);
    }
}
