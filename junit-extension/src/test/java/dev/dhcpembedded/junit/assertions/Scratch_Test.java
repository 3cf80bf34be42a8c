package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.codec.MessageType.*;
import static dev.dhcpembedded.codec.OptionCode.*;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import org.junit.jupiter.api.Test;

class Scratch_Test {
    void show(Runnable r) {
        try { r.run(); System.out.println("PASSED"); } catch (AssertionError e) { System.out.println("=====\n" + e.getMessage() + "\n====="); }
    }
    @Test void scratch() {
        try (Wire w = new Wire()) {
            w.dora(Wire.MAC, 0x2a);
            w.send(Wire.renewing(Wire.MAC, 0x2b, "10.20.0.100").option(dev.dhcpembedded.codec.DhcpOption.serverIdentifier("10.20.0.1")));
            show(() -> assertThat(w.server).received(DISCOVER).from(Wire.MAC).withParameterRequestList(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER, CLASSLESS_STATIC_ROUTE));
            show(() -> assertThat(w.server).received(INFORM));
            show(() -> assertThat(w.server).received(REQUEST).times(1));
            show(() -> assertThat(w.server).client(Wire.MAC).sentInOrder(DISCOVER, REQUEST, RELEASE));
            show(() -> assertThat(w.server).client(Wire.MAC).hasLease("10.20.0.101"));
            show(() -> assertThat(w.server).client(Wire.MAC).renewedByUnicast());
            show(() -> assertThat(w.server).client(Wire.MAC).rebindedByBroadcast());
            show(() -> assertThat(w.server).client(Wire.MAC).wentBackToInitAfterNak());
            show(() -> assertThat(w.server).client(Wire.MAC).conformsToRfc2131());
            show(() -> assertThat(w.server).awaitingAtMost(java.time.Duration.ofMillis(200)).received(DECLINE));
        }
    }
}
