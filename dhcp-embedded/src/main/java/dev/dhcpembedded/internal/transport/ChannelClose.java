package dev.dhcpembedded.internal.transport;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import org.slf4j.LoggerFactory;

/**
 * How the transports and the packet-socket hosts stop: close the channel, then wait for the receiving thread to end.
 */
final class ChannelClose {

    private ChannelClose() {
    }

    /**
     * Closes {@code channel}; a failure is only logged, as {@code owner}'s, since the transport is going away. The
     * logger is looked up only then: a stop() that closes cleanly does not start SLF4J.
     */
    static void closeQuietly(DatagramChannel channel, Class<?> owner) {
        try {
            channel.close();
        } catch (IOException e) {
            LoggerFactory.getLogger(owner).debug("close failed", e);
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
