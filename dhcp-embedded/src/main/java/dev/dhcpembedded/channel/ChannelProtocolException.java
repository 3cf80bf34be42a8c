package dev.dhcpembedded.channel;

import java.io.IOException;

/** Bytes on the channel that break its format: the connection that sent them is closed. */
public final class ChannelProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * A format error.
     *
     * @param message what is wrong with the bytes
     */
    public ChannelProtocolException(String message) {
        super(message);
    }
}
