package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.StatusCode;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one {@link Dhcp6Message}, the twin of {@link DhcpMessageAssert}; a failure shows the message, then
 * the field expected and observed side by side. A relay message is judged by the message inside its relay layers,
 * as the traffic assertions judge it.
 *
 * <pre>{@code
 * assertThat(reply).isA(Dhcp6MessageType.REPLY).hasServerId(serverDuid)
 *     .hasIaNaAddress("2001:db8:1::100", 3600, 7200).hasIaPdPrefix("2001:db8:100::/56").hasT1T2(1800, 2880);
 * }</pre>
 */
public final class Dhcp6MessageAssert extends AbstractAssert<Dhcp6MessageAssert, Dhcp6Message> {

    Dhcp6MessageAssert(Dhcp6Message actual) {
        super(actual, Dhcp6MessageAssert.class);
    }

    /** Its type (inside any relay layers) is {@code type}. */
    public Dhcp6MessageAssert isA(Dhcp6MessageType type) {
        return meets(Criteria6.type(type));
    }

    /** It carries option {@code code}, whatever its value. */
    public Dhcp6MessageAssert hasOption(Dhcp6OptionCode code) {
        return meets(Criteria6.option(code));
    }

    /** It carries no option {@code code}. */
    public Dhcp6MessageAssert doesNotHaveOption(Dhcp6OptionCode code) {
        return meets(Criteria6.noOption(code));
    }

    /** Its transaction id is {@code xid}. */
    public Dhcp6MessageAssert hasTransactionId(int xid) {
        return meets(Criteria6.xid(xid));
    }

    /** Its client identifier (1) is {@code duid}. */
    public Dhcp6MessageAssert hasClientId(Duid duid) {
        return meets(Criteria6.clientId("with client id", duid));
    }

    /** Its server identifier (2) is {@code duid}. */
    public Dhcp6MessageAssert hasServerId(Duid duid) {
        return meets(Criteria6.serverId(duid));
    }

    /** It carries an IA_NA with IAID {@code iaid}. */
    public Dhcp6MessageAssert hasIaNa(long iaid) {
        return meets(Criteria6.iaNa(iaid));
    }

    /** It carries an IA_PD with IAID {@code iaid}. */
    public Dhcp6MessageAssert hasIaPd(long iaid) {
        return meets(Criteria6.iaPd(iaid));
    }

    /** An IA_NA holds {@code address}, e.g. {@code 2001:db8:1::100}. */
    public Dhcp6MessageAssert hasIaNaAddress(String address) {
        return meets(Criteria6.iaNaAddress(address));
    }

    /**
     * An IA_NA holds {@code address} with these lifetimes.
     *
     * @param address           e.g. {@code 2001:db8:1::100}
     * @param preferredLifetime seconds ({@code 0xffffffffL}: infinity)
     * @param validLifetime     seconds ({@code 0xffffffffL}: infinity)
     * @return this
     */
    public Dhcp6MessageAssert hasIaNaAddress(String address, long preferredLifetime, long validLifetime) {
        return meets(Criteria6.iaNaAddress(address, preferredLifetime, validLifetime));
    }

    /** An IA_PD holds {@code prefix}, e.g. {@code 2001:db8:100::/56}. */
    public Dhcp6MessageAssert hasIaPdPrefix(String prefix) {
        return meets(Criteria6.iaPdPrefix(prefix));
    }

    /**
     * An IA_PD holds {@code prefix} with these lifetimes.
     *
     * @param prefix            e.g. {@code 2001:db8:100::/56}
     * @param preferredLifetime seconds ({@code 0xffffffffL}: infinity)
     * @param validLifetime     seconds ({@code 0xffffffffL}: infinity)
     * @return this
     */
    public Dhcp6MessageAssert hasIaPdPrefix(String prefix, long preferredLifetime, long validLifetime) {
        return meets(Criteria6.iaPdPrefix(prefix, preferredLifetime, validLifetime));
    }

    /** Every IA_NA and IA_PD in it (one at least) carries T1 {@code t1} and T2 {@code t2}, in seconds. */
    public Dhcp6MessageAssert hasT1T2(long t1, long t2) {
        return meets(Criteria6.timers(t1, t2));
    }

    /** Its message-level status code (13) is {@code code}, e.g. {@code StatusCode.NO_ADDRS_AVAIL}. */
    public Dhcp6MessageAssert hasStatusCode(StatusCode.Code code) {
        return meets(Criteria6.statusCode(code));
    }

    /** A status code {@code code} stands inside an IA_NA or IA_PD, or inside one of their addresses or prefixes. */
    public Dhcp6MessageAssert hasIaStatusCode(StatusCode.Code code) {
        return meets(Criteria6.iaStatusCode(code));
    }

    /** It carries rapid commit (14). */
    public Dhcp6MessageAssert hasRapidCommit() {
        return hasOption(Dhcp6OptionCode.RAPID_COMMIT);
    }

    private Dhcp6MessageAssert meets(Criterion criterion) {
        isNotNull();
        if (!criterion.matches(actual)) {
            failWithMessage("%s", Report.messageFailure(actual, criterion));
        }
        return this;
    }
}
