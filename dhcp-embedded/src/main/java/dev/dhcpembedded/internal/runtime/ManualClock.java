package dev.dhcpembedded.internal.runtime;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A clock that the test moves by hand (the server facade's {@code TestClock}): replies delayed on the server's clock
 * wait for it to be advanced past their time, and are released by the advancing thread.
 */
public interface ManualClock {

    /** Calls {@code listener} with the new time after each advance. */
    void onAdvance(Consumer<Instant> listener);

    /** Stops calling {@code listener}. */
    void removeListener(Consumer<Instant> listener);

    /** A manual clock from its two operations, e.g. {@code ManualClock.of(clock::onAdvance, clock::removeListener)}. */
    static ManualClock of(Consumer<Consumer<Instant>> subscribe, Consumer<Consumer<Instant>> unsubscribe) {
        return new ManualClock() {
            @Override
            public void onAdvance(Consumer<Instant> listener) {
                subscribe.accept(listener);
            }

            @Override
            public void removeListener(Consumer<Instant> listener) {
                unsubscribe.accept(listener);
            }
        };
    }
}
