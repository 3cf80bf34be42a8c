package dev.dhcpembedded.internal.engine;


import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.dhcpembedded.lease.Lease;

/** A lease engine on a test clock, with two subnets, a static lease and message helpers. No socket. */
final class EngineFixture {

    static final String SERVER_ID = "10.20.0.1";
    static final String STATIC_MAC = "02:00:00:00:00:42";
    static final String STATIC_IP = "10.20.0.42";
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration HOLD = Duration.ofSeconds(30);
    static final Duration PROBATION = Duration.ofMinutes(5);

    final TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    final LeaseEngine engine;
    private int xid = 0x1000;

    EngineFixture() {
        this(false, 10);
    }

    EngineFixture(boolean authoritative, int poolSize) {
        engine = new LeaseEngine(config(authoritative, poolSize), clock);
    }

    static ServerConfig config(boolean authoritative, int poolSize) {
        SubnetConfig lan = new SubnetConfig(Cidr.parse("10.20.0.0/24"),
                List.of(AddressRange.parse("10.20.0.100", Ipv4.toString(Ipv4.parseInt("10.20.0.100") + poolSize - 1))),
                Set.of(), LEASE, LEASE.dividedBy(2), LEASE.multipliedBy(7).dividedBy(8),
                List.of(DhcpOptions.router("10.20.0.1"), DhcpOptions.domainNameServers("10.20.0.53"),
                        DhcpOptions.domainName("lab.test"), DhcpOptions.ntpServers("10.20.0.123")),
                List.of());
        SubnetConfig remote = new SubnetConfig(Cidr.parse("10.30.0.0/24"),
                List.of(AddressRange.parse("10.30.0.100", "10.30.0.199")), Set.of(), Duration.ofHours(1),
                Duration.ofMinutes(30), Duration.ofMinutes(52).plusSeconds(30),
                List.of(DhcpOptions.router("10.30.0.1")), List.of());
        StaticLease host = new StaticLease(ClientKey.ofMac(MacAddress.parse(STATIC_MAC)), Ipv4.parseInt(STATIC_IP),
                Optional.of("thermostat"), List.of());
        return new ServerConfig(Ipv4.parseInt(SERVER_ID), authoritative, HOLD, PROBATION, List.of(lan, remote),
                List.of(host), List.of());
    }

    static String mac(int n) {
        return String.format("02:00:00:00:01:%02x", n);
    }

    DhcpMessageBuilder base(String mac, MessageType type) {
        return DhcpMessage.builder().xid(++xid).chaddr(mac).messageType(type);
    }

    DhcpMessage discover(String mac, DhcpOption... extra) {
        DhcpMessageBuilder b = base(mac, MessageType.DISCOVER);
        for (DhcpOption o : extra) {
            b.option(o);
        }
        return b.build();
    }

    DhcpMessage selecting(String mac, String address, String serverId) {
        return base(mac, MessageType.REQUEST).option(DhcpOptions.requestedIpAddress(address))
                .option(DhcpOptions.serverIdentifier(serverId)).build();
    }

    DhcpMessage initReboot(String mac, String address) {
        return base(mac, MessageType.REQUEST).option(DhcpOptions.requestedIpAddress(address)).build();
    }

    DhcpMessage extending(String mac, String ciaddr) {
        return base(mac, MessageType.REQUEST).ciaddr(ciaddr).build();
    }

    DhcpMessage release(String mac, String ciaddr) {
        return base(mac, MessageType.RELEASE).ciaddr(ciaddr).option(DhcpOptions.serverIdentifier(SERVER_ID)).build();
    }

    DhcpMessage decline(String mac, String address) {
        return base(mac, MessageType.DECLINE).option(DhcpOptions.requestedIpAddress(address))
                .option(DhcpOptions.serverIdentifier(SERVER_ID)).build();
    }

    Decision handle(DhcpMessage message) {
        return engine.handle(message, Arrival.UNKNOWN);
    }

    Decision handle(DhcpMessage message, boolean broadcast) {
        return engine.handle(message, new Arrival(0, broadcast));
    }

    /** DISCOVER, then REQUEST the offered address; returns the ACK. */
    DhcpMessage dora(String mac) {
        DhcpMessage offer = handle(discover(mac)).reply().orElseThrow();
        return handle(selecting(mac, Ipv4.toString(Ipv4.toInt(offer.yiaddr())), SERVER_ID)).reply().orElseThrow();
    }

    Optional<Lease> leaseAt(String address) {
        int wanted = Ipv4.parseInt(address);
        return engine.leases().stream().filter(l -> Ipv4.toInt(l.address()) == wanted).findFirst();
    }

    static String yiaddr(Decision decision) {
        return Ipv4.toString(Ipv4.toInt(decision.reply().orElseThrow().yiaddr()));
    }

    static List<Integer> codes(DhcpMessage message) {
        List<Integer> out = new ArrayList<>();
        message.options().forEach(o -> out.add(o.code().code()));
        return out;
    }

    static boolean is(Decision decision, MessageType type) {
        return decision.reply().map(r -> r.is(type)).orElse(false);
    }

    static DhcpOption prl(OptionCode... codes) {
        return DhcpOptions.parameterRequestList(codes);
    }
}
