package dev.dhcpembedded.codec.archfixture;

import dev.dhcpembedded.cli.archfixture.CycleB;

/** Half of a package cycle on purpose. Only ArchitectureRulesFailTest reads it. */
public final class CycleA {

    private CycleA() {
    }

    public static int next(int n) {
        return n > 10 ? n : CycleB.next(n + 1);
    }
}
