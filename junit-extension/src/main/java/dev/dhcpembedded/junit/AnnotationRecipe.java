package dev.dhcpembedded.junit;

import dev.dhcpembedded.config.ConfigKey;
import dev.dhcpembedded.config.Syntax;
import dev.dhcpembedded.config.TextConfiguration;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.TestClock;
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
        try {
            return configuration(config).applyTo(DhcpServer.builder());
        } catch (IllegalArgumentException e) {
            throw misuse(e.getMessage());
        }
    }

    /**
     * The annotation's attributes as the server's text configuration: each attribute is the key of
     * {@link ConfigKey} with that attribute; empty ones give nothing. {@code leaseSeconds} at its default, 3600,
     * gives nothing either, so that DHCPv6 keeps its own default lifetimes.
     */
    static TextConfiguration configuration(DhcpServerTest config) {
        TextConfiguration text = TextConfiguration.of(Syntax.ANNOTATION)
                .set(ConfigKey.INTERFACE, config.bindInterface())
                .set(ConfigKey.SUBNET, config.subnet())
                .set(ConfigKey.POOL, List.of(config.pool()))
                .set(ConfigKey.EXCLUDE, List.of(config.exclude()))
                .set(ConfigKey.STATIC, List.of(config.staticLeases()))
                .set(ConfigKey.SECOND_SERVER, config.secondServer())
                .set(ConfigKey.ROUTER, config.router())
                .set(ConfigKey.DNS, List.of(config.dns()))
                .set(ConfigKey.DOMAIN, config.domain())
                .set(ConfigKey.SERVER_ID, config.serverId())
                .set(ConfigKey.AUTHORITATIVE, config.authoritative())
                .set(ConfigKey.RAPID_COMMIT, config.rapidCommit())
                .set(ConfigKey.BOOTP, config.bootp())
                .set(ConfigKey.TFTP_ROOT, config.tftpRoot())
                .set(ConfigKey.BOOT_FILE, List.of(config.bootFile()))
                .set(ConfigKey.IPXE_SCRIPT, config.ipxeScript())
                .set(ConfigKey.SUBNET6, config.subnet6())
                .set(ConfigKey.POOL6, List.of(config.pool6()))
                .set(ConfigKey.PD, config.prefixDelegation())
                .set(ConfigKey.DNS6, List.of(config.dns6()))
                .set(ConfigKey.STATIC6, List.of(config.staticLeases6()))
                .set(ConfigKey.RAPID_COMMIT6, config.rapidCommit6())
                .set(ConfigKey.RA, config.ra());
        if (config.leaseSeconds() != 3600) { // leaseSeconds' default
            text.set(ConfigKey.LEASE, Long.toString(config.leaseSeconds()));
        }
        return text;
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

    private ExtensionConfigurationException misuse(String what) {
        return new ExtensionConfigurationException(origin() + " is misconfigured: " + what);
    }
}
