package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one {@link DhcpMessage}; a failure shows the field expected and observed side by side. */
public final class DhcpMessageAssert extends AbstractAssert<DhcpMessageAssert, DhcpMessage> {

    DhcpMessageAssert(DhcpMessage actual) {
        super(actual, DhcpMessageAssert.class);
    }

    public DhcpMessageAssert isA(MessageType type) {
        return meets(Criteria.type(type));
    }

    public DhcpMessageAssert hasOption(OptionCode code) {
        return meets(Criteria.option(code));
    }

    /** The option's value as the transcript prints it (text without quotes), e.g. {@code "10.20.0.1"}. */
    public DhcpMessageAssert hasOption(OptionCode code, String value) {
        return meets(Criteria.option(code, value));
    }

    public DhcpMessageAssert hasOption(OptionCode code, byte[] value) {
        return meets(Criteria.option(code, value));
    }

    public DhcpMessageAssert doesNotHaveOption(OptionCode code) {
        return meets(Criteria.noOption(code));
    }

    /** Option 55 contains all of {@code codes}. */
    public DhcpMessageAssert hasParameterRequestList(OptionCode... codes) {
        return meets(Criteria.parameterRequestListContaining(codes));
    }

    public DhcpMessageAssert hasHostname(String hostname) {
        return meets(Criteria.hostname(hostname));
    }

    public DhcpMessageAssert hasVendorClass(String vendorClass) {
        return meets(Criteria.vendorClass(vendorClass));
    }

    public DhcpMessageAssert hasClientId(byte[] clientId) {
        return meets(Criteria.clientId(clientId));
    }

    public DhcpMessageAssert hasRequestedIpAddress(String address) {
        return meets(Criteria.requestedIpAddress(address));
    }

    public DhcpMessageAssert hasServerIdentifier(String address) {
        return meets(Criteria.serverIdentifier(address));
    }

    public DhcpMessageAssert hasCiaddr(String address) {
        return meets(Criteria.ciaddr(address));
    }

    public DhcpMessageAssert hasYiaddr(String address) {
        return meets(Criteria.yiaddr(address));
    }

    public DhcpMessageAssert hasBroadcastFlag(boolean set) {
        return meets(Criteria.broadcastFlag(set));
    }

    public DhcpMessageAssert hasXid(int xid) {
        return meets(Criteria.xid(xid));
    }

    private DhcpMessageAssert meets(Criterion criterion) {
        isNotNull();
        if (!criterion.matches(actual)) {
            failWithMessage("%s", Report.messageFailure(actual, criterion));
        }
        return this;
    }
}
