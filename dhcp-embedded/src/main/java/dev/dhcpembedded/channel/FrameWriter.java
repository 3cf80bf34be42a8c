package dev.dhcpembedded.channel;

import java.io.IOException;
import java.io.OutputStream;

/** Writes whole frames to a stream; any thread may write, frames never interleave. */
public final class FrameWriter {

    private final OutputStream out;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    public void write(Frame frame) throws IOException {
        byte[] wire = FrameCodec.encode(frame);
        synchronized (this) {
            out.write(wire);
            out.flush();
        }
    }
}
