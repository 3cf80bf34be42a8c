package dev.dhcpembedded.journal;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One message the server received, rejected or sent.
 *
 * @param sequence    position in the journal, from 1, never reused
 * @param serverTime  the time on the server's clock (the one tests control)
 * @param wallTime    the real time
 * @param kind        received (decoded), rejected (did not decode) or sent
 * @param source      where it came from, as a link would show it
 * @param destination where it went, as a link would show it
 * @param peer        the client's real socket address (for loopback: its ephemeral port)
 * @param interfaceName the interface it arrived at or left from
 * @param bytes       the raw UDP payload; never modified
 * @param message     the decoded message, absent when it did not decode
 * @param error       why it did not decode, with the byte offset
 * @param note        the rule that produced a reply, why a request got none, or which stub sent it
 */
public record JournalEntry(long sequence, Instant serverTime, Instant wallTime, Kind kind, InetSocketAddress source,
                           InetSocketAddress destination, InetSocketAddress peer, String interfaceName, byte[] bytes,
                           Optional<DhcpMessage> message, Optional<DhcpCodecException> error, String note) {

    /** What happened to the datagram. */
    public enum Kind {
        /** Arrived and decoded; {@code note} says how it was answered, or why not. */
        RECEIVED,
        /** Arrived and did not decode; dropped without a reply. */
        REJECTED,
        /** Sent by the server. */
        SENT
    }

    public boolean isReceived() {
        return kind == Kind.RECEIVED;
    }

    public boolean isSent() {
        return kind == Kind.SENT;
    }

    public Optional<MessageType> messageType() {
        return message.flatMap(DhcpMessage::messageType);
    }

    public boolean is(MessageType type) {
        return messageType().map(type::equals).orElse(false);
    }

    public Optional<MacAddress> clientMac() {
        return message.map(DhcpMessage::clientMac);
    }

    /** The one-line transcript form, as Wireshark's Info column prints it. */
    public String transcriptLine() {
        return Transcript.line(this);
    }

    @Override
    public String toString() {
        return transcriptLine();
    }
}
