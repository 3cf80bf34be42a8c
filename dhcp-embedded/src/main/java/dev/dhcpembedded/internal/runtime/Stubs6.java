package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.stub6.Stub6;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The DHCPv6 stubs of one server: the newest registered is tried first; counted ones step aside when used up. */
public final class Stubs6 {

    private final List<Stub6> stubs = new ArrayList<>();
    private final Map<Stub6, Integer> used = new IdentityHashMap<>();

    public synchronized Stub6 add(Stub6 stub) {
        if (used.containsKey(stub)) {
            throw new IllegalStateException("stub " + stub + " is registered already");
        }
        stubs.add(stub);
        used.put(stub, 0);
        return stub;
    }

    public synchronized boolean remove(Stub6 stub) {
        used.remove(stub);
        return stubs.remove(stub);
    }

    public synchronized List<Stub6> all() {
        return List.copyOf(stubs);
    }

    public synchronized void clear() {
        stubs.clear();
        used.clear();
    }

    /** The stub that answers {@code received}, counted as used; empty when none does. */
    public synchronized Optional<Stub6> claim(Dhcp6Message received) {
        for (int i = stubs.size() - 1; i >= 0; i--) {
            Stub6 stub = stubs.get(i);
            int count = used.get(stub);
            if (stub.times().isPresent() && count >= stub.times().getAsInt()) {
                continue;
            }
            if (stub.matcher().matches(received)) {
                used.put(stub, count + 1);
                return Optional.of(stub);
            }
        }
        return Optional.empty();
    }
}
