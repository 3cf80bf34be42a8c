package dev.dhcpembedded.report;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.journal.JournalEntry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who talks to whom: a column for each client (a DHCPv4 client by its chaddr, a DHCPv6 client by its DUID, an
 * ICMPv6 host by its address, a sender of bytes that did not decode by its socket address) and for each server
 * (DHCPv4, DHCPv6, the router sending Router Advertisements; a second DHCPv4 server by its own address), clients
 * first, each in the order it first appears; and for each entry the columns its arrow joins.
 */
final class Ladder {

    /**
     * A column.
     *
     * @param key      what identifies it
     * @param server   whether it is a server's
     * @param title    its heading, e.g. {@code client 02:00:00:00:00:42}
     * @param subtitle a second line, e.g. the host name the client gave, or ""
     * @param family   {@code v4}, {@code v6} or {@code ra}: where it is placed
     */
    record Column(String key, boolean server, String title, String subtitle, String family) {
    }

    /**
     * One entry's arrow: from column {@code from} to column {@code to}; the same for a transport event.
     *
     * @param entry the journal entry
     * @param from  the column it leaves
     * @param to    the column it reaches
     */
    record Arrow(JournalEntry entry, int from, int to) {
    }

    private final List<Column> columns;
    private final List<Arrow> arrows;

    private Ladder(List<Column> columns, List<Arrow> arrows) {
        this.columns = columns;
        this.arrows = arrows;
    }

    List<Column> columns() {
        return columns;
    }

    List<Arrow> arrows() {
        return arrows;
    }

