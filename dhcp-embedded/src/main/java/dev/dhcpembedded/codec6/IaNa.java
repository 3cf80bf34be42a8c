package dev.dhcpembedded.codec6;

import java.util.List;
import java.util.Optional;

/**
 * An identity association for non-temporary addresses (option 3): its IAID, T1 and T2 in seconds, and its options
 * in wire order (IA addresses, a status code, anything else).
 *
 * @param iaid the identity association identifier, 0 to 2^32-1
 * @param t1 seconds, 0 to 2^32-1
 * @param t2 seconds, 0 to 2^32-1
 * @param options the options inside, in wire order
 */
public record IaNa(long iaid, long t1, long t2, List<Dhcp6Option> options) {

    /**
     * Checks the numbers and copies the options.
     *
     * @param iaid the identity association identifier, 0 to 2^32-1
     * @param t1 seconds, 0 to 2^32-1
     * @param t2 seconds, 0 to 2^32-1
     * @param options the options inside, in wire order
     * @throws IllegalArgumentException if a number is outside 0 to 2^32-1
     */
    public IaNa {
        Ia.checkU32("IAID", iaid);
        Ia.checkU32("T1", t1);
        Ia.checkU32("T2", t2);
        options = List.copyOf(options);
    }

    /**
     * An IA_NA with these options.
     *
     * @param iaid the identity association identifier, 0 to 2^32-1
     * @param t1 seconds, 0 to 2^32-1
     * @param t2 seconds, 0 to 2^32-1
     * @param options the options inside (IA addresses, a status code), in wire order
     * @return the IA_NA
     */
    public static IaNa of(long iaid, long t1, long t2, Dhcp6Option... options) {
        return new IaNa(iaid, t1, t2, List.of(options));
    }

    /** {@return the IA address options inside, in wire order} */
    public List<IaAddress> addresses() {
        List<IaAddress> out = new java.util.ArrayList<>(1);
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).number() == Dhcp6OptionCode.IAADDR.code()) {
                out.add(options.get(i).asIaAddress());
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** {@return the status code inside, if any} */
    public Optional<StatusCode> status() {
        return Ia.status(options);
    }

    /**
     * As its option reads: {@code IA_NA(3) iaid=1 T1=1800s T2=2880s [IAADDR(5) 2001:db8:1::100 preferred=3600s
     * valid=7200s]}.
     */
    @Override
    public String toString() {
        return Dhcp6Text.iaNa(this);
    }
}
