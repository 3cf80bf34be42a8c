package dev.dhcpembedded.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.server.DhcpServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One parser, two syntaxes: the same mistake gets the same message, naming the key as the caller wrote it. */
class TextConfigurationTest {

    private static String failure(Syntax syntax, Object... keysAndValues) {
        TextConfiguration text = TextConfiguration.of(syntax);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] instanceof Boolean on) {
                text.set((ConfigKey) keysAndValues[i], on);
            } else {
                text.set((ConfigKey) keysAndValues[i], (String) keysAndValues[i + 1]);
            }
        }
        try {
            text.applyTo(DhcpServer.builder()).build();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no failure for " + text);
    }

    @Test
    void aBadValueIsNamedInTheCallersSyntax() {
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET, "10.20.0/24"))
                .isEqualTo("--subnet 10.20.0/24: '10.20.0' is not an IPv4 address such as 10.20.0.1");
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET, "10.20.0/24"))
                .isEqualTo("subnet = \"10.20.0/24\": '10.20.0' is not an IPv4 address such as 10.20.0.1");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "STATIC        | 02:00:00:00:00:42            | --static 02:00:00:00:00:42: static lease '02:00:00:00:00:42' is not written MAC=IP",
            "SECOND_SERVER | 10.20.0.2                    | --second-server 10.20.0.2: second server '10.20.0.2' is not written IP=FIRST-LAST",
            "POOL          | 10.20.0.9-10.20.0.1          | --pool 10.20.0.9-10.20.0.1: pool 10.20.0.9-10.20.0.1 ends before it starts",
            "ROUTER        | 10.20.0.300                  | --router 10.20.0.300: '10.20.0.300' has an octet over 255",
            "DNS           | 10.20.0.53,nope              | --dns 10.20.0.53,nope: ",
            "LEASE         | 0                            | --lease 0 must be a whole number of seconds from 1 to 4294967295",
            "LEASE         | 4294967296                   | --lease 4294967296 must be a whole number of seconds",
            "SERVER_ID     | x                            | --server-id x: ",
            "JOURNAL       | 0                            | --journal 0 must be a number of entries, at least 1",
            "JOURNAL_BYTES | 1048575                      | --journal-bytes 1048575 must be a size in bytes, at least 1048576 (1 MiB)",
            "RECEIVE_BUFFER| -1                           | --receive-buffer -1 must be 0 (the kernel's default) or a size in bytes",
            "BIND          | 10.0.0.1:67                  | --bind 10.0.0.1:67 is not a loopback address; use --interface NAME",
            "BIND          | 127.0.0.1                    | --bind 127.0.0.1 must be ADDR:PORT, e.g. 127.0.0.1:0",
    })
    void v4ValuesOnTheCommandLine(ConfigKey key, String value, String message) {
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET, "10.20.0.0/24", key, value)).startsWith(message);
    }

    @Test
    void theSameMistakesInTheAnnotation() {
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.LEASE, "0"))
                .isEqualTo("leaseSeconds = 0 must be a whole number of seconds from 1 to 4294967295");
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.STATIC, "x"))
                .startsWith("staticLeases = \"x\": static lease 'x' is not written MAC=IP");
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.SUBNET6,
                "2001:db8:1::/64", ConfigKey.PD, "2001:db8:100::/48"))
                .isEqualTo("prefixDelegation = \"2001:db8:100::/48\" must be written PREFIX/LEN/DELEGATED, e.g. "
                        + "\"2001:db8:100::/48/56\"");
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.RAPID_COMMIT6, true))
                .isEqualTo("pool6, prefixDelegation, dns6, staticLeases6 and rapidCommit6 need subnet6 = \"PREFIX\"");
    }

    @Test
    void aKeyTheSyntaxLacksIsNamedByItsKey() {
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.EXCLUDE, "10.20.0"))
                .isEqualTo("exclude 10.20.0: '10.20.0' is not an IPv4 address such as 10.20.0.1");
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.EXCLUDE, "10.20.0"))
                .isEqualTo("exclude = \"10.20.0\": '10.20.0' is not an IPv4 address such as 10.20.0.1");
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.JOURNAL, "0"))
                .isEqualTo("journal = 0 must be a number of entries, at least 1");
    }

    @Test
    void dhcp6MistakesOnTheCommandLine() {
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET6, "2001:db8:1::/127"))
                .isEqualTo("--subnet6 2001:db8:1::/127 has no room for clients; use /126 or wider");
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET6, "2001:db8:1::/64", ConfigKey.PD, "nope/56"))
                .isEqualTo("--pd nope/56 must be written PREFIX/LEN/DELEGATED, e.g. 2001:db8:100::/48/56");
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET6, "2001:db8:1::/64", ConfigKey.POOL6,
                "2001:db8:2::1-2001:db8:2::9")).startsWith("--pool6 2001:db8:2::1-2001:db8:2::9: pool ")
                .contains("is outside subnet6 2001:db8:1::/64");
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET6, "2001:db8:1::/64", ConfigKey.STATIC6, "zz=::1"))
                .startsWith("--static6 zz=::1: static lease6 'zz=::1': the DUID is not valid hex");
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET6, "2001:db8:1::/64", ConfigKey.ROUTER, "10.20.0.1"))
                .isEqualTo("--pool, --static, --router, --dns, --server-id, --authoritative and --second-server "
                        + "need --subnet CIDR");
    }

    @Test
    void routerAdvertisementsNeedAnInterfaceAndSubnet6() {
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.RA, "sometimes"))
                .isEqualTo("--ra sometimes must be managed, other, slaac or none");
        assertThat(failure(Syntax.COMMAND_LINE, ConfigKey.SUBNET, "10.20.0.0/24", ConfigKey.RA, "slaac"))
                .isEqualTo("--ra slaac needs --subnet6 PREFIX (the prefix it advertises)");
        assertThat(failure(Syntax.ANNOTATION, ConfigKey.SUBNET6, "2001:db8:1::/64", ConfigKey.RA, "managed"))
                .isEqualTo("ra = \"managed\" needs bindInterface = \"NAME\": there is no Router Advertisement in "
                        + "loopback mode, where the client is told the server's address");
    }

    @Test
    void aSubnetIsRequired() {
        assertThat(failure(Syntax.COMMAND_LINE)).isEqualTo("--subnet CIDR is required (or --subnet6 PREFIX for "
                + "DHCPv6), e.g. --subnet 10.20.0.0/24 or --subnet6 2001:db8:1::/64");
        assertThat(failure(Syntax.ANNOTATION)).isEqualTo("subnet = \"CIDR\" is required (or subnet6 = \"PREFIX\" "
                + "for DHCPv6), e.g. subnet = \"10.20.0.0/24\" or subnet6 = \"2001:db8:1::/64\"");
    }

    @Test
    void aKeyOfOneValueIsGivenOnce() {
        assertThatThrownBy(() -> TextConfiguration.of(Syntax.COMMAND_LINE).set(ConfigKey.SUBNET, "10.20.0.0/24")
                .set(ConfigKey.SUBNET, "10.30.0.0/24")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--subnet is given twice (10.20.0.0/24 and 10.30.0.0/24); give it once");
        assertThatThrownBy(() -> TextConfiguration.of(Syntax.ANNOTATION).set(ConfigKey.AUTHORITATIVE, "yes"))
                .hasMessage("authoritative is on or off: true or false, not yes");
    }

    @Test
    void emptyValuesGiveNothingAndListsSplitAtCommas() {
        TextConfiguration text = TextConfiguration.of(Syntax.ANNOTATION).set(ConfigKey.ROUTER, "")
                .set(ConfigKey.DNS, List.of("10.20.0.53, 10.20.0.54", "10.20.0.55"))
                .set(ConfigKey.AUTHORITATIVE, false);
        assertThat(text.has(ConfigKey.ROUTER)).isFalse();
        assertThat(text.has(ConfigKey.AUTHORITATIVE)).isFalse();
        assertThat(text.values(ConfigKey.DNS)).containsExactly("10.20.0.53", "10.20.0.54", "10.20.0.55");
        assertThat(text).hasToString("dns = \"10.20.0.53, 10.20.0.54\" dns = \"10.20.0.55\" "
                + "authoritative = false");
    }

    @Test
    void everyKeyAppliesToOneServer() {
        DhcpServer server = TextConfiguration.of(Syntax.COMMAND_LINE)
                .set(ConfigKey.BIND, List.of("127.0.0.1:0", "[::1]:0"))
                .set(ConfigKey.SUBNET, "10.20.0.0/24")
                .set(ConfigKey.POOL, "10.20.0.100-10.20.0.199")
                .set(ConfigKey.EXCLUDE, "10.20.0.150")
                .set(ConfigKey.STATIC, "02:00:00:00:00:42=10.20.0.42")
                .set(ConfigKey.SECOND_SERVER, "10.20.0.2=10.20.0.200-10.20.0.249")
                .set(ConfigKey.ROUTER, "10.20.0.1")
                .set(ConfigKey.DNS, "10.20.0.53,10.20.0.54")
                .set(ConfigKey.DOMAIN, "lab.test")
                .set(ConfigKey.LEASE, "600")
                .set(ConfigKey.SERVER_ID, "10.20.0.1")
                .set(ConfigKey.AUTHORITATIVE, true)
                .set(ConfigKey.RAPID_COMMIT, true)
                .set(ConfigKey.BOOTP, true)
                .set(ConfigKey.SUBNET6, "2001:db8:1::/64")
                .set(ConfigKey.POOL6, "2001:db8:1::100-2001:db8:1::1ff")
                .set(ConfigKey.PD, "2001:db8:100::/48/56")
                .set(ConfigKey.DNS6, "2001:db8:1::53")
                .set(ConfigKey.STATIC6, "00:03:00:01:02:00:00:00:00:42=2001:db8:1::42")
                .set(ConfigKey.RAPID_COMMIT6, true)
                .set(ConfigKey.RA, "none")
                .set(ConfigKey.JOURNAL, "100")
                .set(ConfigKey.JOURNAL_BYTES, "2097152")
                .set(ConfigKey.RECEIVE_BUFFER, "0")
                .applyTo(DhcpServer.builder()).build();
        assertThat(server).isNotNull();
    }

    @Test
    void keysAreFoundByKeyFlagOrAttribute() {
        assertThat(ConfigKey.named("second-server")).contains(ConfigKey.SECOND_SERVER);
        assertThat(ConfigKey.named("--second-server")).contains(ConfigKey.SECOND_SERVER);
        assertThat(ConfigKey.named("secondServer")).contains(ConfigKey.SECOND_SERVER);
        assertThat(ConfigKey.named("testClock")).isEmpty();
    }
}
