package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.ra.RaConfig;
import dev.dhcpembedded.internal.config.RaMode;
import dev.dhcpembedded.internal.wire.RouterAdvertisement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterAdvertisementBuilderTest {

    private static RaConfig build(java.util.function.Consumer<RouterAdvertisementBuilder> shape) {
        RouterAdvertisementBuilder b = new RouterAdvertisementBuilder();
        shape.accept(b);
        return b.build(List.of(Prefix6.parse("2001:db8:1::/64")));
    }

    @Test
    void loopbackModeFailsFastSayingWhatToChange() {
        assertThatThrownBy(() -> DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s.defaultPool())
                .routerAdvertisements(ra -> ra.managed(true)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("router advertisements need interface mode: call bindInterface(NAME)");
    }

    @Test
    void aServerWithoutThemSaysHowToGetThem() {
        try (DhcpServer server = DhcpServer.builder().subnet6("2001:db8:1::/64", s -> s.defaultPool()).start()) {
            assertThatThrownBy(server::routerAdvertisements).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(".routerAdvertisements(ra -> ...)");
        }
    }

    @Test
    void defaultsAdvertiseTheSubnet6PrefixOnLinkWithoutSlaac() {
        RouterAdvertisement ra = build(r -> r.managed(true)).message(null);
        assertThat(ra.managed()).isTrue();
        assertThat(ra.otherConfig()).isFalse();
        assertThat(ra.routerLifetime()).isEqualTo(1800);
        assertThat(ra.curHopLimit()).isEqualTo(64);
        assertThat(ra.prefixes()).singleElement().satisfies(p -> {
            assertThat(Ipv6.format(p.prefix())).isEqualTo("2001:db8:1::");
            assertThat(p.onLink()).isTrue();
            assertThat(p.autonomous()).isFalse();
            assertThat(p.validLifetime()).isEqualTo(Duration.ofDays(30).toSeconds());
        });
        assertThat(ra.rdnss()).isNull();
        assertThat(ra.dnssl()).isNull();
    }

    @Test
    void everyFieldIsConfigurable() {
        RaConfig config = build(r -> r.otherConfig(true).prefix("2001:db8:2::/64")
                .prefixLifetimes(Duration.ofHours(2), Duration.ofHours(1)).prefix("2001:db8:3::/64", false)
                .rdnss("2001:db8:1::53", "2001:db8:1::54").dnssl("lab.test", "example.org")
                .dnsLifetime(Duration.ofMinutes(20)).routerLifetime(Duration.ZERO)
                .interval(Duration.ofSeconds(3), Duration.ofSeconds(4)).hopLimit(32));
        RouterAdvertisement ra = RouterAdvertisement.decode(config.message(new byte[] {2, 0, 0, 0, 0, 1}).encode());
        assertThat(ra.managed()).isFalse();
        assertThat(ra.otherConfig()).isTrue();
        assertThat(ra.routerLifetime()).isZero();
        assertThat(ra.curHopLimit()).isEqualTo(32);
        assertThat(ra.prefixes()).extracting(RouterAdvertisement.PrefixInformation::toString).containsExactly(
                "2001:db8:2::/64 L A valid 2592000 preferred 604800", "2001:db8:3::/64 L valid 7200 preferred 3600");
        assertThat(ra.rdnss().servers()).extracting(Ipv6::format).containsExactly("2001:db8:1::53", "2001:db8:1::54");
        assertThat(ra.rdnss().lifetime()).isEqualTo(1200);
        assertThat(ra.dnssl().domains()).containsExactly("lab.test", "example.org");
        assertThat(config.minInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badValuesFailAtBuildNamingTheRule() {
        assertThatThrownBy(() -> build(r -> r.routerLifetime(Duration.ofSeconds(10))))
                .hasMessageContaining("AdvDefaultLifetime");
        assertThatThrownBy(() -> build(r -> r.interval(Duration.ofSeconds(1), Duration.ofSeconds(2))))
                .hasMessageContaining("MaxRtrAdvInterval");
        assertThatThrownBy(() -> build(r -> r.prefixLifetimes(Duration.ofHours(1), Duration.ofHours(2))))
                .hasMessageContaining("RFC 4862");
        assertThatThrownBy(() -> build(r -> r.rdnss("10.0.0.1"))).hasMessageContaining("not an IPv6 address");
        assertThatThrownBy(() -> build(r -> r.dnssl("bad..name"))).hasMessageContaining("bad label");
    }

    @Test
    void theCommandLineModesMapToTheFlags() {
        RouterAdvertisement managed = build(RaMode.MANAGED.shape("2001:db8:1::/64", List.of(), null)).message(null);
        assertThat(managed.managed()).isTrue();
        assertThat(managed.otherConfig()).isTrue();
        assertThat(managed.prefixes().get(0).autonomous()).isFalse();
        RouterAdvertisement other = build(RaMode.OTHER.shape("2001:db8:1::/64", List.of("2001:db8:1::53"),
                "lab.test")).message(null);
        assertThat(other.managed()).isFalse();
        assertThat(other.otherConfig()).isTrue();
        assertThat(other.prefixes().get(0).autonomous()).isTrue();
        assertThat(other.dnssl().domains()).containsExactly("lab.test");
        RouterAdvertisement slaac = build(RaMode.SLAAC.shape("2001:db8:1::/64", List.of(), null)).message(null);
        assertThat(slaac.managed() || slaac.otherConfig()).isFalse();
        assertThat(slaac.prefixes().get(0).autonomous()).isTrue();
    }
}
