package dev.dhcpembedded.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How a client's wait for a reply passes, on one time line that retransmission deadlines (RT, MRD) are read on.
 *
 * <ul>
 *   <li>{@link #real()}: the client waits in real time for the whole retransmission timeout.</li>
 *   <li>{@link #manual(Clock, Consumer, Duration)}: time is a clock that the client moves itself, such as the
 *       server's TestClock. A reply that is coming arrives within a short real wait ({@code replyWait}); when none
 *       did, the client moves the clock to the retransmission time at once. A timeout of an hour costs a test
 *       {@code replyWait}, and the clock, the exchange log and the server all see the RFC's timing.</li>
 * </ul>
 */
abstract class Waiting {

    /** {@return real time} */
    static Waiting real() {
        return Real.INSTANCE;
    }

    /**
     * A clock the client moves itself.
     *
     * @param clock the clock read
     * @param advance moves {@code clock} forward by the given duration
     * @param replyWait how long, in real time, a reply may take before the clock is moved
     */
    static Waiting manual(Clock clock, Consumer<Duration> advance, Duration replyWait) {
        return new Manual(clock, advance, replyWait);
    }

    /** {@return now on this time line, in nanoseconds from an arbitrary origin} */
    abstract long nanos();

    /**
     * Receives until a message passes {@code wanted} or the time line reaches {@code deadline}.
     *
     * @return the message, or empty at the deadline (on a manual clock, the clock then shows the deadline)
     */
    abstract <M> Optional<M> receiveUntil(UdpChannel<M> channel, long deadline, Predicate<M> wanted);

    private static final class Real extends Waiting {
        static final Real INSTANCE = new Real();

        @Override
        long nanos() {
            return System.nanoTime();
        }

        @Override
        <M> Optional<M> receiveUntil(UdpChannel<M> channel, long deadline, Predicate<M> wanted) {
            return channel.receive(Duration.ofNanos(Math.max(deadline - nanos(), 0)), wanted);
        }

        @Override
        public String toString() {
            return "real time";
        }
    }

    private static final class Manual extends Waiting {
        private final Clock clock;
        private final Consumer<Duration> advance;
        private final Duration replyWait;

        Manual(Clock clock, Consumer<Duration> advance, Duration replyWait) {
            this.clock = clock;
            this.advance = advance;
            this.replyWait = replyWait;
        }

        @Override
        long nanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        <M> Optional<M> receiveUntil(UdpChannel<M> channel, long deadline, Predicate<M> wanted) {
            Optional<M> reply = channel.receive(replyWait, wanted);
            if (reply.isPresent()) {
                return reply;
            }
            long left = deadline - nanos();
            if (left > 0) {
                advance.accept(Duration.ofMillis((left + 999_999) / 1_000_000)); // the clock counts milliseconds
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "a manual clock (" + clock + "), " + replyWait.toMillis() + " ms real wait for each reply";
        }
    }
}
