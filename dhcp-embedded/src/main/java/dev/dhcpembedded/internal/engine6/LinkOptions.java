package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Option;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each link's options encoded once (header and value), written into replies as the ORO asks for them
 * ({@link Reply6Options#asked}, the one rule of their order). Used by its engine, under its lock.
 */
final class LinkOptions {

    /** A link's options, encoded in its order, and their bytes in all. */
    record Encoded(byte[][] options, int bytes) {
    }

    private final Map<Subnet6Config, Encoded> encoded = new IdentityHashMap<>();
    private int[] asked = new int[8];

    LinkOptions(List<Subnet6Config> links) {
        links.forEach(this::of);
    }

    /** The options of {@code link}, encoded. */
    Encoded of(Subnet6Config link) {
        Encoded e = encoded.get(link);
        if (e == null) {
            List<Dhcp6Option> options = link.options();
            byte[][] all = new byte[options.size()][];
            int bytes = 0;
            for (int i = 0; i < all.length; i++) {
                Reply6Writer w = new Reply6Writer().begin(0, 0);
                w.option(options.get(i));
                all[i] = java.util.Arrays.copyOfRange(w.bytes(), 4, w.length());
                bytes += all[i].length;
            }
            e = new Encoded(all, bytes);
            encoded.put(link, e);
            if (asked.length < all.length) {
                asked = new int[all.length];
            }
        }
        return e;
    }

    /** The options of {@code link} that {@code m}'s ORO asks for, in its order; all of them when it has none. */
    void write(Reply6Writer reply, Wire6Request m, Subnet6Config link) {
        byte[][] options = of(link).options();
        int oro = m.oro();
        if (oro < 0) {
            for (byte[] option : options) {
                reply.raw(option, 0, option.length);
            }
            return;
        }
        int n = Reply6Options.asked(m.bytes(), Wire6Request.value(oro), m.length(oro), link.options(), asked);
        for (int i = 0; i < n; i++) {
            reply.raw(options[asked[i]], 0, options[asked[i]].length);
        }
    }
}
