package dev.dhcpembedded.internal.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds a free pool address for a new client. Addresses never handed out come first, in pool order from a moving
 * cursor; then addresses others released or let expire. Static addresses are never handed out dynamically.
 */
final class AddressAllocator {

    private final Map<SubnetConfig, Long> cursors = new HashMap<>();

    /** A free address in {@code subnet}, or 0 when the pool is exhausted. */
    int allocate(SubnetConfig subnet, ClientKey client, LeaseTable table, Set<Integer> staticAddresses,
                 int serverId, long now) {
        long total = 0;
        for (AddressRange pool : subnet.pools()) {
            total += pool.size();
        }
        if (total == 0) {
            return 0;
        }
        long start = cursors.getOrDefault(subnet, 0L) % total;
        boolean noExclusions = subnet.exclusions().isEmpty();
        boolean noStatics = staticAddresses.isEmpty();
        int reusable = 0;
        for (long step = 0; step < total; step++) {
            long index = (start + step) % total;
            int candidate = addressAt(subnet, index);
            if ((!noExclusions && subnet.exclusions().contains(candidate))
                    || (!noStatics && staticAddresses.contains(candidate)) || candidate == serverId) {
                continue;
            }
            if (table.isUntouched(candidate)) {
                cursors.put(subnet, index + 1);
                return candidate;
            }
            if (reusable == 0 && table.isAvailable(candidate, client, now)) {
                reusable = candidate;
            }
        }
        return reusable;
    }

    void reset() {
        cursors.clear();
    }

    private static int addressAt(SubnetConfig subnet, long index) {
        for (AddressRange pool : subnet.pools()) {
            if (index < pool.size()) {
                return (int) (pool.first() + index);
            }
            index -= pool.size();
        }
        throw new IllegalStateException("index past the pools");
    }
}
