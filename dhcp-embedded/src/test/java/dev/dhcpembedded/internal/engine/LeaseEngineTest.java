package dev.dhcpembedded.internal.engine;


import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.internal.engine.EngineFixture.HOLD;
import static dev.dhcpembedded.internal.engine.EngineFixture.LEASE;
import static dev.dhcpembedded.internal.engine.EngineFixture.PROBATION;
import static dev.dhcpembedded.internal.engine.EngineFixture.SERVER_ID;
import static dev.dhcpembedded.internal.engine.EngineFixture.STATIC_IP;
import static dev.dhcpembedded.internal.engine.EngineFixture.STATIC_MAC;
import static dev.dhcpembedded.internal.engine.EngineFixture.codes;
import static dev.dhcpembedded.internal.engine.EngineFixture.is;
import static dev.dhcpembedded.internal.engine.EngineFixture.mac;
import static dev.dhcpembedded.internal.engine.EngineFixture.prl;
import static dev.dhcpembedded.internal.engine.EngineFixture.yiaddr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.codec.SubOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;

/** RFC 2131 §4.3 on the lease engine alone: no socket, a test clock. */
class LeaseEngineTest {

    final EngineFixture f = new EngineFixture();

    @Nested
    class AddressChoice {

        @Test
        void freePoolAddressesInPoolOrder() {
            assertThat(yiaddr(f.handle(f.discover(mac(1))))).isEqualTo("10.20.0.100");
            assertThat(yiaddr(f.handle(f.discover(mac(2))))).isEqualTo("10.20.0.101");
            assertThat(f.handle(f.discover(mac(3))).rule()).isEqualTo("DISCOVER: offer a free pool address");
        }

        @Test
        void staticLeaseComesFirstEvenWhenAnotherAddressIsRequested() {
            Decision d = f.handle(f.discover(STATIC_MAC, DhcpOptions.requestedIpAddress("10.20.0.105")));
            assertThat(yiaddr(d)).isEqualTo(STATIC_IP);
            assertThat(d.rule()).contains("static lease");
            assertThat(d.reply().orElseThrow().hostname()).contains("thermostat");
        }

        @Test
        void staticAddressIsNeverHandedOutDynamically() {
            EngineFixture small = new EngineFixture(false, 1);
            // a static lease inside the pool: add one for 10.20.0.100 at run time
            small.engine.updateConfig(c -> c.withStaticLeases(List.of(new StaticLease(
                    ClientKey.ofMac(MacAddress.parse(mac(9))), Ipv4.parseInt("10.20.0.100"), Optional.empty(),
                    List.of()))));
            Decision d = small.handle(small.discover(mac(1), DhcpOptions.requestedIpAddress("10.20.0.100")));
            assertThat(d.reply()).isEmpty();
            assertThat(d.rule()).contains("pool exhausted");
        }

        @Test
        void currentBindingBeforeRequestedAddress() {
            f.dora(mac(1));
            Decision d = f.handle(f.discover(mac(1), DhcpOptions.requestedIpAddress("10.20.0.107")));
            assertThat(yiaddr(d)).isEqualTo("10.20.0.100");
            assertThat(d.rule()).contains("current binding");
        }

        @Test
        void discoverFromABoundClientKeepsItsBinding() {
            f.dora(mac(1));
            f.clock.advance(Duration.ofMinutes(1));
            f.handle(f.discover(mac(1)));
            Lease lease = f.leaseAt("10.20.0.100").orElseThrow();
            assertThat(lease.state()).isEqualTo(LeaseState.BOUND);
            assertThat(lease.expiresAt()).isEqualTo(f.clock.instant().minus(Duration.ofMinutes(1)).plus(LEASE));
            // still bound after the offer hold time: no other client may take it
            f.clock.advance(HOLD.plusSeconds(1));
            assertThat(yiaddr(f.handle(f.discover(mac(2))))).isEqualTo("10.20.0.101");
            assertThat(f.handle(f.discover(mac(2), DhcpOptions.requestedIpAddress("10.20.0.100"))).reply()
                    .map(r -> Ipv4.toString(Ipv4.toInt(r.yiaddr())))).isNotEqualTo(Optional.of("10.20.0.100"));
        }

