package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.codec.RequestState;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks what a client sent against RFC 2131: every rule of {@link Rfc2131Rule} on every message, in order, with the
 * server's replies as context (a REQUEST answering an OFFER is in SELECTING). The state of a REQUEST is told by
 * {@link RequestState#of(DhcpMessage, boolean)}, the rule the server itself uses.
 */
public final class Rfc2131Conformance {

    private Rfc2131Conformance() {
    }

    /** Every rule the client with {@code mac} broke, in the order of its messages. */
    public static List<Rfc2131Violation> check(Journal journal, MacAddress mac) {
        return check(journal.entries(), ClientRef.ofMac(mac));
    }

    static List<Rfc2131Violation> check(List<JournalEntry> all, ClientRef client) {
        List<JournalEntry> entries = client.entries(all);
        List<Rfc2131Violation> out = new ArrayList<>();
        Set<Integer> offeredXids = new HashSet<>();
        Set<Integer> discoverXids = new HashSet<>();
        Set<Integer> finishedXids = new HashSet<>();
        Set<Integer> asked108Xids = new HashSet<>();
        Map<Integer, Boolean> lastAsked108 = new HashMap<>();
        JournalEntry ipv6OnlyOffer = null;
        Map<Integer, Integer> lastSecs = new HashMap<>();
        byte[] clientId = null;
        for (JournalEntry entry : entries) {
            DhcpMessage m = entry.message().get();
            if (entry.isSent()) {
                if ((m.is(MessageType.OFFER) || m.is(MessageType.ACK)) && m.hasOption(OptionCode.IPV6_ONLY_PREFERRED)
                        && !lastAsked108.getOrDefault(m.xid(), false)) {
                    out.add(new Rfc2131Violation(Rfc2131Rule.IPV6_ONLY_WHEN_ASKED, entry, "is the server's "
                            + m.messageType().get().name() + " carrying IPv6-only preferred (108), but the client's "
                            + (lastAsked108.containsKey(m.xid()) ? "request of this xid did not ask for 108 in its"
                                    + " parameter request list (55)" : "message of this xid is not in the journal")));
                }
                if (m.is(MessageType.OFFER) && m.hasOption(OptionCode.IPV6_ONLY_PREFERRED)
                        && asked108Xids.contains(m.xid()) && ipv6OnlyOffer == null) {
                    ipv6OnlyOffer = entry;
                }
                if (m.is(MessageType.OFFER)) {
                    offeredXids.add(m.xid());
                } else if (m.is(MessageType.ACK) || m.is(MessageType.NAK)) {
                    finishedXids.add(m.xid());
                }
                continue;
            }
            if (m.op() != DhcpMessage.BOOTREQUEST || m.messageType().isEmpty()) {
                out.add(new Rfc2131Violation(Rfc2131Rule.MESSAGE_TYPE, entry, m.op() != DhcpMessage.BOOTREQUEST
                        ? "has op " + m.op() + ", not BOOTREQUEST (1)" : "has no message type (53)"));
            }
            MessageType type = m.messageType().orElse(null);
            lastAsked108.put(m.xid(), parameterRequestList(m).contains(OptionCode.IPV6_ONLY_PREFERRED));
            if (m.hasOption(OptionCode.RAPID_COMMIT) && !MessageType.DISCOVER.equals(type)
                    && !MessageType.REQUEST.equals(type)) {
                out.add(new Rfc2131Violation(Rfc2131Rule.RAPID_COMMIT_PLACEMENT, entry, "is a "
                        + (type == null ? "message without type" : type.name()) + " carrying rapid commit (80)"));
            }
            if (MessageType.DISCOVER.equals(type) && ipv6OnlyOffer != null && waited(ipv6OnlyOffer, entry)) {
                ipv6OnlyOffer = null; // V6ONLY_WAIT is over: DHCPv4 may start again
            }
            if (MessageType.DISCOVER.equals(type)
                    && m.parameterRequestList().contains(OptionCode.IPV6_ONLY_PREFERRED)) {
                asked108Xids.add(m.xid());
            }
            if (MessageType.REQUEST.equals(type) && ipv6OnlyOffer != null) {
                out.add(new Rfc2131Violation(Rfc2131Rule.IPV6_ONLY_NO_REQUEST, entry, "follows "
                        + Report.ref(ipv6OnlyOffer) + ", which carried IPv6-only preferred (108) "
                        + ipv6OnlyOffer.message().get().ipv6OnlyPreferred().map(d -> d.getSeconds() + " s")
                                .orElse("")));
                ipv6OnlyOffer = null;
            }
            boolean has50 = m.hasOption(OptionCode.REQUESTED_IP_ADDRESS);
            boolean has54 = m.hasOption(OptionCode.SERVER_IDENTIFIER);
            boolean ciaddrSet = !m.ciaddr().isAnyLocalAddress();
            if (MessageType.DISCOVER.equals(type)) {
                if (ciaddrSet) {
                    out.add(new Rfc2131Violation(Rfc2131Rule.DISCOVER_CIADDR_ZERO, entry,
                            "has ciaddr " + m.ciaddr().getHostAddress()));
                }
                if (has54) {
                    out.add(new Rfc2131Violation(Rfc2131Rule.DISCOVER_NO_SERVER_ID, entry,
                            "carries server identifier (54) " + m.serverIdentifier().get().getHostAddress()));
                }
                if (finishedXids.contains(m.xid())) {
                    out.add(new Rfc2131Violation(Rfc2131Rule.NEW_DISCOVER_NEW_XID, entry,
                            String.format("reuses xid 0x%08x of an earlier transaction", m.xid())));
                }
                discoverXids.add(m.xid());
            } else if (MessageType.REQUEST.equals(type)) {
                checkRequest(entry, m, offeredXids.contains(m.xid()) || discoverXids.contains(m.xid()), out);
                finishedXids.add(m.xid());
            } else if (MessageType.DECLINE.equals(type)) {
                List<String> wrong = new ArrayList<>();
                if (ciaddrSet) {
                    wrong.add("has ciaddr " + m.ciaddr().getHostAddress());
                }
                missing(wrong, has50, "requested IP address (50)");
                missing(wrong, has54, "server identifier (54)");
                add(out, Rfc2131Rule.DECLINE_FIELDS, entry, wrong);
                finishedXids.add(m.xid());
            } else if (MessageType.RELEASE.equals(type)) {
                List<String> wrong = new ArrayList<>();
                if (!ciaddrSet) {
                    wrong.add("has ciaddr 0");
                }
                missing(wrong, has54, "server identifier (54)");
                if (has50) {
                    wrong.add("carries requested IP address (50)");
                }
                add(out, Rfc2131Rule.RELEASE_FIELDS, entry, wrong);
                finishedXids.add(m.xid());
            } else if (MessageType.INFORM.equals(type)) {
                List<String> wrong = new ArrayList<>();
                if (!ciaddrSet) {
                    wrong.add("has ciaddr 0");
                }
                if (has50) {
                    wrong.add("carries requested IP address (50)");
                }
                if (m.hasOption(OptionCode.IP_ADDRESS_LEASE_TIME)) {
                    wrong.add("carries lease time (51)");
                }
                if (has54) {
                    wrong.add("carries server identifier (54)");
                }
                add(out, Rfc2131Rule.INFORM_FIELDS, entry, wrong);
                finishedXids.add(m.xid());
            }
            if (type == null || MessageType.DISCOVER.equals(type) || MessageType.REQUEST.equals(type)
                    || MessageType.INFORM.equals(type)) {
                Integer before = lastSecs.put(m.xid(), m.secs());
                if (before != null && m.secs() < before) {
                    out.add(new Rfc2131Violation(Rfc2131Rule.SECS_MONOTONIC, entry,
                            "has secs " + m.secs() + " after " + before + " earlier in the same transaction"));
                }
            }
            byte[] id = m.clientIdentifier().orElse(null);
            if (clientId != null && !Arrays.equals(clientId, id)) {
                out.add(new Rfc2131Violation(Rfc2131Rule.CLIENT_ID_STABLE, entry, id == null
                        ? "has no client identifier (61); earlier ones had " + colons(clientId)
                        : "has client identifier (61) " + colons(id) + "; earlier ones had " + colons(clientId)));
            }
            if (id != null) {
                clientId = id;
            }
            OptionalInt size = maximumMessageSize(m);
            if (size.isPresent() && size.getAsInt() < 576) {
                out.add(new Rfc2131Violation(Rfc2131Rule.MAX_MESSAGE_SIZE, entry,
                        "has maximum message size (57) " + size.getAsInt()));
            }
        }
        return out;
    }

    /**
     * The state a journaled REQUEST was sent in, by the server's own classifier. It arrived by broadcast when the
     * journal shows it sent to 255.255.255.255 (transports that show requests as on a link show a request with
     * ciaddr or giaddr set as unicast to the server, as the server itself took it).
     */
    static RequestState stateOf(JournalEntry entry) {
        return RequestState.of(entry.message().orElseThrow(), sentToBroadcast(entry));
    }

    static boolean sentToBroadcast(JournalEntry entry) {
        InetAddress to = entry.destination().getAddress();
        return Arrays.equals(to.getAddress(), new byte[] {-1, -1, -1, -1});
    }

    private static void checkRequest(JournalEntry entry, DhcpMessage m, boolean answersOffer,
                                     List<Rfc2131Violation> out) {
        boolean has50 = m.hasOption(OptionCode.REQUESTED_IP_ADDRESS);
        boolean ciaddrSet = !m.ciaddr().isAnyLocalAddress();
        List<String> wrong = new ArrayList<>();
        switch (stateOf(entry)) {
            case SELECTING:
                if (ciaddrSet) {
                    // often a renewal that wrongly kept 54: say what made it SELECTING
                    wrong.add("has ciaddr " + m.ciaddr().getHostAddress());
                }
                missing(wrong, has50, "requested IP address (50)");
                add(out, Rfc2131Rule.SELECTING_REQUEST, entry, prefix(ciaddrSet
                        ? "in SELECTING (it carries server identifier (54) "
                                + m.serverIdentifier().get().getHostAddress() + "), "
                        : "in SELECTING, ", wrong));
                break;
            case INIT_REBOOT:
                if (answersOffer) {
                    // it answers an OFFER of this transaction: SELECTING, whatever its fields say
                    wrong.add("has no server identifier (54)");
                    add(out, Rfc2131Rule.SELECTING_REQUEST, entry, prefix("in SELECTING, ", wrong));
                }
                break;
            case RENEWING:
            case REBINDING:
                break;
            default:
                if (ciaddrSet) {
                    // ciaddr and 50 without 54: a renewal or rebinding that carries 50
                    wrong.add("carries requested IP address (50) " + m.requestedIpAddress().get().getHostAddress());
                    add(out, Rfc2131Rule.EXTENDING_REQUEST, entry, prefix("in RENEWING/REBINDING (ciaddr "
                            + m.ciaddr().getHostAddress() + "), ", wrong));
                } else if (answersOffer) {
                    wrong.add("has no server identifier (54)");
                    wrong.add("has no requested IP address (50)");
                    add(out, Rfc2131Rule.SELECTING_REQUEST, entry, prefix("in SELECTING, ", wrong));
                } else {
                    out.add(new Rfc2131Violation(Rfc2131Rule.INIT_REBOOT_REQUEST, entry,
                            "in INIT-REBOOT (ciaddr 0, no server identifier), has no requested IP address (50)"));
                }
                break;
        }
    }

    /** Whether V6ONLY_WAIT of {@code offer} (at least MIN_V6ONLY_WAIT, 300 s) passed before {@code later}. */
    private static boolean waited(JournalEntry offer, JournalEntry later) {
        long wait = Math.max(300, offer.message().get().ipv6OnlyPreferred().map(java.time.Duration::getSeconds)
                .orElse(0L));
        long elapsed = Math.max(java.time.Duration.between(offer.serverTime(), later.serverTime()).getSeconds(),
                java.time.Duration.between(offer.wallTime(), later.wallTime()).getSeconds());
        return elapsed >= wait;
    }

    private static List<OptionCode> parameterRequestList(DhcpMessage m) {
        try {
            return m.parameterRequestList();
        } catch (RuntimeException malformed) {
            return List.of();
        }
    }

    private static OptionalInt maximumMessageSize(DhcpMessage m) {
        try {
            return m.maximumMessageSize();
        } catch (RuntimeException malformed) {
            return OptionalInt.empty();
        }
    }

    private static void missing(List<String> wrong, boolean present, String what) {
        if (!present) {
            wrong.add("has no " + what);
        }
    }

    private static List<String> prefix(String prefix, List<String> wrong) {
        if (!wrong.isEmpty()) {
            wrong.set(0, prefix + wrong.get(0));
        }
        return wrong;
    }

    private static void add(List<Rfc2131Violation> out, Rfc2131Rule rule, JournalEntry entry, List<String> wrong) {
        if (!wrong.isEmpty()) {
            out.add(new Rfc2131Violation(rule, entry, String.join(" and ", wrong)));
        }
    }

    private static String colons(byte[] bytes) {
        return Addresses.colons(bytes);
    }
}
