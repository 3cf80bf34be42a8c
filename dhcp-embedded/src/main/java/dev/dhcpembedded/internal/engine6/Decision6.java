package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import java.util.Optional;

/** What the v6 engine decided: a reply and the rule of RFC 8415 that produced it, or silence and why. */
public record Decision6(Optional<Dhcp6Message> reply, String rule) {

    public static Decision6 reply(Dhcp6Message reply, String rule) {
        return new Decision6(Optional.of(reply), rule);
    }

    public static Decision6 silence(String reason) {
        return new Decision6(Optional.empty(), reason);
    }

    @Override
    public String toString() {
        return reply.map(r -> r.typeName() + ": ").orElse("silence: ") + rule;
    }
}
