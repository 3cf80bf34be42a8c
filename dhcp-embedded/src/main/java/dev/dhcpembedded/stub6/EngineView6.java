package dev.dhcpembedded.stub6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.stubaccess.StubAccess;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What the runtime reads from this package's values, through {@link StubAccess}; installed by {@link Response6}. */
final class EngineView6 implements StubAccess.V6<Response6, Request6Matcher> {

    @Override
    public boolean matches(Request6Matcher matcher, Dhcp6Message received) {
        return matcher.matches(received);
    }

    @Override
    public List<Response6> steps(Response6 response) {
        return response.steps();
    }

    @Override
    public boolean isSilent(Response6 response) {
        return response.isSilent();
    }

    @Override
    public Optional<Inet6Address> chosenAddress(Response6 response) {
        return response.chosenAddress();
    }

    @Override
    public Optional<String> chosenPrefix(Response6 response) {
        return response.chosenPrefix();
    }

    @Override
    public List<Duid> alsoFrom(Response6 response) {
        return response.alsoFrom();
    }

    @Override
    public Duration delay(Response6 response) {
        return response.delayTime();
    }

    @Override
    public boolean delayOnServerClock(Response6 response) {
        return response.delayedOnServerClock();
    }

    @Override
    public Dhcp6Message apply(Response6 response, Dhcp6Message reply) {
        return response.apply(reply);
    }

    @Override
    public byte[] malform(Response6 response, byte[] encoded) {
        return response.malform(encoded);
    }

    @Override
    public Dhcp6Message mapInnermost(Dhcp6Message m, UnaryOperator<Dhcp6Message> change) {
        return Response6.mapInnermost(m, change);
    }
}
