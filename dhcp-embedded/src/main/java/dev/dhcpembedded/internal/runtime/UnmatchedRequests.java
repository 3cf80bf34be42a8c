package dev.dhcpembedded.internal.runtime;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The journal sequence numbers of the requests no stub answered while stubs were registered. Holds at most as many
 * as the journal keeps entries: older ones have left the journal anyway.
 */
public final class UnmatchedRequests {

    private final int capacity;
    private final ArrayDeque<Long> sequences = new ArrayDeque<>();

    public UnmatchedRequests(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(long sequence) {
        sequences.addLast(sequence);
        while (sequences.size() > capacity) {
            sequences.removeFirst();
        }
    }

    public synchronized Set<Long> sequences() {
        return new HashSet<>(sequences);
    }

    public synchronized void clear() {
        sequences.clear();
    }
}
