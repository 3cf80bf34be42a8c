package dev.dhcpembedded.codec;

import java.util.ArrayList;
import java.util.List;

/** Test helpers about messages. */
final class Messages {

    private Messages() {
    }

    /** The message as the encoder lays it out: option 82 moved to the end, everything else in place. */
    static DhcpMessage relayAgentLast(DhcpMessage m) {
        List<DhcpOption> ordered = new ArrayList<>();
        DhcpOption relay = null;
        for (DhcpOption option : m.options()) {
            if (option.code().equals(OptionCode.RELAY_AGENT_INFORMATION)) {
                relay = option;
            } else {
                ordered.add(option);
            }
        }
        if (relay == null) {
            return m;
        }
        ordered.add(relay);
        return m.toBuilder().clearOptions().options(ordered).build();
    }
}
