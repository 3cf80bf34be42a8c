package dev.dhcpembedded.journal;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One message the server received, rejected or sent, or one event of its transport. Entries are immutable; the
 * decoded message is worked out from the raw bytes when first asked for.
 */
public interface JournalEntry {

    /** What happened to the datagram. */
    enum Kind {
        /** Arrived and decoded; {@code note} says how it was answered, or why not. */
        RECEIVED,
        /** Arrived and did not decode; dropped without a reply. */
        REJECTED,
        /** Sent by the server. */
        SENT,
        /**
         * No datagram: something happened to the transport itself, e.g. the channel to a DHCP agent closed;
         * {@code note} says what. Such an entry has no message and no bytes, and a pcap export leaves it out.
         */
        TRANSPORT
    }

    /** {@return its position in the journal, from 1, never reused (a cleared journal goes on counting)} */
    long sequence();

    /** {@return when it happened on the server's clock (the one a test controls, e.g. a {@code TestClock})} */
    Instant serverTime();

    /** {@return when it happened in real time} */
    Instant wallTime();

    /** {@return what it is: received, rejected, sent, or a transport event} */
    Kind kind();

    /**
     * {@return where it came from, as a link would show it (for loopback: DHCP's own view, e.g. {@code 0.0.0.0:68})}
     */
    InetSocketAddress source();

    /** {@return where it went, as a link would show it (e.g. {@code 255.255.255.255:67})} */
    InetSocketAddress destination();

    /** {@return the client's real socket address (for loopback: its ephemeral port)} */
    InetSocketAddress peer();

    /** {@return the interface it arrived at or left from} */
    String interfaceName();

    /** {@return the raw UDP payload (ICMPv6 message for a Router Solicitation or Advertisement), as a copy} */
    byte[] bytes();

    /**
     * {@return the datagram's length on the wire} More than {@code bytes().length} when the journal kept it cut to
     * its snap length ({@link Journal#SNAP_LENGTH}); such an entry has no message, and its error says so.
     */
    default int originalLength() {
        return bytes().length;
    }

    /**
     * {@return whether this is a Router Solicitation received or a Router Advertisement sent} ICMPv6 has no ports:
     * the journal keeps those with port 0 as destination, where no UDP datagram can go.
     */
    boolean isIcmp6();

    /**
     * {@return whether this is a datagram of the netboot TFTP server} Its note names it as Wireshark's Info column
     * does ({@code TFTP Read Request, File: ipxe.efi, ...}); it has no DHCP message. The one place that says so.
     */
    default boolean isTftp() {
        return kind() != Kind.TRANSPORT && note().startsWith("TFTP ");
    }

    /** {@return whether this is a DHCPv6 entry (UDP 546/547); its message is then {@link #message6()}} */
    boolean isV6();

    /** {@return the decoded DHCPv6 message; empty for DHCPv4 entries and when the bytes did not decode} */
    Optional<Dhcp6Message> message6();

    /**
     * Whether the DHCPv6 message is of {@code type}, or carries a message of that type inside its relay layers
     * (so a relayed SOLICIT counts as a SOLICIT).
     *
     * @param type the DHCPv6 message type
     * @return whether it is one
     */
    boolean is(Dhcp6MessageType type);

    /** {@return the client's DUID (option 1) of a DHCPv6 message, inside any relay layers} */
    Optional<Duid> clientDuid();

    /** {@return the decoded DHCPv4 message; empty for DHCPv6 entries and when the bytes did not decode} */
    Optional<DhcpMessage> message();

    /** {@return why the bytes did not decode, with the byte offset} */
    Optional<DhcpCodecException> error();

    /**
     * {@return the rule that produced a reply, why a request got none, which stub sent it, or what the transport did}
     */
    String note();

    /** {@return whether the server received it and it decoded} */
    boolean isReceived();

    /** {@return whether the server sent it} */
    boolean isSent();

    /** {@return the DHCPv4 message type (option 53), when it is a DHCPv4 message that has one} */
    Optional<MessageType> messageType();

    /**
     * Whether it is a DHCPv4 message of {@code type}.
     *
     * @param type the DHCPv4 message type
     * @return whether it is one
     */
    boolean is(MessageType type);

    /** {@return the client's hardware address (chaddr) of a DHCPv4 message} */
    Optional<MacAddress> clientMac();

    /** {@return the one-line transcript form, as Wireshark's Info column prints it} */
    String transcriptLine();
}
