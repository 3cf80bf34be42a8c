package dev.dhcpembedded.codec;

import static dev.dhcpembedded.codec.ClasslessRoute.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.dhcpembedded.internal.wire.Hex;

/** Each golden vector decodes to the message its test builds, and that message encodes to the vector's bytes. */
class GoldenVectorsTest {

    private static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:42");

    static DhcpMessageBuilder client() {
        return DhcpMessage.builder().xid(0x3903f326).chaddr(MAC);
    }

    static DhcpMessageBuilder server() {
        return DhcpMessage.builder().op(DhcpMessage.BOOTREPLY).xid(0x3903f326).chaddr(MAC)
                .yiaddr("10.20.0.100").siaddr("10.20.0.1");
    }

    static DhcpMessage discoverMessage() {
        return client().broadcast(true)
                .messageType(MessageType.DISCOVER)
                .option(DhcpOptions.clientIdentifier(MAC))
                .option(DhcpOptions.parameterRequestList(1, 3, 6, 121))
                .option(DhcpOptions.hostname("thermostat"))
                .option(DhcpOptions.maximumMessageSize(1500))
                .build();
    }

    static DhcpMessage ackMessage() {
        return server()
                .messageType(MessageType.ACK)
                .option(DhcpOptions.serverIdentifier("10.20.0.1"))
                .option(DhcpOptions.leaseTime(Duration.ofSeconds(600)))
                .option(DhcpOptions.renewalTime(Duration.ofSeconds(300)))
                .option(DhcpOptions.rebindingTime(Duration.ofSeconds(525)))
                .option(DhcpOptions.subnetMask("255.255.255.0"))
                .option(DhcpOptions.router("10.20.0.1"))
                .option(DhcpOptions.domainNameServers("10.20.0.53", "8.8.8.8"))
                .option(DhcpOptions.domainName("lab.test"))
                .option(DhcpOptions.broadcastAddress("10.20.0.255"))
                .option(DhcpOptions.ntpServers("10.20.0.123"))
                .build();
    }

    private static void assertBothWays(DhcpMessage message, byte[] vector) {
        assertThat(Hex.of(DhcpEncoder.encode(message))).as("encode").isEqualTo(Hex.of(vector));
        assertThat(DhcpDecoder.decode(vector)).as("decode").isEqualTo(message);
    }

    @Test
    void discover() {
        DhcpMessage m = discoverMessage();
        assertBothWays(m, GoldenVectors.DISCOVER);
        DhcpMessage decoded = DhcpDecoder.decode(GoldenVectors.DISCOVER);
        assertThat(decoded.is(MessageType.DISCOVER)).isTrue();
        assertThat(decoded.isBroadcast()).isTrue();
        assertThat(decoded.clientMac()).isEqualTo(MAC);
        assertThat(decoded.hostname()).contains("thermostat");
        assertThat(decoded.parameterRequestList()).containsExactly(OptionCode.SUBNET_MASK, OptionCode.ROUTER,
                OptionCode.DOMAIN_NAME_SERVER, OptionCode.CLASSLESS_STATIC_ROUTE);
        assertThat(decoded.maximumMessageSize()).hasValue(1500);
        assertThat(decoded.clientIdentifier()).hasValueSatisfying(id -> assertThat(Hex.of(id))
                .isEqualTo("01020000000042"));
    }

