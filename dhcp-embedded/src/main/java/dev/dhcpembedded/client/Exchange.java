package dev.dhcpembedded.client;

import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One datagram a test client sent or received: its direction, time (on the client's clock), peer, raw bytes, and
 * the decoded message or the reason it did not decode. The same for both families: {@link DhcpTestClient} keeps
 * {@code Exchange<DhcpMessage>}, {@link Dhcp6TestClient} keeps {@code Exchange<Dhcp6Message>}.
 *
 * @param <M> the message type: {@link dev.dhcpembedded.codec.DhcpMessage} or
 *     {@link dev.dhcpembedded.codec6.Dhcp6Message}
 */
public final class Exchange<M> {

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
    private final M message;
    private final String decodeError;

    private Exchange(Direction direction, Instant time, InetSocketAddress peer, byte[] raw, M message,
            String decodeError) {
        this.direction = Objects.requireNonNull(direction, "direction");
        this.time = Objects.requireNonNull(time, "time");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.raw = raw.clone();
        this.message = message;
        this.decodeError = decodeError;
    }

    static <M> Exchange<M> decoded(Direction direction, Instant time, InetSocketAddress peer, byte[] raw,
            M message) {
        return new Exchange<>(direction, time, peer, raw, Objects.requireNonNull(message, "message"), null);
    }

    static <M> Exchange<M> undecodable(Direction direction, Instant time, InetSocketAddress peer, byte[] raw,
            String decodeError) {
        return new Exchange<>(direction, time, peer, raw, null, Objects.requireNonNull(decodeError, "decodeError"));
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
    public Optional<M> decoded() {
        return Optional.ofNullable(message);
    }

    /**
     * The decoded message.
     *
     * @return the message
     * @throws IllegalStateException when the bytes did not decode (see {@link #decodeError()})
     */
    public M message() {
        if (message == null) {
            throw new IllegalStateException("the " + raw.length + "-byte datagram did not decode: " + decodeError);
        }
        return message;
    }

    /** {@return why the bytes did not decode, or empty when they did} */
    public Optional<String> decodeError() {
        return Optional.ofNullable(decodeError);
    }

    /** {@code SENT -> 127.0.0.1:54321 DhcpMessage{DISCOVER xid=...}} or {@code SENT -> [::1]:547 SOLICIT ...}. */
    @Override
    public String toString() {
        String arrow = direction == Direction.SENT ? " -> " : " <- ";
        String what = message != null ? message.toString()
                : "undecodable " + raw.length + "-byte datagram (" + decodeError + ")";
        return direction + arrow + describe(peer) + " " + what;
    }

    /** {@code 127.0.0.1:67} or {@code [::1]:547}. */
    static String describe(InetSocketAddress address) {
        if (address == null) {
            return "?";
        }
        return address.getAddress() instanceof Inet6Address
                ? "[" + Ipv6.format(address.getAddress()) + "]:" + address.getPort()
                : address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
