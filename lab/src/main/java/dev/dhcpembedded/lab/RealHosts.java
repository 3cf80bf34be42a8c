package dev.dhcpembedded.lab;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests that need root, network namespaces or real client binaries. On an ordinary machine
 * such a test is skipped with the reason; when the system property {@code dhcp.requireRealHosts} is
 * {@code true} (set by the build under {@code CI=true}) it fails instead, so CI cannot silently skip.
 */
public final class RealHosts {

    public static final String REQUIRE_PROPERTY = "dhcp.requireRealHosts";

    private RealHosts() {
    }

    /** True when skipping is forbidden ({@code -Ddhcp.requireRealHosts=true}). */
    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false"));
    }

    /** Skips (or, when required, fails) unless network namespaces can be used here. */
    public static void assume() {
        gate(RealHostSupport.missingReason());
    }

    /** Like {@link #assume()}, and also needs the executable {@code name} (e.g. udhcpc, dhclient, dhcpcd, tshark). */
    public static void assumeBinary(String name) {
        assume();
        gate(RealHostSupport.missingBinary(name));
    }

    /** Skips (or, when required, fails) with {@code reason} when it is present. */
    public static void gate(Optional<String> reason) {
        if (reason.isEmpty()) {
            return;
        }
        if (required()) {
            Assertions.fail(reason.get() + " (" + REQUIRE_PROPERTY + "=true, so this test may not be skipped)");
        }
        Assumptions.abort(reason.get());
    }
}
