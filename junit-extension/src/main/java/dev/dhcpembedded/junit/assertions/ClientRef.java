package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A client, named by its MAC (chaddr) or by its client identifier (61). */
final class ClientRef {

    private final Optional<MacAddress> mac;
    private final Optional<byte[]> clientId;

    private ClientRef(Optional<MacAddress> mac, Optional<byte[]> clientId) {
        this.mac = mac;
        this.clientId = clientId;
    }

    static ClientRef ofMac(MacAddress mac) {
        return new ClientRef(Optional.of(mac), Optional.empty());
    }

    static ClientRef ofClientId(byte[] clientId) {
        if (clientId == null || clientId.length < 2) {
            throw new IllegalArgumentException("a client identifier has a type byte and at least one more byte");
        }
        return new ClientRef(Optional.empty(), Optional.of(clientId.clone()));
    }

    /** {@code client 02:00:00:00:00:42} or {@code client with id 01:02:00:00:00:00:42}. */
    String describe() {
        return mac.map(m -> "client " + m)
                .orElseGet(() -> "client with id " + Addresses.colons(clientId.get()));
    }

    /** The criterion a message the client sent must meet. */
    Criterion criterion() {
        return mac.map(Criteria::from).orElseGet(() -> Criteria.clientId(clientId.get()));
    }

    boolean sentBy(DhcpMessage message) {
        if (mac.isPresent()) {
            return message.clientMac().equals(mac.get());
        }
        return message.clientIdentifier().map(id -> Arrays.equals(id, clientId.get())).orElse(false);
    }

    /** What the client sent, and what the server sent to it (by the chaddr the client used), in order. */
    List<JournalEntry> entries(List<JournalEntry> all) {
        Set<MacAddress> macs = new HashSet<>();
        mac.ifPresent(macs::add);
        for (JournalEntry entry : all) {
            if (entry.isReceived() && entry.message().map(this::sentBy).orElse(false)) {
                macs.add(entry.message().get().clientMac());
            }
        }
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : all) {
            if (entry.message().isEmpty()) {
                continue;
            }
            DhcpMessage message = entry.message().get();
            if (entry.isReceived() ? sentBy(message) : entry.isSent() && macs.contains(message.clientMac())) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The client's messages to the server, in order. */
    List<JournalEntry> sent(List<JournalEntry> all) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : entries(all)) {
            if (entry.isReceived()) {
                out.add(entry);
            }
        }
        return out;
    }

    boolean holds(Lease lease) {
        if (mac.isPresent()) {
            return mac.get().equals(lease.mac());
        }
        return lease.clientIdentifier().equals(Optional.of(Addresses.hex(clientId.get())));
    }
}