    static Ladder of(List<JournalEntry> entries) {
        Map<String, String> primary = primaryServers(entries);
        Map<String, Column> clients = new LinkedHashMap<>();
        Map<String, Column> servers = new LinkedHashMap<>();
        List<String[]> ends = new ArrayList<>(); // client key, server key per entry
        Map<String, String> clientOfPeer = new HashMap<>(); // an undecodable datagram goes to its peer's client
        for (JournalEntry e : entries) {
            String server = serverKey(e, primary);
            servers.computeIfAbsent(server, k -> serverColumn(k, e, primary));
            if (e.kind() == JournalEntry.Kind.TRANSPORT) {
                ends.add(new String[] {null, server});
                continue;
            }
            Column client = clientColumn(e);
            String peer = e.peer() == null ? "" : socket(e.peer());
            if (client.key().startsWith("peer ") && clientOfPeer.containsKey(peer)) {
                ends.add(new String[] {clientOfPeer.get(peer), server});
                continue;
            }
            clientOfPeer.putIfAbsent(peer, client.key());
            Column known = clients.putIfAbsent(client.key(), client);
            if (known != null && known.subtitle().isEmpty() && !client.subtitle().isEmpty()) {
                clients.put(client.key(), client); // the first message that names the host
            }
            ends.add(new String[] {client.key(), server});
        }
        // DHCPv4 clients, then their servers; then the DHCPv6 servers and router, then their clients: short arrows
        List<Column> columns = new ArrayList<>();
        clients.values().stream().filter(c -> c.family().equals("v4")).forEach(columns::add);
        servers.values().stream().filter(c -> c.family().equals("v4")).forEach(columns::add);
        servers.values().stream().filter(c -> !c.family().equals("v4")).forEach(columns::add);
        clients.values().stream().filter(c -> !c.family().equals("v4")).forEach(columns::add);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i).key(), i);
        }
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            int server = index.get(ends.get(i)[1]);
            int client = ends.get(i)[0] == null ? server : index.get(ends.get(i)[0]);
            arrows.add(e.kind() == JournalEntry.Kind.SENT ? new Arrow(e, server, client) : new Arrow(e, client, server));
        }
        return new Ladder(List.copyOf(columns), List.copyOf(arrows));
    }

    /** {@code v4}, {@code v6} or {@code ra}: which of the server's protocols an entry belongs to. */
    static String family(JournalEntry e) {
        if (e.isIcmp6()) {
            return "ra";
        }
        if (e.isV6() || e.destination().getAddress() instanceof Inet6Address) {
            return "v6";
        }
        return "v4";
    }

    /** The address each family's server first sent from: the one server of that family unless another sends. */
    private static Map<String, String> primaryServers(List<JournalEntry> entries) {
        Map<String, String> primary = new HashMap<>();
        for (JournalEntry e : entries) {
            if (e.kind() == JournalEntry.Kind.SENT) {
                primary.putIfAbsent(family(e), address(e.source().getAddress()));
            }
        }
        return primary;
    }

    private static String serverKey(JournalEntry e, Map<String, String> primary) {
        if (e.kind() == JournalEntry.Kind.TRANSPORT) {
            return primary.containsKey("v4") || !primary.containsKey("v6") ? "v4" : "v6";
        }
        String family = family(e);
        if (e.kind() != JournalEntry.Kind.SENT) {
            return family;
        }
        String from = address(e.source().getAddress());
        return from.equals(primary.get(family)) ? family : family + " " + from;
    }

    private static Column serverColumn(String key, JournalEntry e, Map<String, String> primary) {
        String family = key.contains(" ") ? key.substring(0, key.indexOf(' ')) : key;
        String title = switch (family) {
            case "ra" -> "router (RA)";
            case "v6" -> "DHCPv6 server";
            default -> "DHCPv4 server";
        };
        String at = key.contains(" ") ? key.substring(key.indexOf(' ') + 1) : primary.getOrDefault(family, "");
        if (at.isEmpty() && e.kind() != JournalEntry.Kind.TRANSPORT && !isGroup(e.destination().getAddress())) {
            at = address(e.destination().getAddress());
        }
        return new Column(key, true, title, at, family);
    }

    private static Column clientColumn(JournalEntry e) {
        if (e.isIcmp6()) {
            InetAddress host = (e.kind() == JournalEntry.Kind.SENT ? e.destination() : e.source()).getAddress();
            String at = address(host);
            String title = at.equals("ff02::1") ? "all nodes" : at.equals("ff02::2") ? "all routers" : "host";
            return new Column("ip " + at, false, title, at, "ra");
        }
        if (e.isV6()) {
            Optional<Duid> duid = e.message6().map(Dhcp6Message::innermost).flatMap(Dhcp6Message::clientId);
            if (duid.isPresent()) {
                String hex = duid.get().hex();
                String shown = duid.get().mac().map(mac -> "DUID with MAC " + mac)
                        .orElse("DUID " + (hex.length() > 28 ? hex.substring(0, 27) + "\u2026" : hex));
                return new Column("duid " + hex, false, "DHCPv6 client", shown, "v6");
            }
        } else if (e.message().isPresent()) {
            var m = e.message().get();
            return new Column("mac " + m.clientMac(), false, "client " + m.clientMac(),
                    m.hostname().map(h -> "host name \"" + h + "\"").orElse(""), "v4");
        }
        InetSocketAddress peer = e.kind() == JournalEntry.Kind.SENT ? e.destination() : e.source();
        String at = socket(e.peer() != null ? e.peer() : peer);
        return new Column("peer " + at, false, "peer", at, family(e));
    }

    private static boolean isGroup(InetAddress address) {
        return address.isMulticastAddress() || address.isAnyLocalAddress()
                || address.getHostAddress().equals("255.255.255.255");
    }

    static String address(InetAddress address) {
        return address instanceof Inet6Address v6 ? Ipv6.format(v6) : address.getHostAddress();
    }

    static String socket(InetSocketAddress socket) {
        return socket.getAddress() instanceof Inet6Address v6 ? "[" + Ipv6.format(v6) + "]:" + socket.getPort()
                : socket.getAddress().getHostAddress() + ":" + socket.getPort();
    }
}
