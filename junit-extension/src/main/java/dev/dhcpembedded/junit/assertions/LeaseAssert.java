package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;
import java.time.Instant;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one row of the server's lease table. */
public final class LeaseAssert extends AbstractAssert<LeaseAssert, Lease> {

    LeaseAssert(Lease actual) {
        super(actual, LeaseAssert.class);
    }

    public LeaseAssert hasAddress(String address) {
        isNotNull();
        if (!actual.address().equals(Addresses.ipv4(address))) {
            failWithMessage("Expecting lease:%n  %s%nto be on address %s%nbut it is on %s", actual, address,
                    actual.addressText());
        }
        return this;
    }

    public LeaseAssert hasState(LeaseState state) {
        isNotNull();
        if (actual.state() != state) {
            failWithMessage("Expecting lease:%n  %s%nto be %s%nbut it is %s", actual, state, actual.state());
        }
        return this;
    }

    public LeaseAssert isBound() {
        return hasState(LeaseState.BOUND);
    }

    public LeaseAssert isHeldBy(String mac) {
        isNotNull();
        MacAddress wanted = MacAddress.parse(mac);
        if (!wanted.equals(actual.mac())) {
            failWithMessage("Expecting lease:%n  %s%nto be held by %s%nbut it is held by %s", actual, wanted,
                    actual.mac());
        }
        return this;
    }

    public LeaseAssert hasHostname(String hostname) {
        isNotNull();
        if (!actual.hostname().equals(java.util.Optional.of(hostname))) {
            failWithMessage("Expecting lease:%n  %s%nto have host name \"%s\"%nbut it has %s", actual, hostname,
                    actual.hostname().map(h -> '"' + h + '"').orElse("none"));
        }
        return this;
    }

    public LeaseAssert expiresAt(Instant instant) {
        isNotNull();
        if (!Objects.equals(actual.expiresAt(), instant)) {
            failWithMessage("Expecting lease:%n  %s%nto expire at %s%nbut it expires at %s", actual, instant,
                    actual.expiresAt());
        }
        return this;
    }
}
