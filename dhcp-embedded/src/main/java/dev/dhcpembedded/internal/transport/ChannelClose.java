package dev.dhcpembedded.internal.transport;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;

/** How the channel-based transports stop: close the channel, then wait for the receiver thread to end. */
final class ChannelClose {

    private ChannelClose() {
    }

    /** Closes {@code channel}; a failure is only logged, since the transport is going away. */
    static void closeQuietly(DatagramChannel channel, Logger log) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("close failed", e);
        }
    }

    /** Waits up to 5 s for {@code receiver} to end, unless it is null or the calling thread itself. */
    static void join(Thread receiver) {
        if (receiver != null && receiver != Thread.currentThread()) {
            try {
                receiver.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