        @Test
        void discoverFromABoundClientThenChoosingAnotherServerKeepsTheBinding() {
            f.dora(mac(1));
            f.handle(f.discover(mac(1)));
            Decision d = f.handle(f.selecting(mac(1), "10.20.0.100", "10.20.0.2"));
            assertThat(d.reply()).isEmpty();
            assertThat(f.leaseAt("10.20.0.100")).map(Lease::state).contains(LeaseState.BOUND);
        }

        @Test
        void previousBindingBeforeRequestedAddress() {
            f.dora(mac(1));
            f.clock.advance(LEASE.plusSeconds(1));
            Decision d = f.handle(f.discover(mac(1), DhcpOptions.requestedIpAddress("10.20.0.107")));
            assertThat(yiaddr(d)).isEqualTo("10.20.0.100");
            assertThat(d.rule()).contains("previous address");
        }

        @Test
        void requestedAddressWhenValidAndFree() {
            Decision d = f.handle(f.discover(mac(1), DhcpOptions.requestedIpAddress("10.20.0.107")));
            assertThat(yiaddr(d)).isEqualTo("10.20.0.107");
            assertThat(d.rule()).contains("requested address (50)");
        }

        @Test
        void requestedAddressOutsideThePoolOrTakenIsIgnored() {
            assertThat(yiaddr(f.handle(f.discover(mac(1), DhcpOptions.requestedIpAddress("10.20.0.5")))))
                    .isEqualTo("10.20.0.100");
            assertThat(yiaddr(f.handle(f.discover(mac(2), DhcpOptions.requestedIpAddress("10.20.0.100")))))
                    .isEqualTo("10.20.0.101");
            assertThat(yiaddr(f.handle(f.discover(mac(3), DhcpOptions.requestedIpAddress(STATIC_IP)))))
                    .isEqualTo("10.20.0.102");
            assertThat(yiaddr(f.handle(f.discover(mac(4), DhcpOptions.requestedIpAddress("0.0.0.0")))))
                    .isEqualTo("10.20.0.103");
        }

        @Test
        void exclusionsAndServerIdAreSkipped() {
            SubnetConfig s = new SubnetConfig(Cidr.parse("10.20.0.0/24"),
                    List.of(AddressRange.parse("10.20.0.1", "10.20.0.3")), Set.of(Ipv4.parseInt("10.20.0.2")),
                    LEASE, LEASE.dividedBy(2), LEASE.dividedBy(2), List.of(), List.of());
            LeaseEngine e = new LeaseEngine(new ServerConfig(Ipv4.parseInt(SERVER_ID), false, HOLD, PROBATION,
                    List.of(s), List.of(), List.of()), f.clock);
            assertThat(yiaddr(e.handle(f.discover(mac(1)), Arrival.UNKNOWN))).isEqualTo("10.20.0.3");
            assertThat(e.handle(f.discover(mac(2)), Arrival.UNKNOWN).rule()).contains("pool exhausted");
        }

        @Test
        void offeredAddressIsHeldAndNotGivenTwice() {
            Set<String> offered = new HashSet<>();
            for (int i = 1; i <= 10; i++) {
                offered.add(yiaddr(f.handle(f.discover(mac(i)))));
            }
            assertThat(offered).hasSize(10);
            Decision eleventh = f.handle(f.discover(mac(11)));
            assertThat(eleventh.reply()).isEmpty();
            assertThat(eleventh.rule()).isEqualTo("pool exhausted in 10.20.0.0/24: no OFFER");
            // the same client asking again gets its held offer again
            assertThat(yiaddr(f.handle(f.discover(mac(1))))).isEqualTo("10.20.0.100");
        }

