package dev.dhcpembedded.internal.journal;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.server.DhcpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A server with the default journal, for {@link JournalFloodForkedJvmTest} to run in a JVM of a small heap: prints
 * {@code PORT n}, then answers each {@code stats} line on stdin with {@code STATS appended evicted bytesKept}, and
 * stops when stdin ends.
 */
public final class JournalFloodServerMain {

    private JournalFloodServerMain() {
    }

    public static void main(String[] args) throws Exception {
        DhcpServer server = DhcpServer.builder().subnet("10.0.0.0/16", s -> s.router("10.0.0.1")).start();
        System.out.println("PORT " + server.address().getPort());
        System.out.flush();
        JournalStore journal = (JournalStore) server.journal();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("stats")) {
                Journal j = journal;
                System.out.println("STATS " + j.appended() + " " + j.evicted() + " " + journal.bytesKept());
                System.out.flush();
            }
        }
        server.stop();
    }
}
