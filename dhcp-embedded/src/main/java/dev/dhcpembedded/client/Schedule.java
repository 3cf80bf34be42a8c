package dev.dhcpembedded.client;

import java.time.Duration;

/**
 * When a request is sent again and when the client gives up: the retransmission timeout (RT) of the first
 * transmission and of each next one, the most transmissions (MRC) and the longest exchange (MRD). A
 * {@link Fixed} schedule for DHCPv4's test client, {@link Rfc8415Timing} for DHCPv6.
 */
interface Schedule {

    /** {@return RT for the first transmission} */
    Duration firstTimeout();

    /**
     * RT for the next transmission.
     *
     * @param previous RT of the transmission before
     * @return the next RT
     */
    Duration nextTimeout(Duration previous);

    /** {@return the most transmissions, the first included; 0 for no limit} */
    int maxTransmissions();

    /** {@return the longest the exchange may last from its first transmission; zero for no limit} */
    Duration maxDuration();

    /**
     * The same timeout for every transmission, and a number of transmissions.
     *
     * @param timeout RT of every transmission
     * @param attempts the number of transmissions
     */
    record Fixed(Duration timeout, int attempts) implements Schedule {

        @Override
        public Duration firstTimeout() {
            return timeout;
        }

        @Override
        public Duration nextTimeout(Duration previous) {
            return timeout;
        }

        @Override
        public int maxTransmissions() {
            return attempts;
        }

        @Override
        public Duration maxDuration() {
            return Duration.ZERO;
        }

        /** How long an exchange waits at most, for error messages: "no OFFER within 6s". */
        Duration patience() {
            return timeout.multipliedBy(attempts);
        }
    }
}
