package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpMessage;
import java.util.Optional;

/**
 * One reply to send: the message (or raw bytes, for scripted malformed replies), the note the journal keeps with
 * it, the server identity it is sent as, and how it is dispatched (now, or after a delay).
 */
public interface PlannedReply {

    DhcpMessage message();

    /** Bytes to send instead of encoding {@link #message()}, for deliberately malformed replies. */
    default Optional<byte[]> rawBytes() {
        return Optional.empty();
    }

    String note();

    /** The server identifier it appears to come from; {@code defaultId} unless a stub plays another server. */
    default int serverId(int defaultId) {
        return defaultId;
    }

    /** Runs {@code send} now, or later for a delayed reply. */
    default void dispatch(Runnable send) {
        send.run();
    }

    static PlannedReply now(DhcpMessage message, String note) {
        return new PlannedReply() {
            @Override
            public DhcpMessage message() {
                return message;
            }

            @Override
            public String note() {
                return note;
            }
        };
    }
}
