package dev.dhcpembedded.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A client's own journal: every datagram sent and received, in order. Safe to read from another thread.
 *
 * @param <M> the message type of the client's family
 */
final class ExchangeLog<M> {

    private final List<Exchange<M>> entries = new ArrayList<>();

    synchronized void add(Exchange<M> exchange) {
        entries.add(exchange);
    }

    synchronized List<Exchange<M>> snapshot() {
        return List.copyOf(entries);
    }

    /** {@return the messages that went {@code direction} and decoded, in order} */
    synchronized List<M> messages(Exchange.Direction direction) {
        List<M> out = new ArrayList<>();
        for (Exchange<M> exchange : entries) {
            if (exchange.direction() == direction) {
                exchange.decoded().ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }
}