    @Test
    void ackWithElevenOptions() {
        assertBothWays(ackMessage(), GoldenVectors.ACK);
        DhcpMessage decoded = DhcpDecoder.decode(GoldenVectors.ACK);
        assertThat(decoded.options()).hasSize(11);
        assertThat(decoded.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
        assertThat(decoded.serverIdentifier().map(a -> a.getHostAddress())).contains("10.20.0.1");
        assertThat(decoded.leaseTime()).contains(Duration.ofMinutes(10));
        assertThat(decoded.renewalTime()).contains(Duration.ofSeconds(300));
        assertThat(decoded.rebindingTime()).contains(Duration.ofSeconds(525));
        assertThat(decoded.domainNameServers()).extracting(a -> a.getHostAddress())
                .containsExactly("10.20.0.53", "8.8.8.8");
        assertThat(decoded.domainName()).contains("lab.test");
    }

    @Test
    void domainSearchWithCompression() {
        DhcpMessage m = server().messageType(MessageType.ACK)
                .option(DhcpOptions.domainSearch("eng.example.com", "example.com", "lab.example.com")).build();
        assertBothWays(m, GoldenVectors.DOMAIN_SEARCH);
        assertThat(DhcpDecoder.decode(GoldenVectors.DOMAIN_SEARCH).domainSearch())
                .containsExactly("eng.example.com", "example.com", "lab.example.com");
    }

    @Test
    void classlessStaticRoutes() {
        DhcpMessage m = server().messageType(MessageType.ACK)
                .option(DhcpOptions.classlessStaticRoutes(route("10.30.0.0/16", "10.20.0.254"),
                        route("0.0.0.0/0", "10.20.0.1")))
                .build();
        assertBothWays(m, GoldenVectors.CLASSLESS_ROUTES);
        List<ClasslessRoute> routes = DhcpDecoder.decode(GoldenVectors.CLASSLESS_ROUTES).classlessStaticRoutes();
        assertThat(routes).extracting(ClasslessRoute::destination).containsExactly("10.30.0.0/16", "0.0.0.0/0");
        assertThat(routes).extracting(ClasslessRoute::router).containsExactly("10.20.0.254", "10.20.0.1");
    }

    @Test
    void clientFqdn() {
        DhcpMessage m = client().messageType(MessageType.REQUEST)
                .option(DhcpOptions.clientFqdn(ClientFqdn.of(ClientFqdn.FLAG_S, "host.lab.test."))).build();
        assertBothWays(m, GoldenVectors.CLIENT_FQDN);
        ClientFqdn fqdn = DhcpDecoder.decode(GoldenVectors.CLIENT_FQDN).clientFqdn().orElseThrow();
        assertThat(fqdn.name()).isEqualTo("host.lab.test.");
        assertThat(fqdn.serverUpdates()).isTrue();
        assertThat(fqdn.canonicalEncoding()).isTrue();
    }

    @Test
    void relayAgentInformationGoesLast() {
        DhcpOption relay = DhcpOptions.relayAgentInformation(SubOption.of(SubOption.AGENT_CIRCUIT_ID, "eth0"),
                SubOption.of(SubOption.AGENT_REMOTE_ID, MAC.bytes()));
        DhcpMessage relayFirst = client().hops(1).giaddr("10.20.0.1").messageType(MessageType.DISCOVER)
                .option(relay).option(DhcpOptions.hostname("host")).build();
        DhcpMessage wireOrder = client().hops(1).giaddr("10.20.0.1").messageType(MessageType.DISCOVER)
                .option(DhcpOptions.hostname("host")).option(relay).build();
        assertThat(Hex.of(DhcpEncoder.encode(relayFirst))).isEqualTo(Hex.of(GoldenVectors.RELAY_AGENT));
        assertBothWays(wireOrder, GoldenVectors.RELAY_AGENT);
        assertThat(DhcpDecoder.decode(GoldenVectors.RELAY_AGENT).relayAgentInformation())
                .containsExactly(SubOption.of(1, "eth0"), SubOption.of(2, MAC.bytes()));
    }

    @Test
    void longOptionIsSplitAndReassembled() {
        byte[] value = new byte[300];
        Arrays.fill(value, (byte) 0x5a);
        DhcpMessage m = server().messageType(MessageType.ACK).option(DhcpOption.of(224, value)).build();
        assertBothWays(m, GoldenVectors.LONG_OPTION);
        assertThat(DhcpDecoder.decode(GoldenVectors.LONG_OPTION).option(224).orElseThrow().length()).isEqualTo(300);
    }

    @Test
    void overloadedMessage() {
        DhcpMessage m = server().messageType(MessageType.ACK)
                .option(DhcpOptions.vendorClassIdentifier(GoldenVectors.VENDOR_CLASS_51))
                .option(DhcpOptions.domainName("lab.test"))
                .build();
        byte[] encoded = DhcpEncoder.encode(m, 300);
        assertThat(encoded).hasSize(300);
        assertThat(Hex.of(encoded)).isEqualTo(Hex.of(GoldenVectors.OVERLOADED));
        assertThat(DhcpDecoder.decode(GoldenVectors.OVERLOADED)).isEqualTo(m);
        DhcpDecoder.Decoded wire = DhcpDecoder.decodeWire(GoldenVectors.OVERLOADED, 0, 300);
        assertThat(wire.wireOptions()).extracting(o -> o.code().code()).containsExactly(52, 53, 60, 15);
        assertThat(wire.message().file()).isEmpty();
        assertThat(wire.message().vendorClassIdentifier()).contains(GoldenVectors.VENDOR_CLASS_51);
        // Without a limit the same message needs no overload.
        assertThat(DhcpEncoder.encode(m)[DhcpDecoder.OPTIONS_OFFSET]).isEqualTo((byte) 53);
        assertThat(new String(encoded, DhcpDecoder.FILE_OFFSET + 2, 8, StandardCharsets.ISO_8859_1))
                .isEqualTo("lab.test");
    }
}
