package dev.dhcpembedded.internal.runtime;


import dev.dhcpembedded.stub.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends replies now or later. Real-time delays run on one daemon thread, started on first use. Delays on the
 * server's clock wait for a manual clock to be advanced past them (the advancing thread sends them); with any
 * other clock they become real-time delays.
 */
public final class ReplyScheduler implements AutoCloseable {

    private final Clock clock;
    private final ManualClock manual;
    private final String name;
    private final List<Pending> pending = new ArrayList<>();
    /** Set only on a manual clock: with any other clock, start() makes no listener at all. */
    private final Consumer<Instant> onAdvance;
    private ScheduledExecutorService timer;
    private boolean closed;

    /**
     * @param clock the server's clock
     * @param manual the same clock's advance listeners when the test moves it by hand, else null
     * @param name names the timer thread
     */
    public ReplyScheduler(Clock clock, ManualClock manual, String name) {
        this.clock = clock;
        this.manual = manual;
        this.name = name;
        if (manual != null) {
            onAdvance = this::release;
            manual.onAdvance(onAdvance);
        } else {
            onAdvance = null;
        }
    }

    /**
     * Sends now, or later. Once {@link #close() closed} (the server stopped) nothing is sent and no thread is
     * started: a datagram still being handled while the server stops is dropped.
     *
     * @param receivedAtMillis when the request arrived, on the server's clock: a delay on that clock counts from
     *        there, so a test that advances its clock as soon as it sees the request in the journal releases the
     *        reply even if it advanced before the reply was handed over here
     */
    public void dispatch(Reply reply, long receivedAtMillis, Runnable send) {
        dispatch(reply.delay(), reply.delayOnServerClock(), receivedAtMillis, send);
    }

    /** {@link #dispatch(Reply, long, Runnable)} for any reply: DHCPv6 ones too. */
    public void dispatch(Duration delay, boolean onServerClock, long receivedAtMillis, Runnable send) {
        if (delay.isZero() || delay.isNegative()) {
            if (!isClosed()) {
                send.run();
            }
            return;
        }
        if (onServerClock && manual != null) {
            long due = receivedAtMillis + delay.toMillis();
            boolean dueAlready;
            synchronized (this) {
                if (closed) {
                    return;
                }
                // under the lock that release() takes: an advance either happened before this check (then the
                // reply is due now) or its release() comes after the add (then it finds the reply)
                dueAlready = due <= clock.millis();
                if (!dueAlready) {
                    pending.add(new Pending(due, send));
                }
            }
            if (dueAlready) {
                send.run();
            }
            return;
        }
        synchronized (this) {
            ScheduledExecutorService running = realTime();
            if (running != null) {
                running.schedule(send, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** The real-time timer, started on first use; null once closed (a new one would never be shut down). */
    private synchronized ScheduledExecutorService realTime() {
        if (closed) {
            return null;
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "dhcp-embedded-delay-" + name);
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }

    private void release(Instant now) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            pending.removeIf(p -> {
                if (p.dueMillis <= now.toEpochMilli()) {
                    due.add(p.send);
                    return true;
                }
                return false;
            });
        }
        due.forEach(Runnable::run);
    }

    /** Forgets replies not yet sent. */
    public synchronized void cancelPending() {
        pending.clear();
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            closed = true;
            pending.clear();
            stopping = timer;
            timer = null;
        }
        if (manual != null) {
            manual.removeListener(onAdvance);
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Pending(long dueMillis, Runnable send) {
    }
}
