package dev.dhcpembedded.internal.journal;

import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.journal.Transcript;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * A journal entry as the journal stores it: the raw bytes are what is kept; the decoded message (or the decode
 * error) is worked out from them when first asked for, so a busy server's journal holds little more than the bytes.
 */
public final class StoredEntry implements JournalEntry {

    private final long sequence;
    private final long serverTimeMillis;
    private final long wallTimeMillis;
    private final Kind kind;
    private final InetSocketAddress source;
    private final InetSocketAddress destination;
    private final InetSocketAddress peer;
    private final String interfaceName;
    private final byte[] bytes;
    private final String note;
    private final boolean v6;
    /** The datagram's length; more than {@code bytes.length} when the journal kept it cut to its snap length. */
    private final int originalLength;
    private volatile Decoding decoding;

    private StoredEntry(long sequence, long serverTimeMillis, long wallTimeMillis, Kind kind,
                         InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                         String interfaceName, byte[] bytes, String note, Decoding decoding, boolean v6,
                         int originalLength) {
        this.v6 = v6;
        this.originalLength = Math.max(originalLength, bytes.length);
        this.sequence = sequence;
        this.serverTimeMillis = serverTimeMillis;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = kind;
        this.source = source;
        this.destination = destination;
        this.peer = peer;
        this.interfaceName = interfaceName;
        this.bytes = bytes;
        this.note = note;
        this.decoding = decoding;
    }

    /** An entry read back from the journal's storage; the decoding is worked out on first use. */
    public static StoredEntry stored(long sequence, long serverTimeMillis, long wallTimeMillis, Kind kind,
                               InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                               String interfaceName, byte[] bytes, String note, Optional<DhcpCodecException> error,
                               int originalLength) {
        return new StoredEntry(sequence, serverTimeMillis, wallTimeMillis, kind, source, destination, peer,
                interfaceName, bytes, note, error.isPresent() ? new Decoding(Optional.empty(), error) : null, false,
                originalLength);
    }

    /** A DHCPv6 entry read back from the journal's storage; the decoding is worked out on first use. */
    public static StoredEntry stored6(long sequence, long serverTimeMillis, long wallTimeMillis, Kind kind,
                                InetSocketAddress source, InetSocketAddress destination, InetSocketAddress peer,
                                String interfaceName, byte[] bytes, String note,
                                Optional<DhcpCodecException> error, int originalLength) {
        return new StoredEntry(sequence, serverTimeMillis, wallTimeMillis, kind, source, destination, peer,
                interfaceName, bytes, note, error.isPresent() ? new Decoding(Optional.empty(), error) : null, true,
                originalLength);
    }

    /**
     * Whether this is a Router Solicitation received or a Router Advertisement sent (ICMPv6, which has no ports):
     * the journal keeps those with port 0 as destination, where no UDP datagram can go. The one place that says so.
     */
    @Override
    public boolean isIcmp6() {
        return v6 && destination.getPort() == 0;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public Instant serverTime() {
        return Instant.ofEpochMilli(serverTimeMillis);
    }

    @Override
    public Instant wallTime() {
        return Instant.ofEpochMilli(wallTimeMillis);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public InetSocketAddress source() {
        return source;
    }

    @Override
    public InetSocketAddress destination() {
        return destination;
    }

    @Override
    public InetSocketAddress peer() {
        return peer;
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    /** The raw UDP payload (a copy). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int originalLength() {
        return originalLength;
    }

    /** Whether this is a DHCPv6 entry (UDP 546/547); its message is then {@link #message6()}. */
    @Override
    public boolean isV6() {
        return v6 && !isIcmp6();
    }

    /** The decoded DHCPv6 message; empty for DHCPv4 entries and when the bytes did not decode. */
    @Override
    public Optional<Dhcp6Message> message6() {
        return decoding().message6;
    }

    /**
     * Whether the DHCPv6 message is of {@code type}, or carries a message of that type inside its relay layers
     * (so a relayed SOLICIT counts as a SOLICIT).
     */
    @Override
    public boolean is(Dhcp6MessageType type) {
        return message6().map(m -> m.is(type) || m.innermost().is(type)).orElse(false);
    }

    /** The client's DUID (option 1) of a DHCPv6 message, inside any relay layers. */
    @Override
    public Optional<Duid> clientDuid() {
        return message6().flatMap(m -> m.innermost().clientId());
    }

    /** The decoded DHCPv4 message; empty for DHCPv6 entries and when the bytes did not decode. */
    @Override
    public Optional<DhcpMessage> message() {
        return decoding().message;
    }

    /** Why the bytes did not decode, with the byte offset. */
    @Override
    public Optional<DhcpCodecException> error() {
        return decoding().error;
    }

    @Override
    public String note() {
        return note;
    }

    private Decoding decoding() {
        Decoding known = decoding;
        if (known == null && (kind == Kind.TRANSPORT || isIcmp6() || isTftp())) { // no DHCP message: the transcript says what
            known = new Decoding(Optional.empty(), Optional.empty());
            decoding = known;
        }
        if (known == null && originalLength > bytes.length) { // cut to the snap length: what is left is no message
            known = new Decoding(Optional.empty(), Optional.of(new DhcpCodecException("the journal kept "
                    + bytes.length + " of " + originalLength + " bytes (snap length)", bytes.length)));
            decoding = known;
        }
        if (known == null && v6) {
            try {
                known = new Decoding(Optional.empty(), Optional.empty(), Optional.of(Dhcp6Codec.decode(bytes)));
            } catch (DhcpCodecException e) {
                known = new Decoding(Optional.empty(), Optional.of(e));
            }
            decoding = known;
        }
        if (known == null) {
            try {
                known = new Decoding(Optional.of(DhcpCodec.decode(bytes)), Optional.empty());
            } catch (DhcpCodecException e) {
                known = new Decoding(Optional.empty(), Optional.of(e));
            }
            decoding = known;
        }
        return known;
    }

    @Override
    public boolean isReceived() {
        return kind == Kind.RECEIVED;
    }

    @Override
    public boolean isSent() {
        return kind == Kind.SENT;
    }

    @Override
    public Optional<MessageType> messageType() {
        return message().flatMap(DhcpMessage::messageType);
    }

    @Override
    public boolean is(MessageType type) {
        return messageType().map(type::equals).orElse(false);
    }

    @Override
    public Optional<MacAddress> clientMac() {
        return message().map(DhcpMessage::clientMac);
    }

    /** The one-line transcript form, as Wireshark's Info column prints it. */
    @Override
    public String transcriptLine() {
        return Transcript.line(this);
    }

    @Override
    public String toString() {
        return transcriptLine();
    }

    private static final class Decoding {
        final Optional<DhcpMessage> message;
        final Optional<DhcpCodecException> error;
        final Optional<Dhcp6Message> message6;

        Decoding(Optional<DhcpMessage> message, Optional<DhcpCodecException> error) {
            this(message, error, Optional.empty());
        }

        Decoding(Optional<DhcpMessage> message, Optional<DhcpCodecException> error,
                 Optional<Dhcp6Message> message6) {
            this.message = message;
            this.error = error;
            this.message6 = message6;
        }
    }
}
