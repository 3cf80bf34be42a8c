package dev.dhcpembedded.server;

/**
 * The first start() in a fresh JVM, class loading included: from the first use of the API to a server ready to
 * answer. Run it several times with {@code java -cp ...} and take the median (see ServerBenchmark).
 */
public final class FirstStartMain {

    private FirstStartMain() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        DhcpServer server = ServerBenchmark.builder().start();
        long t1 = System.nanoTime();
        server.stop();
        long t2 = System.nanoTime();
        System.out.printf("first start %.2f ms, first stop %.2f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}
