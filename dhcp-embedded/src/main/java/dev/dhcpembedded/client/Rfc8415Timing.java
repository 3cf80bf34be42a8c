package dev.dhcpembedded.client;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * RFC 8415's retransmission of one DHCPv6 message: its parameters from section 7.6 (IRT, MRT, MRC, MRD) and the
 * timeouts of section 15, each randomised by RAND, uniform in [-0.1, +0.1]:
 * <pre>
 * RT = IRT + RAND*IRT                    (the first; for SOLICIT, RAND &gt; 0)
 * RT = 2*RTprev + RAND*RTprev            (each next)
 * RT = MRT + RAND*MRT                    (when that is over MRT, and MRT is not 0)
 * </pre>
 * The exchange fails after MRC transmissions or MRD from the first one, whichever comes first (0: no limit). A
 * test client also stops after its own most {@code attempts}, so that an exchange the RFC does not bound (SOLICIT,
 * INFORMATION-REQUEST) ends.
 *
 * @param type the message
 * @param irt initial retransmission time
 * @param mrt maximum retransmission time, zero for none
 * @param mrc maximum transmission count, 0 for none
 * @param mrd maximum retransmission duration, zero for none
 * @param attempts the client's own limit on transmissions
 * @param random the source of RAND
 */
record Rfc8415Timing(Dhcp6MessageType type, Duration irt, Duration mrt, int mrc, Duration mrd, int attempts,
        RandomGenerator random) implements Schedule {

    /**
     * The timing of {@code type} from RFC 8415 section 7.6.
     *
     * @param type a message a client retransmits
     * @param mrd MRD for RENEW (until T2) and REBIND (until the valid lifetimes end); ignored for the others
     * @param attempts the client's own limit on transmissions, at least 1
     * @param random the source of RAND
     * @return the timing
     * @throws IllegalArgumentException for a message a client does not send
     */
    static Rfc8415Timing of(Dhcp6MessageType type, Duration mrd, int attempts, RandomGenerator random) {
        return switch (type) {
            case SOLICIT -> new Rfc8415Timing(type, seconds(1), seconds(3600), 0, Duration.ZERO, attempts, random);
            case REQUEST -> new Rfc8415Timing(type, seconds(1), seconds(30), 10, Duration.ZERO, attempts, random);
            case CONFIRM -> new Rfc8415Timing(type, seconds(1), seconds(4), 0, seconds(10), attempts, random);
            case RENEW, REBIND -> new Rfc8415Timing(type, seconds(10), seconds(600), 0, mrd, attempts, random);
            case INFORMATION_REQUEST -> new Rfc8415Timing(type, seconds(1), seconds(3600), 0, Duration.ZERO,
                    attempts, random);
            case RELEASE, DECLINE -> new Rfc8415Timing(type, seconds(1), Duration.ZERO, 4, Duration.ZERO, attempts,
                    random);
            default -> throw new IllegalArgumentException(type.rfcName() + " is not a message a client retransmits");
        };
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    @Override
    public Duration firstTimeout() {
        if (type != Dhcp6MessageType.SOLICIT) {
            return randomised(irt, rand());
        }
        Duration rt = randomised(irt, positiveRand());
        return rt.compareTo(irt) > 0 ? rt : irt.plusMillis(1);
    }

    @Override
    public Duration nextTimeout(Duration previous) {
        Duration rt = randomised(previous.multipliedBy(2), rand() / 2); // 2*RTprev + RAND*RTprev
        return !mrt.isZero() && rt.compareTo(mrt) > 0 ? randomised(mrt, rand()) : rt;
    }

    @Override
    public int maxTransmissions() {
        return mrc == 0 ? attempts : Math.min(mrc, attempts);
    }

    @Override
    public Duration maxDuration() {
        return mrd;
    }

    /** {@code base + rand*base}, to the millisecond (a TestClock's precision). */
    private static Duration randomised(Duration base, double rand) {
        return Duration.ofMillis(Math.round(base.toMillis() * (1 + rand)));
    }

    /** RAND: uniform in [-0.1, +0.1]. */
    private double rand() {
        return random.nextDouble(-0.1, Math.nextUp(0.1));
    }

    /** RAND for the first SOLICIT: strictly greater than 0 (RFC 8415 section 15). */
    private double positiveRand() {
        return random.nextDouble(Math.nextUp(0.0), Math.nextUp(0.1));
    }
}