        @Test
        void offerHoldExpires() {
            EngineFixture one = new EngineFixture(false, 1);
            assertThat(yiaddr(one.handle(one.discover(mac(1))))).isEqualTo("10.20.0.100");
            one.clock.advance(HOLD.minusSeconds(1));
            assertThat(one.handle(one.discover(mac(2))).reply()).isEmpty();
            one.clock.advance(Duration.ofSeconds(1));
            assertThat(yiaddr(one.handle(one.discover(mac(2))))).isEqualTo("10.20.0.100");
            // the first client comes back too late: the address is held for the second one now
            Decision late = one.handle(one.selecting(mac(1), "10.20.0.100", SERVER_ID));
            assertThat(is(late, NAK)).isTrue();
            assertThat(late.rule()).contains("held by another client");
        }
    }

    @Nested
    class Selecting {

        @Test
        void ackForTheOfferedAddress() {
            String offered = yiaddr(f.handle(f.discover(mac(1))));
            Decision d = f.handle(f.selecting(mac(1), offered, SERVER_ID));
            assertThat(is(d, ACK)).isTrue();
            DhcpMessage ack = d.reply().orElseThrow();
            assertThat(Ipv4.toString(Ipv4.toInt(ack.yiaddr()))).isEqualTo(offered);
            assertThat(Ipv4.toInt(ack.ciaddr())).isZero();
            assertThat(ack.serverIdentifier().map(Ipv4::toInt)).contains(Ipv4.parseInt(SERVER_ID));
            assertThat(f.leaseAt(offered).orElseThrow().state()).isEqualTo(LeaseState.BOUND);
            assertThat(f.leaseAt(offered).orElseThrow().expiresAt()).isEqualTo(f.clock.instant().plus(LEASE));
        }

        @Test
        void nakForAnAddressNotOffered() {
            f.handle(f.discover(mac(1)));
            Decision d = f.handle(f.selecting(mac(1), "10.20.0.105", SERVER_ID));
            assertThat(is(d, NAK)).isTrue();
            assertThat(Ipv4.toInt(d.reply().orElseThrow().yiaddr())).isZero();
            assertThat(d.reply().orElseThrow().message()).contains("address not offered");
        }

        @Test
        void nakForAnotherClientsOffer() {
            f.handle(f.discover(mac(1)));
            Decision d = f.handle(f.selecting(mac(2), "10.20.0.100", SERVER_ID));
            assertThat(is(d, NAK)).isTrue();
        }

        @Test
        void silenceWhenTheClientChoseAnotherServerAndTheOfferIsFreed() {
            EngineFixture one = new EngineFixture(false, 1);
            one.handle(one.discover(mac(1)));
            Decision d = one.handle(one.selecting(mac(1), "10.20.0.100", "10.20.0.2"));
            assertThat(d.reply()).isEmpty();
            assertThat(d.rule()).contains("chose another server");
            assertThat(one.engine.leases()).isEmpty();
            assertThat(yiaddr(one.handle(one.discover(mac(2))))).isEqualTo("10.20.0.100");
        }
    }

    @Nested
    class InitReboot {

        @Test
        void ackForTheRightAddress() {
            f.dora(mac(1));
            Decision d = f.handle(f.initReboot(mac(1), "10.20.0.100"));
            assertThat(is(d, ACK)).isTrue();
            assertThat(d.rule()).startsWith("REQUEST(INIT-REBOOT)");
        }

        @Test
        void nakForAWrongSubnet() {
            f.dora(mac(1));
            Decision d = f.handle(f.initReboot(mac(1), "192.168.7.7"));
            assertThat(is(d, NAK)).isTrue();
            assertThat(d.rule()).contains("not in 10.20.0.0/24");
        }

        @Test
        void nakForAnotherAddressThanTheClientsBinding() {
            f.dora(mac(1));
            Decision d = f.handle(f.initReboot(mac(1), "10.20.0.105"));
            assertThat(is(d, NAK)).as(d.toString()).isTrue();
            assertThat(f.leaseAt("10.20.0.105")).isEmpty();
        }

