package dev.dhcpembedded.internal.lease;

import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dhcpembedded.server.Lease;
import dev.dhcpembedded.server.LeaseState;

/**
 * The engine's memory: one row per address that was ever offered, bound, released or declined, indexed by address
 * and by client. It holds at most one row per pool address, so it stays bounded by the pools' size.
 */
final class LeaseTable {

    /** One row. Mutable, but only ever touched by the engine under its lock. */
    static final class Row {
        final int address;
        ClientKey client;
        MacAddress mac;
        LeaseState state;
        long expiresAtMillis;
        Optional<String> hostname = Optional.empty();

        Row(int address) {
            this.address = address;
        }

        /** Whether the row still keeps its address from other clients at {@code now}. */
        boolean holds(long now) {
            switch (state) {
                case OFFERED:
                case BOUND:
                case DECLINED:
                    return expiresAtMillis > now;
                default:
                    return false;
            }
        }

        Lease snapshot(long now) {
            LeaseState shown = (state == LeaseState.BOUND || state == LeaseState.OFFERED) && expiresAtMillis <= now
                    ? LeaseState.EXPIRED : state;
            return new Lease(Ipv4.fromInt(address), mac, client == null ? Optional.empty() : client.clientIdentifierHex(), shown,
                    Instant.ofEpochMilli(expiresAtMillis), hostname);
        }
    }

    private final Map<Integer, Row> byAddress = new HashMap<>();
    private final Map<ClientKey, Row> byClient = new HashMap<>();

    Row forClient(ClientKey client) {
        return byClient.get(client);
    }

    Row atAddress(int address) {
        return byAddress.get(address);
    }

    /** Whether {@code address} may go to {@code client}: unused, the client's own, or no longer held. */
    boolean isAvailable(int address, ClientKey client, long now) {
        Row row = byAddress.get(address);
        return row == null || client.equals(row.client) || !row.holds(now);
    }

    /** Whether no other client was ever given this address, or its row no longer counts for anyone. */
    boolean isUntouched(int address) {
        return !byAddress.containsKey(address);
    }

    /** Puts {@code client} on {@code address}, dropping whatever either had before. */
    Row assign(int address, ClientKey client, MacAddress mac, LeaseState state, long expiresAtMillis) {
        Row same = byAddress.get(address);
        if (same != null && client.equals(same.client) && byClient.get(client) == same) {
            // the same client on the same address (its REQUEST after the OFFER, a renewal): keep the row's own
            // objects, so that under load nothing made for this exchange survives a young collection
            if (!mac.equals(same.mac)) {
                same.mac = mac;
            }
            same.state = state;
            same.expiresAtMillis = expiresAtMillis;
            return same;
        }
        Row previousOfClient = byClient.remove(client);
        if (previousOfClient != null && previousOfClient.address != address) {
            byAddress.remove(previousOfClient.address);
        }
        Row row = byAddress.get(address);
        if (row == null) {
            row = new Row(address);
            byAddress.put(address, row);
        } else if (row.client != null && !row.client.equals(client)) {
            byClient.remove(row.client);
        }
        row.client = client;
        row.mac = mac;
        row.state = state;
        row.expiresAtMillis = expiresAtMillis;
        byClient.put(client, row);
        return row;
    }

    /** Sets an address aside (DECLINE) with no client. */
    void setAside(int address, long untilMillis) {
        Row row = byAddress.get(address);
        if (row != null && row.client != null) {
            byClient.remove(row.client);
        }
        Row aside = new Row(address);
        aside.state = LeaseState.DECLINED;
        aside.expiresAtMillis = untilMillis;
        byAddress.put(address, aside);
    }

    /** Forgets a client's row entirely (its offer was not taken, or the address moved). */
    void forget(Row row) {
        byAddress.remove(row.address);
        if (row.client != null) {
            byClient.remove(row.client);
        }
    }

    /** The rows that pass {@code filter}, copied so that the caller may forget them. */
    List<Row> rows(java.util.function.Predicate<Row> filter) {
        List<Row> out = new ArrayList<>();
        for (Row row : byAddress.values()) {
            if (filter.test(row)) {
                out.add(row);
            }
        }
        return out;
    }

    List<Lease> snapshot(long now) {
        List<Lease> out = new ArrayList<>(byAddress.size());
        for (Row row : byAddress.values()) {
            out.add(row.snapshot(now));
        }
        out.sort((a, b) -> Integer.compareUnsigned(Ipv4.toInt(a.address()), Ipv4.toInt(b.address())));
        return out;
    }

    void clear() {
        byAddress.clear();
        byClient.clear();
    }
}
