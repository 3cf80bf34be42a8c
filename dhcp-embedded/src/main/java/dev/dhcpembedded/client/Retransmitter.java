package dev.dhcpembedded.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The retransmission loop of both families: sends a request, waits for its reply until the retransmission timeout,
 * and sends it again (same transaction id; the message may change with the attempt, e.g. 'secs' or elapsed time)
 * until a reply comes or the {@link Schedule} says the exchange has failed. RT, MRC and MRD are read on the
 * client's {@link Waiting} time line: real time, or a manual clock the client moves.
 *
 * @param <M> the message type of the client's family
 */
final class Retransmitter<M> {

    /** The request to send at one attempt. */
    @FunctionalInterface
    interface Attempt<M> {
        /**
         * @param number 0 for the first transmission
         * @param elapsed time since the first transmission, on the client's time line
         * @return the message to send
         */
        M message(int number, Duration elapsed);
    }

    /**
     * How an exchange ended.
     *
     * @param reply the reply, or empty when none came
     * @param transmissions how many times the request was sent
     * @param elapsed from the first transmission to the end, on the client's time line
     */
    record Result<M>(Optional<M> reply, int transmissions, Duration elapsed) {
    }

    private final UdpChannel<M> channel;
    private final Waiting waiting;

    Retransmitter(UdpChannel<M> channel, Waiting waiting) {
        this.channel = channel;
        this.waiting = waiting;
    }

    Result<M> exchange(Schedule schedule, Attempt<M> request, Predicate<M> isReply) {
        long start = waiting.nanos();
        long maxDuration = schedule.maxDuration().toNanos();
        long end = maxDuration > 0 ? start + maxDuration : Long.MAX_VALUE;
        Duration rt = schedule.firstTimeout();
        int sent = 0;
        while (true) {
            long sentAt = waiting.nanos();
            channel.send(request.message(sent, Duration.ofNanos(sentAt - start)));
            sent++;
            long deadline = Math.min(saturatedAdd(sentAt, rt.toNanos()), end);
            Optional<M> reply = waiting.receiveUntil(channel, deadline, isReply);
            long now = waiting.nanos();
            if (reply.isPresent() || sent == schedule.maxTransmissions() || now >= end) {
                return new Result<>(reply, sent, Duration.ofNanos(now - start));
            }
            rt = schedule.nextTimeout(rt);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