        @Test
        void nakForAnAddressHeldByAnotherClient() {
            f.dora(mac(1));
            Decision d = f.handle(f.initReboot(mac(2), "10.20.0.100"));
            assertThat(is(d, NAK)).isTrue();
            assertThat(d.rule()).contains("held by another client");
        }

        @Test
        void unknownClientSilentUnlessAuthoritative() {
            Decision quiet = f.handle(f.initReboot(mac(1), "10.20.0.105"));
            assertThat(quiet.reply()).isEmpty();
            assertThat(quiet.rule()).contains("no record of the client");
            EngineFixture auth = new EngineFixture(true, 10);
            Decision nak = auth.handle(auth.initReboot(mac(1), "10.20.0.105"));
            assertThat(is(nak, NAK)).isTrue();
            assertThat(nak.rule()).contains("authoritative");
        }

        @Test
        void unknownClientWithAnAddressOutsideThePoolsIsSilentUnlessAuthoritative() {
            Decision quiet = f.handle(f.initReboot(mac(1), "10.20.0.7"));
            assertThat(quiet.reply()).as(quiet.toString()).isEmpty();
            EngineFixture auth = new EngineFixture(true, 10);
            assertThat(is(auth.handle(auth.initReboot(mac(1), "10.20.0.7")), NAK)).isTrue();
        }

        @Test
        void staticHostAsksForItsAddress() {
            assertThat(is(f.handle(f.initReboot(STATIC_MAC, STATIC_IP)), ACK)).isTrue();
            assertThat(is(f.handle(f.initReboot(STATIC_MAC, "10.20.0.100")), NAK)).isTrue();
            assertThat(is(f.handle(f.initReboot(mac(1), STATIC_IP)), NAK)).isTrue();
        }
    }

    @Nested
    class RenewingAndRebinding {

        @Test
        void renewExtendsTheLease() {
            f.dora(mac(1));
            f.clock.advance(LEASE.dividedBy(2));
            Decision d = f.handle(f.extending(mac(1), "10.20.0.100"));
            assertThat(is(d, ACK)).isTrue();
            assertThat(d.rule()).startsWith("REQUEST(RENEWING)");
            assertThat(d.reply().orElseThrow().ciaddr().getHostAddress()).isEqualTo("10.20.0.100");
            assertThat(d.reply().orElseThrow().yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().expiresAt()).isEqualTo(f.clock.instant().plus(LEASE));
        }

        @Test
        void rebindByBroadcastOrRelayExtendsTheLease() {
            f.dora(mac(1));
            f.clock.advance(LEASE.multipliedBy(7).dividedBy(8));
            Decision d = f.handle(f.extending(mac(1), "10.20.0.100"), true);
            assertThat(is(d, ACK)).isTrue();
            assertThat(d.rule()).startsWith("REQUEST(REBINDING)");
        }

