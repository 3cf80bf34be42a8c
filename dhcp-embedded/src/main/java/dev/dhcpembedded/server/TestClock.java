package dev.dhcpembedded.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A clock that only moves when the test says so. Leases and server-clock delays follow it. Thread-safe. */
public final class TestClock extends Clock {

    private final AtomicLong millis;
    private final ZoneId zone;
    private final List<Consumer<Instant>> listeners;

    private TestClock(AtomicLong millis, ZoneId zone, List<Consumer<Instant>> listeners) {
        this.millis = millis;
        this.zone = zone;
        this.listeners = listeners;
    }

    /**
     * A clock stopped at {@code start}.
     *
     * @param start the time it shows
     * @return the clock, in UTC
     */
    public static TestClock at(Instant start) {
        return new TestClock(new AtomicLong(start.toEpochMilli()), ZoneOffset.UTC, new CopyOnWriteArrayList<>());
    }

    /**
     * A clock stopped at the current real time.
     *
     * @return the clock, in UTC
     */
    public static TestClock startingNow() {
        return at(Instant.now());
    }

    /**
     * Moves the clock forward; what waits on the server's clock (delayed replies) runs.
     *
     * @param duration how far, zero or positive; precise to the millisecond
     * @return this clock
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public TestClock advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward; got " + duration);
        }
        Instant now = Instant.ofEpochMilli(millis.addAndGet(duration.toMillis()));
        listeners.forEach(l -> l.accept(now));
        return this;
    }

    /**
     * Sets the clock; it may not move backwards.
     *
     * @param instant the time to show, not before the current one
     * @return this clock
     * @throws IllegalArgumentException if {@code instant} is before the clock's time
     */
    public TestClock set(Instant instant) {
        long target = instant.toEpochMilli();
        long current = millis.get();
        if (target < current) {
            throw new IllegalArgumentException("a clock only moves forward: " + instant + " is before " + instant());
        }
        return advance(Duration.ofMillis(target - current));
    }

    /**
     * Runs {@code listener} after each move; the server uses it to release delayed replies.
     *
     * @param listener called with the new time, on the thread that moved the clock
     */
    public void onAdvance(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    /**
     * Stops running {@code listener} after each move.
     *
     * @param listener a listener given to {@link #onAdvance(Consumer)}
     */
    public void removeListener(Consumer<Instant> listener) {
        listeners.remove(listener);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(millis, newZone, listeners);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + "]";
    }
}
