package dev.dhcpembedded.client;

import java.util.ArrayList;
import java.util.List;

/** The client's own journal: every datagram sent and received, in order. Safe to read from another thread. */
final class ExchangeLog {

    private final List<Exchange> entries = new ArrayList<>();

    synchronized void add(Exchange exchange) {
        entries.add(exchange);
    }

    synchronized List<Exchange> snapshot() {
        return List.copyOf(entries);
    }
}
