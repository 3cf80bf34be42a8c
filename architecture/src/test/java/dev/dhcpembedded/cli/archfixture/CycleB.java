package dev.dhcpembedded.cli.archfixture;

import dev.dhcpembedded.codec.archfixture.CycleA;
import dev.dhcpembedded.internal.wire.Ipv4;

/**
 * The other half of a package cycle on purpose, and a class of another artifact that reaches into the core's
 * internal package. Only ArchitectureRulesFailTest reads it.
 */
public final class CycleB {

    private CycleB() {
    }

    public static int next(int n) {
        return CycleA.next(n + 1) + Ipv4.toInt(Ipv4.ANY);
    }
}
