package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.internal.lease.Arrival;
import dev.dhcpembedded.internal.lease.Decision;
import dev.dhcpembedded.internal.lease.LeaseEngine;
import java.time.Instant;
import java.util.Optional;

/**
 * What a scripted response may ask for: the RFC default reply (from the lease engine, computed on first use),
 * an OFFER or ACK of a given address, a NAK, and which occurrence of its matcher this request is.
 */
public final class StubContext {

    private final DhcpMessage request;
    private final Arrival arrival;
    private final LeaseEngine engine;
    private final int occurrence;
    private Decision defaultDecision;

    public StubContext(DhcpMessage request, Arrival arrival, LeaseEngine engine, int occurrence) {
        this.request = request;
        this.arrival = arrival;
        this.engine = engine;
        this.occurrence = occurrence;
    }

    public DhcpMessage request() {
        return request;
    }

    /** Which request matching the stub's matcher this is, counting from 1. */
    public int occurrence() {
        return occurrence;
    }

    public RequestState state() {
        return RequestState.of(request, arrival);
    }

    public Instant now() {
        return engine.clock().instant();
    }

    /** What the engine decides (once per request; later calls return the same decision). */
    public Decision defaultDecision() {
        if (defaultDecision == null) {
            defaultDecision = engine.handle(request, arrival);
        }
        return defaultDecision;
    }

    /** The RFC default reply; fails when the engine would stay silent, saying why. */
    public Reply defaultReply() {
        return optionalDefaultReply().orElseThrow(() -> new IllegalStateException(
                "the server would not answer this request by default: " + defaultDecision().rule()));
    }

    public Optional<Reply> optionalDefaultReply() {
        Decision decision = defaultDecision();
        return decision.reply().map(reply -> Reply.of(reply, decision.rule()));
    }

    /** An OFFER of {@code address}, held for the client like any offer. */
    public Reply offer(String address) {
        return fromDecision(engine.offerAddress(request, arrival, Ipv4.parseInt(address)));
    }

    /** An ACK of {@code address}, bound to the client. */
    public Reply ack(String address) {
        return fromDecision(engine.ackAddress(request, arrival, Ipv4.parseInt(address)));
    }

    /** A NAK carrying {@code message} (option 56). */
    public Reply nak(String message) {
        return fromDecision(engine.nak(request, message));
    }

    private static Reply fromDecision(Decision decision) {
        return Reply.of(decision.reply().orElseThrow(), decision.rule());
    }
}
