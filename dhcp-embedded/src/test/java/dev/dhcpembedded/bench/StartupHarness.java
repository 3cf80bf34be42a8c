package dev.dhcpembedded.bench;

import java.util.Arrays;

/**
 * Start-up as a test suite sees it, in one fresh JVM: the first {@code start()} (class loading and all, from the
 * first use of the API to a server ready to answer), then {@code start()} and {@code stop()} over the next
 * {@value #DEFAULT_CYCLES} cycles, as a suite that starts a server per test does. The same harness runs
 * GreenMail 2.1.3 ({@code new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp")).start()}) as the yardstick.
 * One subject per JVM; run it through {@code dhcp-embedded/bench/startup.sh}, which repeats each in fresh JVMs
 * and prints the medians. Prints one line:
 * {@code SUBJECT first_start_ms=.. first_stop_ms=.. start_p50_ms=.. stop_p50_ms=.. cycle_p50_ms=.. cycle_p90_ms=..}.
 *
 * <p>Usage: {@code StartupHarness dhcp|greenmail [CYCLES]}.
 */
public final class StartupHarness {

    /** The start/stop cycles timed after the first one. */
    public static final int DEFAULT_CYCLES = 200;

    private StartupHarness() {
    }

    /** One kind of server, started and stopped. */
    interface Subject {
        /** Starts a new server; ready when it returns. */
        void start() throws Exception;

        /** Stops the server started last. */
        void stop() throws Exception;
    }

    /**
     * Runs the harness.
     *
     * @param args the subject ({@code dhcp} or {@code greenmail}) and optionally the number of cycles
     * @throws Exception when a server fails to start or stop
     */
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "dhcp";
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CYCLES;
        long t0 = System.nanoTime();
        Subject subject = "greenmail".equals(which) ? new GreenMailSubject() : new DhcpSubject();
        subject.start();
        long t1 = System.nanoTime();
        subject.stop();
        long t2 = System.nanoTime();
        long[] starts = new long[cycles];
        long[] stops = new long[cycles];
        long[] both = new long[cycles];
        for (int i = 0; i < cycles; i++) {
            long a = System.nanoTime();
            subject.start();
            long b = System.nanoTime();
            subject.stop();
            long c = System.nanoTime();
            starts[i] = b - a;
            stops[i] = c - b;
            both[i] = c - a;
        }
        System.out.printf("%s first_start_ms=%.2f first_stop_ms=%.2f start_p50_ms=%.3f stop_p50_ms=%.3f"
                        + " cycle_p50_ms=%.3f cycle_p90_ms=%.3f%n", which, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                percentile(starts, 50), percentile(stops, 50), percentile(both, 50), percentile(both, 90));
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }
}
