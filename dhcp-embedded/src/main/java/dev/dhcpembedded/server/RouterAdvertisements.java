package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.ra.RouterAdvertiser;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Router Advertisements a running server sends on its interface ({@link DhcpServer#routerAdvertisements()}).
 * Change them mid-test, e.g. drop M so that the client falls back to INFORMATION-REQUEST:
 *
 * <pre>{@code
 * server.routerAdvertisements().update(ra -> ra.managed(false).otherConfig(true));
 * }</pre>
 */
public final class RouterAdvertisements {

    private final RouterAdvertiser advertiser;

    RouterAdvertisements(RouterAdvertiser advertiser) {
        this.advertiser = advertiser;
    }

    /**
     * Changes what is advertised, starting from what is advertised now, and sends the new advertisement at once
     * (then a few more quickly, as RFC 4861 section 6.2.4 suggests).
     *
     * @param change e.g. {@code ra -> ra.managed(false)}
     * @return this
     * @throws IllegalArgumentException if the result breaks RFC 4861 or RFC 8106; nothing changes then
     */
    public RouterAdvertisements update(Consumer<RouterAdvertisementBuilder> change) {
        advertiser.update(current -> {
            RouterAdvertisementBuilder builder = new RouterAdvertisementBuilder(current);
            change.accept(builder);
            return builder.build(List.of());
        });
        return this;
    }

    /** {@return whether the M flag is advertised now} */
    public boolean managed() {
        return advertiser.config().managed();
    }

    /** {@return whether the O flag is advertised now} */
    public boolean otherConfig() {
        return advertiser.config().otherConfig();
    }

    /** {@return how many advertisements were sent, solicited or not} */
    public int sentCount() {
        return advertiser.sent();
    }

    /** {@return how many valid Router Solicitations were heard (each is answered)} */
    public int solicitationCount() {
        return advertiser.solicitations();
    }

    @Override
    public String toString() {
        return "RouterAdvertisements[" + advertiser.config().message(null) + "]";
    }
}
