package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.wire.WireRequest;
import java.util.Arrays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;

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
        /** Whether the client was ACKed on this row; then the ACK's xid and where it went (null: not known). */
        boolean acked;
        int ackXid;
        java.net.InetSocketAddress ackPeer;

        Row(int address) {
            this.address = address;
        }

        /**
         * The client was just ACKed on this row in answer to {@code request}: keeps the xid (a FORCERENEW carries
         * it, RFC 3203) and the socket the request came from (where the ACK went), the row's own object while the
         * client speaks from the same one.
         */
        void acked(WireRequest request) {
            acked = true;
            ackXid = request.xid();
            java.net.InetSocketAddress peer = request.source();
            if (peer == null || !peer.equals(ackPeer)) {
                ackPeer = peer;
            }
        }

        /** Sets the hostname (12) unless it is already that one: a renewal makes nothing the table keeps. */
        void keepHostname(WireRequest request) {
            int code = dev.dhcpembedded.codec.OptionCode.HOST_NAME.code();
            if (request.has(code) && !(hostname.isPresent() && request.optionIsText(code, hostname.get()))) {
                hostname = Optional.of(request.optionText(code));
            }
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

    private final AddressMap byAddress = new AddressMap();
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
        return byAddress.get(address) == null;
    }

    /**
     * Puts {@code client} (a probe is copied when stored) on {@code address}, dropping whatever either had before;
     * the row's MAC is {@code request}'s chaddr.
     */
    Row assign(int address, ClientKey client, WireRequest request, LeaseState state, long expiresAtMillis) {
        Row same = byAddress.get(address);
        if (same != null && client.equals(same.client) && byClient.get(client) == same) {
            // the same client on the same address (its REQUEST after the OFFER, a renewal): keep the row's own
            // objects, so that under load nothing made for this exchange survives a young collection
            if (same.mac == null || !same.mac.matches(request.bytes(), WireRequest.CHADDR_OFFSET,
                    request.macLength())) {
                same.mac = mac(request);
            }
            same.state = state;
            same.expiresAtMillis = expiresAtMillis;
            return same;
        }
        client = client.stored();
        MacAddress mac = mac(request);
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
        row.acked = false; // a new row, or another client's: no ACK of this client on it yet
        row.ackPeer = null;
        byClient.put(client, row);
        return row;
    }

    private static MacAddress mac(WireRequest request) {
        return MacAddress.of(Arrays.copyOfRange(request.bytes(), WireRequest.CHADDR_OFFSET,
                WireRequest.CHADDR_OFFSET + request.macLength()));
    }

    /** The row of a client with MAC {@code mac} bound at {@code now} (the last one by address), or null. */
    Row boundTo(MacAddress mac, long now) {
        Row found = null;
        for (Row row : byAddress.values()) {
            if (mac.equals(row.mac) && row.state == LeaseState.BOUND && row.expiresAtMillis > now
                    && (found == null || Integer.compareUnsigned(row.address, found.address) > 0)) {
                found = row;
            }
        }
        return found;
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
        List<Row> rows = byAddress.values();
        List<Lease> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(row.snapshot(now));
        }
        out.sort((a, b) -> Integer.compareUnsigned(Ipv4.toInt(a.address()), Ipv4.toInt(b.address())));
        return out;
    }

    void clear() {
        byAddress.clear();
        byClient.clear();
    }

    /** Rows by address: open addressing on int keys, so that a look-up boxes nothing. */
    static final class AddressMap {
        private int[] keys = new int[16];
        private Row[] rows = new Row[16];
        private int size;

        private static int hash(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        Row get(int key) {
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                Row row = rows[i];
                if (row == null) {
                    return null;
                }
                if (keys[i] == key) {
                    return row;
                }
            }
        }

        void put(int key, Row row) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                if (rows[i] == null) {
                    keys[i] = key;
                    rows[i] = row;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    rows[i] = row;
                    return;
                }
            }
        }

        void remove(int key) {
            int mask = keys.length - 1;
            int i = hash(key) & mask;
            while (rows[i] != null && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (rows[i] == null) {
                return;
            }
            rows[i] = null;
            size--;
            // shift back the entries after it that would no longer be found
            for (int j = (i + 1) & mask; rows[j] != null; j = (j + 1) & mask) {
                int home = hash(keys[j]) & mask;
                if (((j - home) & mask) >= ((j - i) & mask)) {
                    keys[i] = keys[j];
                    rows[i] = rows[j];
                    rows[j] = null;
                    i = j;
                }
            }
        }

        private void grow() {
            int[] oldKeys = keys;
            Row[] oldRows = rows;
            keys = new int[oldKeys.length * 2];
            rows = new Row[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldRows[i] != null) {
                    put(oldKeys[i], oldRows[i]);
                }
            }
        }

        List<Row> values() {
            List<Row> out = new ArrayList<>(size);
            for (Row row : rows) {
                if (row != null) {
                    out.add(row);
                }
            }
            return out;
        }

        int size() {
            return size;
        }

        void clear() {
            java.util.Arrays.fill(rows, null);
            size = 0;
        }
    }
}
