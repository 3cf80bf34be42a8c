package dev.dhcpembedded.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.wire.NetbootClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The netboot answer per client kind, architecture and MAC, written into real OFFERs and ACKs by the engine. */
class NetbootDecisionTest {

    static final String TFTP = "10.20.0.5";

    static NetbootConfig boot(Map<String, String> perMac) {
        return boot(perMac, false);
    }

    static NetbootConfig boot(Map<String, String> perMac, boolean waitForProxyDhcp) {
        return new NetbootConfig(Ipv4.parseInt(TFTP), arch -> switch (arch) {
            case 0 -> "undionly.kpxe";
            case 7, 9 -> "ipxe.efi";
            case 16 -> "http-ipxe.efi";
            default -> null;
        }, "http://10.20.0.5:8080/boot.ipxe", "http://10.20.0.5:8080/", perMac, waitForProxyDhcp);
    }

    static DhcpOption vendor(String text) {
        return DhcpOptions.vendorClassIdentifier(text);
    }

    static DhcpOption arch(int type) {
        return DhcpOption.of(93, new byte[] {(byte) (type >> 8), (byte) type});
    }

    static DhcpOption userClass(String text) {
        return DhcpOption.of(77, text.getBytes(StandardCharsets.US_ASCII));
    }

    final EngineFixture f = new EngineFixture();

    /** What the engine tells netboot clients: part of its configuration, as the server sets it at start. */
    void use(NetbootConfig boot) {
        f.engine.updateConfig(c -> c.withNetboot(boot));
    }

    DhcpMessage offer(DhcpOption... options) {
        return f.handle(f.discover(EngineFixture.mac(1), options)).reply().orElseThrow();
    }

    @Nested
    class Kinds {

        @Test
        void biosPxeGetsTheBootFileByTftpWithNextServerAndOptions66And67() {
            use(boot(Map.of()));
            DhcpMessage offer = offer(vendor("PXEClient:Arch:00000:UNDI:002001"), arch(0),
                    DhcpOption.of(94, new byte[] {1, 2, 1}), DhcpOption.of(97, new byte[17]));
            assertThat(offer.is(MessageType.OFFER)).isTrue();
            assertThat(offer.siaddr().getHostAddress()).isEqualTo(TFTP);
            assertThat(offer.file()).isEqualTo("undionly.kpxe");
            assertThat(offer.option(OptionCode.BOOTFILE_NAME).orElseThrow().asString()).isEqualTo("undionly.kpxe");
            assertThat(offer.option(OptionCode.TFTP_SERVER_NAME).orElseThrow().asString()).isEqualTo(TFTP);
            assertThat(offer.hasOption(OptionCode.VENDOR_CLASS_IDENTIFIER)).isFalse();
        }

        @Test
        void uefiPxeByArchitecture93() {
            use(boot(Map.of()));
            assertThat(offer(vendor("PXEClient:Arch:00007:UNDI:003016"), arch(7)).file()).isEqualTo("ipxe.efi");
            assertThat(offer(vendor("PXEClient:Arch:00009:UNDI:003016"), arch(9)).file()).isEqualTo("ipxe.efi");
        }

        @Test
        void architectureFromOption60WhenOption93IsMissing() {
            use(boot(Map.of()));
            assertThat(offer(vendor("PXEClient:Arch:00007:UNDI:003016")).file()).isEqualTo("ipxe.efi");
        }

        @Test
        void ipxeByUserClassGetsTheScriptUrlAndNoNextServer() {
            use(boot(Map.of()));
            DhcpMessage offer = offer(vendor("PXEClient:Arch:00000:UNDI:002001"), arch(0), userClass("iPXE"));
            assertThat(offer.file()).isEqualTo("http://10.20.0.5:8080/boot.ipxe");
            assertThat(offer.siaddr().getHostAddress()).isEqualTo("0.0.0.0");
            assertThat(offer.hasOption(OptionCode.TFTP_SERVER_NAME)).isFalse();
        }

        @Test
        void ipxeByEncapsulatedOptions175() {
            use(boot(Map.of()));
            DhcpMessage offer = offer(arch(7), DhcpOption.of(175, new byte[] {(byte) 0xb1, 1, 1}));
            assertThat(offer.file()).isEqualTo("http://10.20.0.5:8080/boot.ipxe");
        }

        @Test
        void httpBootGetsAUrlAndHttpClientEchoed() {
            use(boot(Map.of()));
            DhcpMessage offer = offer(vendor("HTTPClient:Arch:00016:UNDI:003001"), arch(16));
            assertThat(offer.option(OptionCode.BOOTFILE_NAME).orElseThrow().asString())
                    .isEqualTo("http://10.20.0.5:8080/http-ipxe.efi");
            assertThat(offer.vendorClassIdentifier()).contains("HTTPClient");
        }

        @Test
        void anUnknownArchitectureGetsNoBootFile() {
            use(boot(Map.of()));
            DhcpMessage offer = offer(vendor("PXEClient:Arch:00011:UNDI:003016"), arch(11));
            assertThat(offer.file()).isEmpty();
            assertThat(offer.hasOption(OptionCode.BOOTFILE_NAME)).isFalse();
        }

        @Test
        void anOrdinaryClientGetsNoBootInformation() {
            use(boot(Map.of()));
            DhcpMessage offer = offer(vendor("MSFT 5.0"));
            assertThat(offer.file()).isEmpty();
            assertThat(offer.siaddr().getHostAddress()).isEqualTo("0.0.0.0");
            assertThat(offer.hasOption(OptionCode.BOOTFILE_NAME)).isFalse();
        }

        @Test
        void withoutNetbootConfiguredPxeIsAnsweredAsAnyClient() {
            assertThat(offer(vendor("PXEClient:Arch:00000:UNDI:002001"), arch(0)).file()).isEmpty();
        }
    }

