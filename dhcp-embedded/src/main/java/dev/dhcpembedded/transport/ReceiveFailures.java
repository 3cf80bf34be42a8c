package dev.dhcpembedded.transport;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a receive loop does with a datagram that failed, whatever was thrown (an exception, an
 * {@link OutOfMemoryError}, a {@link StackOverflowError}): it drops the datagram, logs and journals what happened
 * through {@link Transport.Receiver#onTransportEvent}, and goes on serving. Under a flood of such datagrams it writes
 * at most one note per {@link #INTERVAL_NANOS}, which counts the ones it did not write; the first
 * {@link VirtualMachineError} is always written, without a stack trace (the JVM may have no room for one). One per
 * receive loop: not thread-safe. The project's own transports use it, and so can a custom {@link Transport}: a
 * receive loop that catches {@link Throwable} per datagram and hands it here never dies silently.
 */
public final class ReceiveFailures {

    /** At most one note per second. */
    static final long INTERVAL_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveFailures.class);

    private final String where;
    private boolean reported;
    private boolean vmErrorReported;
    private long lastReport;
    private long unreported;

    /**
     * @param where the transport's name for the notes, e.g. {@code lo 127.0.0.1:6767}
     */
    public ReceiveFailures(String where) {
        this.where = where;
    }

    /**
     * Notes that {@code receiver} failed on the datagram from {@code source}; throws nothing, whatever happens.
     *
     * @param receiver the server's receiver, told through {@link Transport.Receiver#onTransportEvent}
     * @param source where the datagram came from, or null if not known
     * @param failure what was thrown
     */
    public void failed(Transport.Receiver receiver, InetSocketAddress source, Throwable failure) {
        try {
            boolean vmError = failure instanceof VirtualMachineError;
            long now = System.nanoTime();
            boolean firstVmError = vmError && !vmErrorReported;
            if (reported && now - lastReport < INTERVAL_NANOS && !firstVmError) {
                unreported++;
                return;
            }
            String note = "receive on " + where + ": dropped a datagram from " + source + " that failed with "
                    + failure + (unreported > 0 ? " (and " + unreported + " more since the last note)" : "")
                    + "; still serving";
            reported = true;
            vmErrorReported |= vmError;
            lastReport = now;
            unreported = 0;
            if (vmError) {
                LOG.error(note);
            } else {
                LOG.error(note, failure);
            }
            receiver.onTransportEvent(note);
        } catch (Throwable again) { // NOPMD: the loop must go on, and there is nothing more to do for this datagram
            unreported++;
        }
    }

    /** {@return how many failures were counted and not written since the last note} */
    public long unreported() {
        return unreported;
    }
}
