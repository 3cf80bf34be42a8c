package dev.dhcpembedded.internal.stubaccess;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Duid;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The engine's side of the stub DSL: what the runtime reads from stubs, matchers and responses, which the users'
 * API does not show. The {@code stub} and {@code stub6} packages install their implementations when their response
 * classes are loaded.
 *
 * <p>This package sits below the DSL and names none of its types: each view is generic in them, and the runtime
 * (which may name the DSL's types) fixes the type arguments. So the DSL depends on this package, the runtime on
 * both, and no package depends on one that depends on it.
 */
public final class StubAccess {

    /**
     * What the runtime reads from the DHCPv4 DSL.
     *
     * @param <RESPONSE> {@code Response}
     * @param <MATCHER> {@code RequestMatcher}
     * @param <CONTEXT> {@code StubContext}
     * @param <REPLY> {@code Reply}
     */
    public interface V4<RESPONSE, MATCHER, CONTEXT, REPLY> {

        /** The replies {@code response} makes for {@code request}, in sending order; empty to send nothing. */
        List<REPLY> resolve(RESPONSE response, DhcpMessage request, CONTEXT context);

        /** Whether {@code request} matches everything of {@code matcher} but its occurrence. */
        boolean matches(MATCHER matcher, DhcpMessage request, boolean arrivedByBroadcast);

        /** The occurrence {@code matcher} wants, if any. */
        OptionalInt wantedOccurrence(MATCHER matcher);

        /** The bytes to send for {@code reply}: {@code encoded} with its malformations applied in order. */
        byte[] malform(REPLY reply, byte[] encoded);
    }

    /**
     * What the runtime reads from the DHCPv6 DSL.
     *
     * @param <RESPONSE> {@code Response6}
     * @param <MATCHER> {@code Request6Matcher}
     */
    public interface V6<RESPONSE, MATCHER> {

        /** Whether {@code received} (relay layers included) matches {@code matcher}. */
        boolean matches(MATCHER matcher, Dhcp6Message received);

        /** The responses sent in order: {@code response} alone, or each part of a sequence. */
        List<RESPONSE> steps(RESPONSE response);

        /** Whether the response sends nothing. */
        boolean isSilent(RESPONSE response);

        /** The address the engine is to hand out, if the response chose one. */
        Optional<Inet6Address> chosenAddress(RESPONSE response);

        /** The prefix the engine is to delegate, as {@code PREFIX/LENGTH}, if the response chose one. */
        Optional<String> chosenPrefix(RESPONSE response);

        /** The other servers the reply is sent again as. */
        List<Duid> alsoFrom(RESPONSE response);

        /** How long the reply is held back. */
        Duration delay(RESPONSE response);

        /** Whether the delay runs on the server's clock. */
        boolean delayOnServerClock(RESPONSE response);

        /** The response's edits applied to {@code reply}, inside any relay layers. */
        Dhcp6Message apply(RESPONSE response, Dhcp6Message reply);

        /** The bytes to send: {@code encoded}, cut when the response asks for it. */
        byte[] malform(RESPONSE response, byte[] encoded);

        /** {@code change} applied to the message inside the relay layers of {@code m}, the layers rebuilt. */
        Dhcp6Message mapInnermost(Dhcp6Message m, UnaryOperator<Dhcp6Message> change);
    }

    private static volatile V4<?, ?, ?, ?> v4;
    private static volatile V6<?, ?> v6;

    private StubAccess() {
    }

    /**
     * Called once, by the DHCPv4 DSL's class initialiser.
     *
     * @param access the DSL's implementation
     */
    public static void install(V4<?, ?, ?, ?> access) {
        if (v4 != null) {
            throw new IllegalStateException("StubAccess.install(V4) is for the stub package alone");
        }
        v4 = access;
    }

    /**
     * Called once, by the DHCPv6 DSL's class initialiser.
     *
     * @param access the DSL's implementation
     */
    public static void install(V6<?, ?> access) {
        if (v6 != null) {
            throw new IllegalStateException("StubAccess.install(V6) is for the stub6 package alone");
        }
        v6 = access;
    }

    /**
     * The DHCPv4 view, typed by the caller.
     *
     * @param installer the DSL class whose initialiser installs it ({@code Response.class})
     * @return the view
     */
    @SuppressWarnings("unchecked")
    public static <R, M, C, P> V4<R, M, C, P> v4(Class<?> installer) {
        if (v4 == null) {
            initialise(installer);
        }
        return (V4<R, M, C, P>) v4;
    }

    /**
     * The DHCPv6 view, typed by the caller.
     *
     * @param installer the DSL class whose initialiser installs it ({@code Response6.class})
     * @return the view
     */
    @SuppressWarnings("unchecked")
    public static <R, M> V6<R, M> v6(Class<?> installer) {
        if (v6 == null) {
            initialise(installer);
        }
        return (V6<R, M>) v6;
    }

    private static void initialise(Class<?> installer) {
        try {
            Class.forName(installer.getName(), true, installer.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
