package dev.dhcpembedded.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure command-line building: runs anywhere, no root needed. */
class ClientCommandsTest {

    @TempDir
    Path dir;

    @Test
    void udhcpcForegroundOneShotWithScript() {
        var cmd = ClientCommands.udhcpc("eth0", Path.of("/s.sh")).oneShot().releaseOnExit().hostname("dev")
                .requestStaticRoutes().build();
        assertThat(String.join(" ", cmd)).endsWith("udhcpc -f -i eth0 -s /s.sh -t 3 -T 1 -q -n -R -x hostname:dev -O staticroutes");
    }

    @Test
    void dhclientWritesItsConfigAndLeaseFile() throws IOException {
        var b = ClientCommands.dhclient("eth0", Path.of("/s.sh"), dir).hostname("dev").oneShot();
        var cmd = b.build();
        assertThat(cmd).contains("-d", "-1", "-cf", "-lf", "-pf", "-sf").endsWith("eth0");
        assertThat(Files.readString(b.configFile())).contains("send host-name \"dev\";", "rfc3442-classless-static-routes");
        assertThat(b.leaseFile()).exists();
        b.previousLease("10.0.0.42", "10.0.0.1");
        assertThat(Files.readString(b.leaseFile())).contains("fixed-address 10.0.0.42;");
        assertThat(b.releaseCommand()).contains("-r").doesNotContain("-d");
    }

    @Test
    void dhcpcdForegroundIpv4WithInform() throws IOException {
        var b = ClientCommands.dhcpcd("eth0", Path.of("/s.sh"), dir).inform("10.0.0.42/24").timeout(Duration.ofSeconds(5));
        var cmd = b.build();
        assertThat(cmd).containsSubsequence("-4", "-B", "-f", "-c", "/s.sh", "-t", "5", "-s", "10.0.0.42/24", "eth0");
        assertThat(Files.readString(b.configFile())).contains("clientid", "noarp", "hostname lab-client");
        assertThat(b.releaseCommand()).contains("-k");
        assertThat(b.leaseFile()).isEqualTo(Path.of("/var/lib/dhcpcd/eth0.lease"));
    }

    @Test
    void parsesScriptEventLines() {
        var e = DhcpEvent.parse("DHCP-EVENT event=bound iface=c ip=10.0.0.100 mask=24 router=10.0.0.1 dns=10.0.0.53,10.0.0.54 "
                + "domain=lab.test lease=30 serverid=10.0.0.1 staticroutes=10.30.0.0/16,10.0.0.254 message=").orElseThrow();
        assertThat(e.is("BOUND")).isTrue();
        assertThat(e.isConfigured()).isTrue();
        assertThat(e.dns()).containsExactly("10.0.0.53", "10.0.0.54");
        assertThat(e.staticRoutes()).containsExactly("10.30.0.0/16", "10.0.0.254");
        assertThat(DhcpEvent.parse("udhcpc: started")).isEmpty();
    }

    @Test
    void dhcpcdAsksForTheReportedOptionsAndItsDefaultsCanBeTurnedOff() throws IOException {
        var b = ClientCommands.dhcpcd("eth0", Path.of("/s.sh"), dir);
        b.build();
        assertThat(Files.readString(b.configFile())).contains("require dhcp_server_identifier",
                "interface_mtu", "host_name", "domain_search", "wpad_url", "vendor_encapsulated_options");

        b.requireServerIdentifier(false).build();
        assertThat(Files.readString(b.configFile())).doesNotContain("require").contains("clientid", "noarp");

        b.noDefaultConf().conf("clientid").conf("option interface_mtu").build();
        assertThat(Files.readString(b.configFile())).isEqualTo("clientid\noption interface_mtu\n");
    }

