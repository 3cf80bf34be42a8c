package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpMessage;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One datagram the client sent or received: its direction, time (on the client's clock), peer, raw bytes, and the
 * decoded message or the reason it did not decode.
 */
public final class Exchange {

    /** Which way the datagram went. */
    public enum Direction {
        /** The client sent it. */
        SENT,
        /** The client received it. */
        RECEIVED
    }

    private final Direction direction;
    private final Instant time;
    private final InetSocketAddress peer;
    private final byte[] raw;
    private final DhcpMessage message;
    private final String decodeError;

    private Exchange(Direction direction, Instant time, InetSocketAddress peer, byte[] raw, DhcpMessage message,
            String decodeError) {
        this.direction = Objects.requireNonNull(direction, "direction");
        this.time = Objects.requireNonNull(time, "time");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.raw = raw.clone();
        this.message = message;
        this.decodeError = decodeError;
    }

    static Exchange decoded(Direction direction, Instant time, InetSocketAddress peer, byte[] raw,
            DhcpMessage message) {
        return new Exchange(direction, time, peer, raw, Objects.requireNonNull(message, "message"), null);
    }

    static Exchange undecodable(Direction direction, Instant time, InetSocketAddress peer, byte[] raw,
            String decodeError) {
        return new Exchange(direction, time, peer, raw, null, Objects.requireNonNull(decodeError, "decodeError"));
    }

    /** {@return which way the datagram went} */
    public Direction direction() {
        return direction;
    }

    /** {@return whether the client sent it} */
    public boolean isSent() {
        return direction == Direction.SENT;
    }

    /** {@return whether the client received it} */
    public boolean isReceived() {
        return direction == Direction.RECEIVED;
    }

    /** {@return when it was sent or received, on the client's clock} */
    public Instant time() {
        return time;
    }

    /** {@return the server it went to, or the address it came from} */
    public InetSocketAddress peer() {
        return peer;
    }

    /** {@return a copy of the datagram's bytes} */
    public byte[] raw() {
        return raw.clone();
    }

    /** {@return the decoded message, or empty when the bytes did not decode} */
    public Optional<DhcpMessage> decoded() {
        return Optional.ofNullable(message);
    }

    /**
     * The decoded message.
     *
     * @return the message
     * @throws IllegalStateException when the bytes did not decode (see {@link #decodeError()})
     */
    public DhcpMessage message() {
        if (message == null) {
            throw new IllegalStateException("the " + raw.length + "-byte datagram did not decode: " + decodeError);
        }
        return message;
    }

    /** {@return why the bytes did not decode, or empty when they did} */
    public Optional<String> decodeError() {
        return Optional.ofNullable(decodeError);
    }

    /** {@code SENT -> 127.0.0.1:54321 DhcpMessage{DISCOVER xid=...}}. */
    @Override
    public String toString() {
        String arrow = direction == Direction.SENT ? " -> " : " <- ";
        String what = message != null ? message.toString()
                : "undecodable " + raw.length + "-byte datagram (" + decodeError + ")";
        return direction + arrow + peer.getAddress().getHostAddress() + ":" + peer.getPort() + " " + what;
    }
}
