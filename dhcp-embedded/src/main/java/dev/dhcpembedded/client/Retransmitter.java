package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** Sends a request and waits for its reply, sending it again (same xid, 'secs' increasing) until attempts run out. */
final class Retransmitter {

    private final UdpChannel channel;
    private final Duration timeout;
    private final int attempts;

    Retransmitter(UdpChannel channel, Duration timeout, int attempts) {
        this.channel = channel;
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** @param messageForSecs the request for a given 'secs' value; every attempt has the same xid */
    Optional<DhcpMessage> exchange(IntFunction<DhcpMessage> messageForSecs, SecondsCounter secs,
            Predicate<DhcpMessage> isReply) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            channel.send(messageForSecs.apply(secs.next(attempt > 0)));
            Optional<DhcpMessage> reply = channel.receive(timeout, isReply);
            if (reply.isPresent()) {
                return reply;
            }
        }
        return Optional.empty();
    }

    /** How long an exchange waits at most, for error messages: "no OFFER within 6s". */
    Duration patience() {
        return timeout.multipliedBy(attempts);
    }

    int attempts() {
        return attempts;
    }
}