    @Test
    void dhcpcdRenewsAndRebindsOnCommand() {
        var b = ClientCommands.dhcpcd("eth0", Path.of("/s.sh"), dir);
        assertThat(b.renewCommand()).containsSubsequence("-4", "-N", "-f", b.configFile().toString(), "eth0");
        assertThat(b.rebindCommand()).containsSubsequence("-4", "-n", "-f", b.configFile().toString(), "eth0");
    }

    @Test
    void eventsCarryEveryOtherOptionTyped() {
        var e = DhcpEvent.parse("DHCP-EVENT event=BOUND iface=c ip=10.0.0.100 mask=24 router=10.0.0.1 dns= domain="
                + " lease=30 serverid=10.0.0.1 staticroutes= mtu=1400 hostname=thermostat search=lab.test,corp.test"
                + " wpad=http://wpad.lab.test/wpad.dat vendor=0104c0a80001 new_ntp_servers=10.0.0.123")
                .orElseThrow();
        assertThat(e.mtu()).hasValue(1400);
        assertThat(e.hostname()).contains("thermostat");
        assertThat(e.domainSearch()).containsExactly("lab.test", "corp.test");
        assertThat(e.wpadUrl()).contains("http://wpad.lab.test/wpad.dat");
        assertThat(e.vendorSpecific()).contains("0104c0a80001");
        assertThat(e.option("new_ntp_servers")).contains("10.0.0.123");
        assertThat(e.options()).doesNotContainKeys("event", "ip", "dns", "domain");
        assertThat(DhcpEvent.parse("DHCP-EVENT event=BOUND mtu=").orElseThrow().mtu()).isEmpty();
    }

    @Test
    void dhclient6AsksForAnAddressAndOnRequestAPrefix() throws IOException {
        var b = ClientCommands.dhclient6("eth0", Path.of("/s6.sh"), dir).oneShot();
        assertThat(b.build()).containsSubsequence("-6", "-d", "-1", "-N", "-cf", "-sf", "/s6.sh", "eth0")
                .doesNotContain("-P");
        assertThat(b.asksForPrefix()).isFalse();
        assertThat(b.prefixDelegation().build()).containsSubsequence("-N", "-P");
        assertThat(b.asksForPrefix()).isTrue();
        assertThat(Files.readString(b.configFile())).contains("dhcp6.name-servers", "dhcp6.domain-search");
        assertThat(b.leaseFile()).exists();
        assertThat(b.releaseCommand()).containsSubsequence("-6", "-r", "-N", "-P");
    }

    @Test
    void parsesV6ScriptEventLines() {
        var dhclient = Dhcp6Event.parse("DHCP6-EVENT event=BOUND6 iface=eth0 ip6=2001:db8:1::100 plen=128 prefix= "
                + "dns=2001:db8:1::53 search=lab.test. preferred=3600 valid=7200").orElseThrow();
        assertThat(dhclient.isConfigured()).isTrue();
        assertThat(dhclient.hasAddress()).isTrue();
        assertThat(dhclient.hasPrefix()).isFalse();
        assertThat(dhclient.search()).containsExactly("lab.test.");
        var dhcpcd = Dhcp6Event.parse("DHCP6-EVENT event=BOUND6 iface=eth0 ip6=2001:db8:1::101 prefix=2001:db8:100::/56 "
                + "dns=2001:db8:1::53 search=lab.test ra_dns= ra_search=").orElseThrow();
        assertThat(dhcpcd.prefix()).isEqualTo("2001:db8:100::/56");
        assertThat(Dhcp6Event.parse("DHCP6-EVENT event=PREINIT6 iface=eth0 ip6= prefix=").orElseThrow().isConfigured())
                .isFalse();
        assertThat(Dhcp6Event.parse("DHCP-EVENT event=bound iface=eth0 ip=10.0.0.100")).isEmpty();
        assertThat(Dhcp6Event.all("x\nDHCP6-EVENT event=RENEW6 ip6=::1\ny")).singleElement()
                .satisfies(e -> assertThat(e.is("renew6")).isTrue());
    }
}
