package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.DhcpMessage;
import java.util.Optional;

/** What the engine decided for one request: a reply and the rule that produced it, or silence and why. */
public final class Decision {

    private final DhcpMessage reply;
    private final String rule;

    private Decision(DhcpMessage reply, String rule) {
        this.reply = reply;
        this.rule = rule;
    }

    public static Decision reply(DhcpMessage reply, String rule) {
        return new Decision(reply, rule);
    }

    public static Decision silence(String reason) {
        return new Decision(null, reason);
    }

    public Optional<DhcpMessage> reply() {
        return Optional.ofNullable(reply);
    }

    /** The rule that produced the reply, or the reason there is none. */
    public String rule() {
        return rule;
    }

    @Override
    public String toString() {
        return (reply == null ? "silence: " : reply.messageType().map(Object::toString).orElse("reply") + ": ") + rule;
    }
}