        @Test
        void expiredButFreeIsAckedAgain() {
            f.dora(mac(1));
            f.clock.advance(LEASE.plusMinutes(5));
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.EXPIRED);
            assertThat(is(f.handle(f.extending(mac(1), "10.20.0.100")), ACK)).isTrue();
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.BOUND);
        }

        @Test
        void expiredAndTakenIsNaked() {
            EngineFixture one = new EngineFixture(false, 1);
            one.dora(mac(1));
            one.clock.advance(LEASE.plusSeconds(1));
            one.dora(mac(2));
            Decision d = one.handle(one.extending(mac(1), "10.20.0.100"), true);
            assertThat(is(d, NAK)).isTrue();
            assertThat(d.rule()).contains("held by another client");
        }

        @Test
        void someoneElsesAddressIsNaked() {
            f.dora(mac(1));
            f.dora(mac(2));
            Decision d = f.handle(f.extending(mac(2), "10.20.0.100"));
            assertThat(is(d, NAK)).isTrue();
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().mac()).isEqualTo(MacAddress.parse(mac(1)));
        }

        @Test
        void unknownClientSilentUnlessAuthoritative() {
            assertThat(f.handle(f.extending(mac(1), "10.20.0.105")).reply()).isEmpty();
            EngineFixture auth = new EngineFixture(true, 10);
            assertThat(is(auth.handle(auth.extending(mac(1), "10.20.0.105")), NAK)).isTrue();
        }

        @Test
        void expireLeaseNowThenRenewIsAnExpiredLease() {
            f.dora(mac(1));
            assertThat(f.engine.expire(Ipv4.parseInt("10.20.0.100"))).isTrue();
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.EXPIRED);
            assertThat(f.engine.expire(Ipv4.parseInt("10.20.0.150"))).isFalse();
            // free: another client may take it now; the old client is NAKed
            EngineFixture one = new EngineFixture(false, 1);
            one.dora(mac(1));
            one.engine.expire(Ipv4.parseInt("10.20.0.100"));
            assertThat(yiaddr(one.handle(one.discover(mac(2))))).isEqualTo("10.20.0.100");
        }
    }

    @Nested
    class DeclineReleaseInform {

        @Test
        void declineSetsTheAddressAsideForTheProbationTime() {
            EngineFixture one = new EngineFixture(false, 1);
            one.dora(mac(1));
            Decision d = one.handle(one.decline(mac(1), "10.20.0.100"));
            assertThat(d.reply()).isEmpty();
            assertThat(d.rule()).contains("set aside for 300 s");
            assertThat(one.leaseAt("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.DECLINED);
            assertThat(one.handle(one.discover(mac(1))).rule()).contains("pool exhausted");
            assertThat(one.handle(one.discover(mac(2))).rule()).contains("pool exhausted");
            one.clock.advance(PROBATION);
            assertThat(yiaddr(one.handle(one.discover(mac(2))))).isEqualTo("10.20.0.100");
        }

        @Test
        void declineOfAnAddressNotTheClientsIsIgnored() {
            f.dora(mac(1));
            assertThat(f.handle(f.decline(mac(2), "10.20.0.100")).rule()).contains("not the client's");
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.BOUND);
        }

        @Test
        void releaseFreesAndTheSameClientGetsItBack() {
            f.dora(mac(1));
            f.dora(mac(2));
            Decision d = f.handle(f.release(mac(1), "10.20.0.100"));
            assertThat(d.reply()).isEmpty();
            assertThat(d.rule()).isEqualTo("RELEASE: 10.20.0.100 freed");
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.RELEASED);
            assertThat(yiaddr(f.handle(f.discover(mac(3))))).isEqualTo("10.20.0.102");
            Decision again = f.handle(f.discover(mac(1)));
            assertThat(yiaddr(again)).isEqualTo("10.20.0.100");
            assertThat(again.rule()).contains("previous address");
        }

        @Test
        void releaseOfAnotherServerOrAddressIsIgnored() {
            f.dora(mac(1));
            DhcpMessage other = f.base(mac(1), MessageType.RELEASE).ciaddr("10.20.0.100")
                    .option(DhcpOptions.serverIdentifier("10.20.0.2")).build();
            assertThat(f.handle(other).rule()).contains("another server");
            assertThat(f.handle(f.release(mac(1), "10.20.0.101")).rule()).contains("does not hold");
            assertThat(f.leaseAt("10.20.0.100").orElseThrow().state()).isEqualTo(LeaseState.BOUND);
        }

        @Test
        void informIsAnsweredWithConfigurationAndNoLease() {
            DhcpMessage inform = f.base(mac(1), MessageType.INFORM).ciaddr("10.20.0.77")
                    .option(prl(OptionCode.SUBNET_MASK, OptionCode.ROUTER, OptionCode.DOMAIN_NAME_SERVER,
                            OptionCode.IP_ADDRESS_LEASE_TIME)).build();
            Decision d = f.handle(inform);
            assertThat(is(d, ACK)).isTrue();
            DhcpMessage ack = d.reply().orElseThrow();
            assertThat(Ipv4.toInt(ack.yiaddr())).isZero();
            assertThat(ack.ciaddr().getHostAddress()).isEqualTo("10.20.0.77");
            assertThat(codes(ack)).doesNotContain(51, 58, 59).contains(53, 54, 1, 3, 6);
            assertThat(ack.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.20.0.1");
            assertThat(f.engine.leases()).isEmpty();
        }
    }

    @Nested
    class Options {

        @Test
        void chosenByTheParameterRequestListInItsOrderWithTimesAndMaskAlways() {
            DhcpMessage offer = f.handle(f.discover(mac(1), prl(OptionCode.DOMAIN_NAME_SERVER,
                    OptionCode.of(42), OptionCode.ROUTER, OptionCode.of(77)))).reply().orElseThrow();
            assertThat(codes(offer)).containsExactly(53, 54, 51, 58, 59, 1, 6, 42, 3);
        }

        @Test
        void withoutAParameterRequestListEveryConfiguredOptionIsSent() {
            DhcpMessage offer = f.handle(f.discover(mac(1))).reply().orElseThrow();
            assertThat(codes(offer)).containsExactly(53, 54, 51, 58, 59, 1, 3, 6, 15, 42);
        }

        @Test
        void forcedOptionsAreSentUnasked() {
            f.engine.updateConfig(c -> c.withSubnets(List.of(withForced(c.subnets().get(0)),
                    c.subnets().get(1))));
            DhcpMessage offer = f.handle(f.discover(mac(1), prl(OptionCode.ROUTER))).reply().orElseThrow();
            assertThat(codes(offer)).containsExactly(53, 54, 51, 58, 59, 1, 3, 66);
        }

        private SubnetConfig withForced(SubnetConfig s) {
            return new SubnetConfig(s.cidr(), s.pools(), s.exclusions(), s.leaseTime(), s.renewalTime(),
                    s.rebindingTime(), s.options(), List.of(DhcpOptions.tftpServerName("tftp.lab.test")));
        }

        @Test
        void t1AndT2DefaultToHalfAndSevenEighths() {
            DhcpMessage ack = f.dora(mac(1));
            assertThat(ack.leaseTime()).contains(Duration.ofMinutes(10));
            assertThat(ack.renewalTime()).contains(Duration.ofMinutes(5));
            assertThat(ack.rebindingTime()).contains(Duration.ofSeconds(525));
        }

        @Test
        void clientIdentifierAndRelayInformationAreEchoed() {
            DhcpOption id = DhcpOptions.clientIdentifier(MacAddress.parse(mac(1)));
            DhcpOption relay = DhcpOptions.relayAgentInformation(SubOption.of(SubOption.AGENT_CIRCUIT_ID, "eth0/1"),
                    SubOption.of(SubOption.AGENT_REMOTE_ID, "sw1"));
            DhcpMessage discover = f.base(mac(1), MessageType.DISCOVER).giaddr("10.30.0.1").hops(1)
                    .option(id).option(relay).build();
            DhcpMessage offer = f.handle(discover).reply().orElseThrow();
            assertThat(offer.option(OptionCode.CLIENT_IDENTIFIER)).contains(id);
            assertThat(offer.option(OptionCode.RELAY_AGENT_INFORMATION)).contains(relay);
            DhcpMessage nak = f.handle(f.base(mac(1), MessageType.REQUEST).giaddr("10.30.0.1").option(id)
                    .option(relay).option(DhcpOptions.requestedIpAddress("10.30.0.150"))
                    .option(DhcpOptions.serverIdentifier(SERVER_ID)).build()).reply().orElseThrow();
            assertThat(nak.is(NAK)).isTrue();
            assertThat(nak.option(OptionCode.CLIENT_IDENTIFIER)).contains(id);
            assertThat(nak.option(OptionCode.RELAY_AGENT_INFORMATION)).contains(relay);
        }

        @Test
        void clientIdentifierIdentifiesTheClientAcrossMacs() {
            DhcpOption id = DhcpOptions.clientIdentifier(0, "device-7".getBytes());
            String first = yiaddr(f.handle(f.discover(mac(1), id)));
            f.handle(f.base(mac(1), MessageType.REQUEST).option(id)
                    .option(DhcpOptions.requestedIpAddress(first)).option(DhcpOptions.serverIdentifier(SERVER_ID))
                    .build());
            assertThat(yiaddr(f.handle(f.discover(mac(2), id)))).isEqualTo(first);
        }
    }

    @Nested
    class Relays {

        @Test
        void giaddrSelectsTheSubnet() {
            DhcpMessage discover = f.base(mac(1), MessageType.DISCOVER).giaddr("10.30.0.1").hops(1).build();
            DhcpMessage offer = f.handle(discover).reply().orElseThrow();
            assertThat(offer.yiaddr().getHostAddress()).isEqualTo("10.30.0.100");
            assertThat(offer.giaddr().getHostAddress()).isEqualTo("10.30.0.1");
            assertThat(offer.leaseTime()).contains(Duration.ofHours(1));
            assertThat(offer.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.30.0.1");
        }

        @Test
        void giaddrOutsideEverySubnetIsSilent() {
            Decision d = f.handle(f.base(mac(1), MessageType.DISCOVER).giaddr("172.16.0.1").build());
            assertThat(d.reply()).isEmpty();
            assertThat(d.rule()).contains("172.16.0.1 is in no configured subnet");
        }

        @Test
        void relayedNakHasTheBroadcastBitForTheRelay() {
            DhcpMessage request = f.base(mac(1), MessageType.REQUEST).giaddr("10.30.0.1")
                    .option(DhcpOptions.requestedIpAddress("10.20.0.100")).build();
            DhcpMessage nak = f.handle(request).reply().orElseThrow();
            assertThat(nak.is(NAK)).isTrue();
            assertThat(nak.isBroadcast()).as("RFC 2131 §4.3.2: NAK via a relay has the broadcast bit").isTrue();
        }
    }

    @Nested
    class BadInput {

        @Test
        void bootReplyUnknownTypeAndBootpAreSilent() {
            assertThat(f.handle(f.discover(mac(1)).toBuilder().op(DhcpMessage.BOOTREPLY).build()).rule())
                    .contains("BOOTREPLY");
            assertThat(f.handle(f.base(mac(1), MessageType.of(42)).build()).reply()).isEmpty();
            assertThat(f.handle(f.base(mac(1), MessageType.OFFER).build()).rule()).contains("not one a server");
            assertThat(f.handle(DhcpMessage.builder().xid(7).chaddr(mac(1)).build()).rule())
                    .contains("plain BOOTP");
            assertThat(f.handle(f.base(mac(1), MessageType.REQUEST).build()).reply()).isEmpty();
            assertThat(yiaddr(f.handle(f.discover(mac(1))))).isEqualTo("10.20.0.100");
        }
    }

    @Nested
    class RuntimeChanges {

        private StaticLease host(String mac, String address) {
            return new StaticLease(ClientKey.ofMac(MacAddress.parse(mac)), Ipv4.parseInt(address), Optional.empty(),
                    List.of());
        }

        @Test
        void addAStaticLeaseTakesTheAddressFromItsDynamicHolder() {
            f.dora(mac(1));
            f.engine.updateConfig(c -> c.withStaticLeases(List.of(host(mac(2), "10.20.0.100"))));
            assertThat(f.leaseAt("10.20.0.100")).isEmpty();
            assertThat(is(f.handle(f.extending(mac(1), "10.20.0.100")), NAK)).isTrue();
            assertThat(yiaddr(f.handle(f.discover(mac(2))))).isEqualTo("10.20.0.100");
        }

        @Test
        void moveAStaticLease() {
            f.dora(STATIC_MAC);
            f.engine.updateConfig(c -> c.withStaticLeases(List.of(host(STATIC_MAC, "10.20.0.43"))));
            assertThat(f.leaseAt(STATIC_IP)).isEmpty();
            assertThat(is(f.handle(f.extending(STATIC_MAC, STATIC_IP)), NAK)).isTrue();
            assertThat(yiaddr(f.handle(f.discover(STATIC_MAC)))).isEqualTo("10.20.0.43");
        }

        @Test
        void moveAStaticLeaseOfAClientThatSendsAClientIdentifier() {
            DhcpOption id = DhcpOptions.clientIdentifier(MacAddress.parse(STATIC_MAC));
            DhcpMessage offer = f.handle(f.discover(STATIC_MAC, id)).reply().orElseThrow();
            f.handle(f.base(STATIC_MAC, MessageType.REQUEST).option(id)
                    .option(DhcpOptions.requestedIpAddress(offer.yiaddr().getHostAddress()))
                    .option(DhcpOptions.serverIdentifier(SERVER_ID)).build());
            assertThat(f.leaseAt(STATIC_IP)).map(Lease::state).contains(LeaseState.BOUND);
            f.engine.updateConfig(c -> c.withStaticLeases(List.of(host(STATIC_MAC, "10.20.0.43"))));
            assertThat(f.leaseAt(STATIC_IP)).isEmpty();
        }

        @Test
        void removeAStaticLease() {
            f.engine.updateConfig(c -> c.withStaticLeases(List.of()));
            assertThat(yiaddr(f.handle(f.discover(STATIC_MAC)))).isEqualTo("10.20.0.100");
        }

        @Test
        void resetForgetsEverything() {
            ServerConfig initial = f.engine.config();
            f.dora(mac(1));
            f.dora(mac(2));
            f.engine.updateConfig(c -> c.withStaticLeases(List.of()));
            f.engine.reset(initial);
            assertThat(f.engine.leases()).isEmpty();
            assertThat(f.engine.config()).isEqualTo(initial);
            assertThat(yiaddr(f.handle(f.discover(mac(3))))).isEqualTo("10.20.0.100");
            assertThat(yiaddr(f.handle(f.discover(STATIC_MAC)))).isEqualTo(STATIC_IP);
        }
    }

    @Test
    void poolExhaustionThenReleaseGivesTheFreedAddressToTheNextClient() {
        EngineFixture two = new EngineFixture(false, 2);
        two.dora(mac(1));
        two.dora(mac(2));
        Decision full = two.handle(two.discover(mac(3)));
        assertThat(full.reply()).isEmpty();
        assertThat(full.rule()).contains("pool exhausted");
        two.handle(two.release(mac(1), "10.20.0.100"));
        assertThat(yiaddr(two.handle(two.discover(mac(3))))).isEqualTo("10.20.0.100");
    }

    @Test
    void leaseTableStaysConsistentUnderARandomWorkload() {
        java.util.Random random = new java.util.Random(42);
        EngineFixture small = new EngineFixture(false, 5);
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            macs.add(mac(i));
        }
        for (int step = 0; step < 3000; step++) {
            String m = macs.get(random.nextInt(macs.size()));
            String addr = "10.20.0." + (100 + random.nextInt(6));
            switch (random.nextInt(7)) {
                case 0 -> small.handle(small.discover(m));
                case 1 -> small.handle(small.selecting(m, addr, SERVER_ID));
                case 2 -> small.handle(small.extending(m, addr));
                case 3 -> small.handle(small.release(m, addr));
                case 4 -> small.handle(small.decline(m, addr));
                case 5 -> small.handle(small.initReboot(m, addr));
                default -> small.clock.advance(Duration.ofSeconds(random.nextInt(120)));
            }
            List<Lease> leases = small.engine.leases();
            long now = small.clock.millis();
            Set<Object> holders = new HashSet<>();
            for (Lease lease : leases) {
                boolean active = (lease.state() == LeaseState.BOUND || lease.state() == LeaseState.OFFERED)
                        && lease.expiresAt().toEpochMilli() > now;
                if (active) {
                    assertThat(holders.add(lease.clientIdentifier().map(id -> "id " + id).orElseGet(() -> "mac " + lease.mac()))).as("one client, one active address: " + leases).isTrue();
                }
            }
            assertThat(leases).extracting(Lease::address).doesNotHaveDuplicates();
        }
    }
}