    /** iPXE's encapsulated options (175) with {@code no-pxedhcp} (176) = 1: iPXE waits for no ProxyDHCP offer. */
    @Nested
    class NoProxyDhcpWait {

        static final byte[] NO_PXEDHCP = {(byte) 176, 1, 1};

        @Test
        void iPxeIsToldNotToWaitInTheOfferAndTheAck() {
            use(boot(Map.of()));
            DhcpMessage offer = offer(vendor("PXEClient:Arch:00007:UNDI:003016"), arch(7), userClass("iPXE"));
            assertThat(offer.option(175).orElseThrow().value()).containsExactly(NO_PXEDHCP);
            DhcpMessage request = f.selecting(EngineFixture.mac(1), offer.yiaddr().getHostAddress(),
                    EngineFixture.SERVER_ID).toBuilder().option(userClass("iPXE")).option(arch(7)).build();
            DhcpMessage ack = f.handle(request).reply().orElseThrow();
            assertThat(ack.is(MessageType.ACK)).isTrue();
            assertThat(ack.option(175).orElseThrow().value()).containsExactly(NO_PXEDHCP);
        }

        @Test
        void iPxeKnownByItsOption175AndByAPerMacFileIsToldToo() {
            use(boot(Map.of(EngineFixture.mac(1).toLowerCase(), "special.efi")));
            DhcpMessage offer = offer(arch(7), DhcpOption.of(175, new byte[] {(byte) 0xb1, 1, 1}));
            assertThat(offer.file()).isEqualTo("special.efi");
            assertThat(offer.option(175).orElseThrow().value()).containsExactly(NO_PXEDHCP);
        }

        @Test
        void pxeRomsHttpBootAndOrdinaryClientsAreNot() {
            use(boot(Map.of()));
            assertThat(offer(vendor("PXEClient:Arch:00007:UNDI:003016"), arch(7)).option(175)).isEmpty();
            assertThat(offer(vendor("HTTPClient:Arch:00016:UNDI:003001"), arch(16)).option(175)).isEmpty();
            assertThat(offer(vendor("MSFT 5.0")).option(175)).isEmpty();
        }

        @Test
        void iPxeGivenNoBootFileIsNot() {
            use(new NetbootConfig(Ipv4.parseInt(TFTP), arch -> null, null, null, Map.of(), false));
            assertThat(offer(arch(7), userClass("iPXE")).option(175)).isEmpty();
        }

        @Test
        void notWhenIPxeIsToWaitForProxyDhcp() {
            use(boot(Map.of(), true));
            DhcpMessage offer = offer(vendor("PXEClient:Arch:00007:UNDI:003016"), arch(7), userClass("iPXE"));
            assertThat(offer.file()).isEqualTo("http://10.20.0.5:8080/boot.ipxe");
            assertThat(offer.option(175)).isEmpty();
        }
    }

    @Test
    void perMacOverrideWinsOverArchitectureAndKind() {
        use(boot(Map.of(EngineFixture.mac(1).toLowerCase(), "special.efi")));
        assertThat(offer(vendor("PXEClient:Arch:00007:UNDI:003016"), arch(7), userClass("iPXE")).file())
                .isEqualTo("special.efi");
    }

    @Test
    void theAckCarriesTheBootFileTooAndTheRuleSaysSo() {
        use(boot(Map.of()));
        DhcpMessage offer = offer(vendor("PXEClient:Arch:00007:UNDI:003016"), arch(7));
        DhcpMessage request = f.selecting(EngineFixture.mac(1), offer.yiaddr().getHostAddress(), EngineFixture.SERVER_ID)
                .toBuilder().option(vendor("PXEClient:Arch:00007:UNDI:003016")).option(arch(7)).build();
        Decision ack = f.handle(request);
        assertThat(ack.reply().orElseThrow().file()).isEqualTo("ipxe.efi");
        assertThat(ack.rule()).endsWith("; netboot PXE arch 7: ipxe.efi");
    }

    @Test
    void aBootFileNameTooLongForTheFileFieldGoesInOption67Alone() {
        String longName = "x".repeat(130) + ".efi";
        use(new NetbootConfig(Ipv4.parseInt(TFTP), arch -> longName, null, null, Map.of(), false));
        DhcpMessage offer = offer(vendor("PXEClient:Arch:00007:UNDI:003016"), arch(7));
        assertThat(offer.file()).isEmpty();
        assertThat(offer.option(OptionCode.BOOTFILE_NAME).orElseThrow().asString()).isEqualTo(longName);
    }

    @Test
    void kindAndArchitectureRules() {
        byte[] pxe = "PXEClient:Arch:00007:UNDI:003016".getBytes(StandardCharsets.US_ASCII);
        assertThat(NetbootClient.kind(pxe, null, false)).isEqualTo(NetbootClient.PXE);
        assertThat(NetbootClient.kind("HTTPClient".getBytes(StandardCharsets.US_ASCII), null, false))
                .isEqualTo(NetbootClient.HTTP);
        assertThat(NetbootClient.kind(pxe, new byte[] {4, 'i', 'P', 'X', 'E'}, false)).isEqualTo(NetbootClient.IPXE);
        assertThat(NetbootClient.kind("PXEClien".getBytes(StandardCharsets.US_ASCII), null, false))
                .isEqualTo(NetbootClient.NONE);
        assertThat(NetbootClient.architecture(new byte[] {0, 9, 0, 7}, pxe)).isEqualTo(9);
        assertThat(NetbootClient.architecture(null, pxe)).isEqualTo(7);
        assertThat(NetbootClient.architecture(new byte[] {1}, "PXEClient:Arch:0x".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(-1);
    }
}
