package dev.dhcpembedded.internal.runtime;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.engine.Arrival;
import dev.dhcpembedded.internal.engine.Decision;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.stub.Reply;
import dev.dhcpembedded.codec.RequestState;
import dev.dhcpembedded.stub.StubContext;
import java.time.Instant;
import java.util.Optional;

/** The {@link StubContext} of one request, backed by the lease engine; the default decision is made on first use. */
public final class EngineStubContext implements StubContext {

    private final DhcpMessage request;
    private final Arrival arrival;
    private final LeaseEngine engine;
    private final int occurrence;
    private Decision defaultDecision;

    public EngineStubContext(DhcpMessage request, Arrival arrival, LeaseEngine engine, int occurrence) {
        this.request = request;
        this.arrival = arrival;
        this.engine = engine;
        this.occurrence = occurrence;
    }

    @Override
    public DhcpMessage request() {
        return request;
    }

    @Override
    public int occurrence() {
        return occurrence;
    }

    @Override
    public RequestState state() {
        return RequestState.of(request, arrival.broadcast());
    }

    @Override
    public Instant now() {
        return engine.clock().instant();
    }

    private Decision defaultDecision() {
        if (defaultDecision == null) {
            defaultDecision = engine.handle(request, arrival);
        }
        return defaultDecision;
    }

    @Override
    public Reply defaultReply() {
        return optionalDefaultReply().orElseThrow(() -> new IllegalStateException(
                "the server would not answer this request by default: " + defaultDecision().rule()
                        + "; use optionalDefaultReply(), or build the reply with offer(...), ack(...) or nak(...)"));
    }

    @Override
    public Optional<Reply> optionalDefaultReply() {
        Decision decision = defaultDecision();
        return decision.reply().map(reply -> Reply.of(reply, decision.rule()));
    }

    @Override
    public Optional<Reply> optionalDefaultReplyWithoutRapidCommit() {
        if (!request.rapidCommit() || !request.is(dev.dhcpembedded.codec.MessageType.DISCOVER)) {
            return optionalDefaultReply();
        }
        Decision decision = engine.handle(request, arrival, false);
        return decision.reply().map(reply -> Reply.of(reply, decision.rule()));
    }

    @Override
    public Reply offer(String address) {
        return fromDecision(engine.offerAddress(request, arrival, Ipv4.parseInt(address)));
    }

    @Override
    public Reply ack(String address) {
        return fromDecision(engine.ackAddress(request, arrival, Ipv4.parseInt(address)));
    }

    @Override
    public Reply nak(String message) {
        return fromDecision(engine.nak(request, message));
    }

    private static Reply fromDecision(Decision decision) {
        return Reply.of(decision.reply().orElseThrow(), decision.rule());
    }
}
