package dev.dhcpembedded.codec6;

import java.util.List;
import java.util.Optional;

/**
 * An identity association for prefix delegation (option 25, RFC 8415 section 21.21): its IAID, T1 and T2 in
 * seconds, and its options in wire order (IA prefixes, a status code, anything else).
 *
 * @param iaid the identity association identifier, 0 to 2^32-1
 * @param t1 seconds, 0 to 2^32-1
 * @param t2 seconds, 0 to 2^32-1
 * @param options the options inside, in wire order
 */
public record IaPd(long iaid, long t1, long t2, List<Dhcp6Option> options) {

    /**
     * Checks the numbers and copies the options.
     *
     * @param iaid the identity association identifier, 0 to 2^32-1
     * @param t1 seconds, 0 to 2^32-1
     * @param t2 seconds, 0 to 2^32-1
     * @param options the options inside, in wire order
     * @throws IllegalArgumentException if a number is outside 0 to 2^32-1
     */
    public IaPd {
        Ia.checkU32("IAID", iaid);
        Ia.checkU32("T1", t1);
        Ia.checkU32("T2", t2);
        options = List.copyOf(options);
    }

    /**
     * An IA_PD with these options.
     *
     * @param iaid the identity association identifier, 0 to 2^32-1
     * @param t1 seconds, 0 to 2^32-1
     * @param t2 seconds, 0 to 2^32-1
     * @param options the options inside (IA prefixes, a status code), in wire order
     * @return the IA_PD
     */
    public static IaPd of(long iaid, long t1, long t2, Dhcp6Option... options) {
        return new IaPd(iaid, t1, t2, List.of(options));
    }

    /** {@return the IA prefix options inside, in wire order} */
    public List<IaPrefix> prefixes() {
        List<IaPrefix> out = new java.util.ArrayList<>(1);
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).number() == Dhcp6OptionCode.IAPREFIX.code()) {
                out.add(options.get(i).asIaPrefix());
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** {@return the status code inside, if any} */
    public Optional<StatusCode> status() {
        return Ia.status(options);
    }

    /**
     * As its option reads: {@code IA_PD(25) iaid=2 T1=1800s T2=2880s [IAPREFIX(26) 2001:db8:100::/56
     * preferred=3600s valid=7200s]}.
     */
    @Override
    public String toString() {
        return Dhcp6Text.iaPd(this);
    }
}
