package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import org.junit.jupiter.api.Test;

/** {@code assertThat(Dhcp6Message)}: each check passes on a message that meets it and fails showing why. */
class Dhcp6MessageAssert_has_Test {

    static final Dhcp6Message REPLY = Dhcp6Message.builder(Dhcp6MessageType.REPLY).transactionId(0x2a)
            .option(Dhcp6Option.serverId(Wire6.SERVER)).option(Dhcp6Option.clientId(Wire6.ALICE))
            .option(Dhcp6Option.iaNa(IaNa.of(1, 1800, 2880, Dhcp6Option.iaAddress(IaAddress.of(
                    Ipv6.parse("2001:db8:1::100"), 3600, 7200)))))
            .option(Dhcp6Option.iaPd(IaPd.of(2, 1800, 2880, Dhcp6Option.statusCode(StatusCode.NO_PREFIX_AVAIL,
                    "none left")))).build();

    static final String SHOWN = "REPLY xid=0x00002a [SERVERID(2) DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:01, "
            + "CLIENTID(1) DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a, IA_NA(3) iaid=1 T1=1800s T2=2880s "
            + "[IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s], IA_PD(25) iaid=2 T1=1800s T2=2880s "
            + "[STATUS_CODE(13) NoPrefixAvail \"none left\"]]";

    @Test
    void passes_on_what_the_message_carries() {
        assertThat(REPLY).isA(Dhcp6MessageType.REPLY).hasTransactionId(0x2a).hasServerId(Wire6.SERVER)
                .hasClientId(Wire6.ALICE).hasIaNa(1).hasIaPd(2).hasIaNaAddress("2001:db8:1:0::100")
                .hasIaNaAddress("2001:db8:1::100", 3600, 7200).hasT1T2(1800, 2880)
                .hasIaStatusCode(StatusCode.NO_PREFIX_AVAIL).hasOption(Dhcp6OptionCode.IA_PD)
                .doesNotHaveOption(Dhcp6OptionCode.RAPID_COMMIT);
        Dhcp6Message advertise = Dhcp6Message.builder(Dhcp6MessageType.ADVERTISE).transactionId(1)
                .option(Dhcp6Option.statusCode(StatusCode.NO_ADDRS_AVAIL, "")).option(Dhcp6Option.rapidCommit())
                .option(Dhcp6Option.iaPd(IaPd.of(2, 0xFFFFFFFFL, 0xFFFFFFFFL, Dhcp6Option.iaPrefix(IaPrefix.of(
                        Ipv6.parse("2001:db8:100::"), 56, 0xFFFFFFFFL, 0xFFFFFFFFL))))).build();
        assertThat(advertise).hasStatusCode(StatusCode.NO_ADDRS_AVAIL).hasRapidCommit()
                .hasIaPdPrefix("2001:db8:100::/56").hasIaPdPrefix("2001:db8:100::/56", 0xFFFFFFFFL, 0xFFFFFFFFL)
                .hasT1T2(0xFFFFFFFFL, 0xFFFFFFFFL);
    }

    @Test
    void a_relayed_message_is_judged_by_the_message_inside() {
        Dhcp6Message relay = Dhcp6Message.builder(Dhcp6MessageType.RELAY_REPL).hopCount(0)
                .linkAddress(Ipv6.parse("2001:db8:1::1")).peerAddress(Ipv6.parse("fe80::a"))
                .option(Dhcp6Option.relayMessage(REPLY)).build();
        assertThat(relay).isA(Dhcp6MessageType.REPLY).hasIaNaAddress("2001:db8:1::100");
    }

    @Test
    void fails_on_the_type() {
        assertThatThrownBy(() -> assertThat(REPLY).isA(Dhcp6MessageType.ADVERTISE))
                .hasMessage("Expecting message:\n  " + SHOWN + "\nto be an ADVERTISE\n"
                        + "  field         expected   observed\n"
                        + "  message type  ADVERTISE  REPLY  <<< differs");
    }

    @Test
    void fails_on_lifetimes_naming_the_address_and_both_lifetimes() {
        assertThatThrownBy(() -> assertThat(REPLY).hasIaNaAddress("2001:db8:1::100", 600, 1200))
                .hasMessage("Expecting message:\n  " + SHOWN
                        + "\nto be with IAADDR(5) 2001:db8:1::100 preferred=600s valid=1200s\n"
                        + "  field          expected                                              observed\n"
                        + "  IA_NA address  IAADDR(5) 2001:db8:1::100 preferred=600s valid=1200s  "
                        + "IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s  <<< differs");
    }

    @Test
    void fails_on_the_prefix_the_status_and_the_timers() {
        assertThatThrownBy(() -> assertThat(REPLY).hasIaPdPrefix("2001:db8:100::/56"))
                .hasMessageEndingWith("  IA_PD prefix  2001:db8:100::/56  (none)  <<< differs");
        assertThatThrownBy(() -> assertThat(REPLY).hasStatusCode(StatusCode.NO_PREFIX_AVAIL))
                .hasMessageEndingWith("  STATUS_CODE(13)  NoPrefixAvail  (absent)  <<< differs");
        assertThatThrownBy(() -> assertThat(REPLY).hasIaStatusCode(StatusCode.NO_BINDING))
                .hasMessageEndingWith("  IA status code  NoBinding  IA_PD iaid=2: NoPrefixAvail \"none left\""
                        + "  <<< differs");
        assertThatThrownBy(() -> assertThat(REPLY).hasT1T2(900, 1440))
                .hasMessageEndingWith("  IA T1/T2  every IA T1=900s T2=1440s  IA_NA(3) iaid=1 T1=1800s T2=2880s, "
                        + "IA_PD(25) iaid=2 T1=1800s T2=2880s  <<< differs");
    }

    @Test
    void fails_on_the_ids_and_options() {
        assertThatThrownBy(() -> assertThat(REPLY).hasServerId(Wire6.ALICE))
                .hasMessageEndingWith("  SERVERID(2)  DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a  "
                        + "DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:01  <<< differs");
        assertThatThrownBy(() -> assertThat(REPLY).hasClientId(Wire6.BOB))
                .hasMessageContaining("to be with client id DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0b");
        assertThatThrownBy(() -> assertThat(REPLY).doesNotHaveOption(Dhcp6OptionCode.IA_NA))
                .hasMessageEndingWith("  IA_NA(3)  (absent)  iaid=1 T1=1800s T2=2880s "
                        + "[IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s]  <<< differs");
        assertThatThrownBy(() -> assertThat(REPLY).hasRapidCommit())
                .hasMessageEndingWith("  RAPID_COMMIT(14)  present   (absent)  <<< differs");
        assertThatThrownBy(() -> assertThat(REPLY).hasTransactionId(0x2b))
                .hasMessageEndingWith("  transaction id  0x00002b  0x00002a  <<< differs");
        assertThatThrownBy(() -> assertThat((Dhcp6Message) null).isA(Dhcp6MessageType.REPLY))
                .isInstanceOf(AssertionError.class);
    }
}
