package dev.dhcpembedded.channel;

import java.io.IOException;
import java.io.OutputStream;

/** Writes whole frames to a stream; any thread may write, frames never interleave. */
public final class FrameWriter {

    private final OutputStream out;

    /**
     * A writer to {@code out}.
     *
     * @param out the stream, e.g. a socket's; the writer does not close it
     */
    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes one frame and flushes, as one write that no other frame interleaves with.
     *
     * @param frame the frame
     * @throws IOException if the stream cannot be written
     */
    public void write(Frame frame) throws IOException {
        byte[] wire = FrameCodec.encode(frame);
        synchronized (this) {
            out.write(wire);
            out.flush();
        }
    }
}
