package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.LabLink;
import dev.dhcpembedded.lab.RealHosts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two veth pairs into one namespace, the server bound to the first: a client on the second link gets no answer at
 * all and leaves no trace in the journal, while a client on the first link is served at the same time.
 */
class RogueSafetyTest {

    @BeforeEach
    void needsUdhcpc() {
        RealHosts.assumeBinary("udhcpc");
        RealHosts.assumeBinary("tshark");
    }

    @Test
    void aClientOnAnotherInterfaceGetsNoAnswerAndLeavesNoTrace() {
        try (ServedLab s = ServedLab.start(Duration.ofMinutes(10))) {
            LabLink other = s.lab.addLink();
            TsharkCapture otherCapture = TsharkCapture.start(s.lab, other.serverInterface());
            BackgroundProcess stranger = s.lab.start(ClientCommands.udhcpc(other.clientInterface(),
                    s.lab.script(ClientScript.UDHCPC)).oneShot().discover(3, Duration.ofSeconds(1)).build());
            BackgroundProcess served = s.lab.start(UdhcpcTest.udhcpc(s).build());

            s.awaitEvent(served, "bound");
            assertThat(stranger.waitFor(ServedLab.AWAIT)).as("udhcpc -n exits 1 without a lease:\n"
                    + stranger.output()).hasValue(1);
            assertThat(DhcpEvent.all(stranger.output())).anyMatch(e -> e.is("leasefail"))
                    .noneMatch(e -> e.is("bound"));
            assertThat(s.lab.addressesOf(other.clientInterface())).isEmpty();

            assertThat(s.server.journal().entries()).as(s.server.journal().transcript())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.interfaceName()).isEqualTo(s.lab.serverInterface()))
                    .noneMatch(e -> e.clientMac().map(m -> m.toString().equalsIgnoreCase(other.clientMac()))
                            .orElse(false));
            assertThat(s.server.leases()).hasSize(1);

            otherCapture.stop();
            var strangerFrames = TsharkCapture.read(otherCapture.file());
            assertThat(strangerFrames).as("the stranger's DISCOVERs are on its wire")
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(f -> {
                        assertThat(f.isType(1)).as(f.toString()).isTrue();
                        assertThat(f.srcPort()).isEqualTo("68");
                    });
            otherCapture.close();
            s.verifyCapture();
        }
    }
}
