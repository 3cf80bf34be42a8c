package dev.dhcpembedded.internal.pcap;

import java.io.IOException;

/** A capture file that is not a readable classic pcap: what is wrong, and at which byte offset of the file. */
public final class PcapFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public PcapFormatException(String reason, long offset) {
        super(reason + " (at file offset " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
