package dev.dhcpembedded.junit;

import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.engine.AddressText;
import dev.dhcpembedded.internal.config.RaMode;
import dev.dhcpembedded.internal.engine.Cidr;
import dev.dhcpembedded.internal.config.StaticLease6Text;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.SubnetBuilder;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Turns a {@link DhcpServerTest} into a started server, checking every attribute first. */
final class AnnotationRecipe implements ServerRecipe {

    private final DhcpServerTest config;
    private final Class<?> declaredOn;

    AnnotationRecipe(DhcpServerTest config, Class<?> declaredOn) {
        this.config = config;
        this.declaredOn = declaredOn;
    }

    @Override
    public String origin() {
        return "@DhcpServerTest on " + declaredOn.getName();
    }

    @Override
    public Started start() {
        validate();
        Optional<TestClock> clock = clock();
        DhcpServerBuilder builder = builder();
        clock.ifPresent(builder::clock);
        DhcpServer server = builder.start();
        return new Started(server, clock);
    }

    /** Checks the attributes and builds (without starting) once: misuse fails before any test runs. */
    void validate() {
        clock();
        DhcpServerBuilder builder = builder();
        try {
            builder.build();
        } catch (IllegalArgumentException e) {
            throw misuse(e.getMessage());
        }
    }

    private DhcpServerBuilder builder() {
        DhcpServerBuilder builder = DhcpServer.builder();
        attribute("subnet", config.subnet(), () -> Cidr.parse(config.subnet()));
        if (config.leaseSeconds() <= 0 || config.leaseSeconds() > 0xFFFFFFFFL) {
            throw misuse("leaseSeconds = " + config.leaseSeconds() + " must be between 1 and 4294967295");
        }
        if (!config.router().isEmpty()) {
            attribute("router", config.router(), () -> Ipv4.parseInt(config.router()));
        }
        for (String pool : config.pool()) {
            attribute("pool", pool, () -> AddressText.range(pool));
        }
        attribute("subnet", config.subnet(), () -> builder.subnet(config.subnet(), s -> {
            // no pool: the server's default one, every host but the router and the server identifier
            for (String pool : config.pool()) {
                s.pool(pool);
            }
            for (String excluded : config.exclude()) {
                attribute("exclude", excluded, () -> s.exclude(excluded));
            }
            subnetOptions(s);
        }));
        if (!config.secondServer().isEmpty()) {
            AddressText.AddressAndPool second = attribute("secondServer", config.secondServer(),
                    () -> AddressText.secondServer(config.secondServer()));
            builder.secondServer(second.address(), s -> {
                s.pool(second.pool());
                subnetOptions(s);
            });
        }
        for (String entry : config.staticLeases()) {
            AddressText.MacAndAddress lease = attribute("staticLeases", entry, () -> AddressText.staticLease(entry));
            builder.staticLease(lease.mac(), lease.address());
        }
        if (!config.subnet6().isEmpty()) {
            subnet6(builder);
        } else if (config.pool6().length > 0 || !config.prefixDelegation().isEmpty() || config.dns6().length > 0
                || config.rapidCommit6() || config.staticLeases6().length > 0) {
            throw misuse("pool6, prefixDelegation, dns6, staticLeases6 and rapidCommit6 need subnet6 = \"PREFIX\"");
        }
        for (String entry : config.staticLeases6()) {
            attribute("staticLeases6", entry, () -> StaticLease6Text.parse(entry).addTo(builder));
        }
        if (!config.serverId().isEmpty()) {
            attribute("serverId", config.serverId(), () -> builder.serverId(config.serverId()));
        }
        builder.authoritative(config.authoritative());
        builder.rapidCommit(config.rapidCommit());
        builder.bootp(config.bootp());
        if (!config.bindInterface().isEmpty()) {
            builder.bindInterface(config.bindInterface());
        }
        RaMode ra = attribute("ra", config.ra(), () -> RaMode.parse("ra", config.ra()));
        if (ra != RaMode.NONE) {
            if (config.subnet6().isEmpty() || config.bindInterface().isEmpty()) {
                throw misuse("ra = \"" + config.ra() + "\" needs subnet6 = \"PREFIX\" and bindInterface = \"NAME\": "
                        + "there is no Router Advertisement in loopback mode, where the client is told the server's "
                        + "address");
            }
            builder.routerAdvertisements(ra.shape(config.subnet6(), List.of(config.dns6()),
                    config.domain().isEmpty() ? null : config.domain()));
        }
        return builder;
    }

    /** The subnet's options, for the subnet and for the second server alike. */
    private void subnetOptions(SubnetBuilder s) {
        if (!config.router().isEmpty()) {
            s.router(config.router());
        }
        if (config.dns().length > 0) {
            attribute("dns", String.join(",", config.dns()), () -> s.dns(config.dns()));
        }
        if (!config.domain().isEmpty()) {
            attribute("domain", config.domain(), () -> s.domainName(config.domain()));
        }
        s.leaseTime(Duration.ofSeconds(config.leaseSeconds()));
    }

    private void subnet6(DhcpServerBuilder builder) {
        String pd = config.prefixDelegation();
        int slash = pd.lastIndexOf('/');
        if (!pd.isEmpty() && (slash < 0 || pd.indexOf('/') == slash)) {
            throw misuse("prefixDelegation = \"" + pd + "\" must be written PREFIX/LEN/DELEGATED, e.g. "
                    + "\"2001:db8:100::/48/56\"");
        }
        builder.rapidCommit6(config.rapidCommit6());
        attribute("subnet6", config.subnet6(), () -> builder.subnet6(config.subnet6(), s -> {
            if (config.pool6().length == 0) {
                attribute("subnet6", config.subnet6(), s::defaultPool);
            }
            for (String pool : config.pool6()) {
                attribute("pool6", pool, () -> s.pool(pool));
            }
            if (!pd.isEmpty()) {
                attribute("prefixDelegation", pd, () -> s.prefixDelegation(pd.substring(0, slash),
                        Integer.parseInt(pd.substring(slash + 1))));
            }
            if (config.dns6().length > 0) {
                attribute("dns6", String.join(",", config.dns6()), () -> s.dns(config.dns6()));
            }
            if (!config.domain().isEmpty()) {
                attribute("domain", config.domain(), () -> s.domainSearch(config.domain()));
            }
        }));
    }

    private Optional<TestClock> clock() {
        if (!config.testClock()) {
            if (!config.clockStart().isEmpty()) {
                throw misuse("clockStart = \"" + config.clockStart() + "\" needs testClock = true");
            }
            return Optional.empty();
        }
        if (config.clockStart().isEmpty()) {
            return Optional.of(TestClock.startingNow());
        }
        try {
            return Optional.of(TestClock.at(Instant.parse(config.clockStart())));
        } catch (DateTimeParseException e) {
            throw misuse("clockStart = \"" + config.clockStart() + "\" is not an ISO-8601 instant such as "
                    + "2030-01-01T00:00:00Z");
        }
    }

    private <T> T attribute(String name, String value, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ExtensionConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw misuse(name + " = \"" + value + "\": " + e.getMessage());
        }
    }

    private ExtensionConfigurationException misuse(String what) {
        return new ExtensionConfigurationException(origin() + " is misconfigured: " + what);
    }
}
