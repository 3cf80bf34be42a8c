package dev.dhcpembedded.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** encode -> decode is the identity, with and without a size limit (then option 52 and RFC 3396 do the work). */
class CodecPropertiesTest {

    /** Codes the decoder validates; raw options use the others. */
    private static final Set<Integer> TYPED = Set.of(1, 3, 6, 12, 15, 28, 42, 50, 51, 52, 53, 54, 55, 56, 57, 58,
            59, 60, 61, 66, 67, 81, 82, 119, 121);

    @Property(tries = 300)
    void encodeThenDecodeIsTheIdentity(@ForAll("messages") DhcpMessage message) {
        assertThat(DhcpDecoder.decode(DhcpEncoder.encode(message))).isEqualTo(Messages.relayAgentLast(message));
    }

    @Property(tries = 300)
    void encodeWithinAMaximumSizeThenDecodeGivesTheSameMessage(@ForAll("messages") DhcpMessage message,
            @ForAll("maxSizes") int maxPacket) {
        byte[] encoded;
        try {
            encoded = DhcpEncoder.encode(message, maxPacket);
        } catch (DhcpCodecException tooBig) {
            assertThat(tooBig.offset()).isEqualTo(-1);
            return;
        }
        assertThat(encoded.length).isLessThanOrEqualTo(Math.max(maxPacket, DhcpEncoder.MIN_PACKET));
        assertThat(DhcpDecoder.decode(encoded)).isEqualTo(Messages.relayAgentLast(message));
    }

    @Provide
    Arbitrary<Integer> maxSizes() {
        return Arbitraries.integers().between(300, 1500);
    }

    @Provide
    Arbitrary<DhcpMessage> messages() {
        Arbitrary<int[]> header = Arbitraries.integers().array(int[].class).ofSize(9);
        Arbitrary<byte[]> chaddr = Arbitraries.bytes().array(byte[].class).ofSize(16);
        Arbitrary<Boolean> emptyFields = Arbitraries.of(true, true, false);
        Arbitrary<byte[]> field = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<List<DhcpOption>> options = option().list().ofMaxSize(12);
        return Combinators.combine(header, chaddr, emptyFields, field, options).as((h, ch, empty, f, opts) -> {
            DhcpMessage.Builder b = DhcpMessage.builder()
                    .op(Math.floorMod(h[0], 2) + 1).htype(h[1] & 0xFF).hlen(Math.floorMod(h[2], 17))
                    .hops(h[3] & 0xFF).xid(h[4]).secs(h[5] & 0xFFFF).flags(h[6] & 0xFFFF)
                    .ciaddr(h[7]).yiaddr(h[8]).siaddr(h[7] ^ h[8]).giaddr(h[4] ^ h[7])
                    .chaddrBytes(ch);
            if (!empty) {
                b.snameBytes(f).fileBytes(f);
            }
            return b.options(opts).build();
        });
    }

    private Arbitrary<DhcpOption> option() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1)
                .ofMaxLength(63);
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> address = Arbitraries.integers().map(Ipv4::toString);
        Arbitrary<Integer> rawCode = Arbitraries.integers().between(1, 254).filter(c -> !TYPED.contains(c));
        Arbitrary<byte[]> rawValue = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.bytes().array(byte[].class).ofMinSize(250).ofMaxSize(700));
        return Arbitraries.oneOf(
                Arbitraries.of(1, 2, 3, 4, 5, 6, 7, 8).map(t -> DhcpOption.messageType(MessageType.of(t))),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80)
                        .map(DhcpOption::hostname),
                name.map(DhcpOption::domainName),
                address.list().ofMinSize(1).ofMaxSize(80).map(a -> DhcpOption.router(a.toArray(String[]::new))),
                address.map(DhcpOption::serverIdentifier),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(s -> DhcpOption.leaseTime(Duration.ofSeconds(s))),
                Arbitraries.integers().between(576, 65535).map(DhcpOption::maximumMessageSize),
                Arbitraries.integers().between(1, 254).array(int[].class).ofMinSize(1).ofMaxSize(300)
                        .map(DhcpOption::parameterRequestList),
                name.list().ofMinSize(1).ofMaxSize(30).map(n -> DhcpOption.domainSearch(n.toArray(String[]::new))),
                Combinators.combine(Arbitraries.integers().between(0, 32), Arbitraries.integers(), address)
                        .as((p, d, r) -> ClasslessRoute.route(
                                Ipv4.toString(p == 0 ? 0 : d & (-1 << (32 - p))) + "/" + p, r))
                        .list().ofMinSize(1).ofMaxSize(40)
                        .map(r -> DhcpOption.classlessStaticRoutes(r.toArray(ClasslessRoute[]::new))),
                Combinators.combine(Arbitraries.of(0, 1, 2, 3, 8, 9), name, Arbitraries.of(true, false))
                        .as((flags, n, fq) -> DhcpOption.clientFqdn(ClientFqdn.of(flags, fq ? n + "." : n))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60).list().ofMinSize(1).ofMaxSize(4)
                        .map(vs -> {
                            SubOption[] subs = new SubOption[vs.size()];
                            for (int i = 0; i < subs.length; i++) {
                                subs[i] = SubOption.of(i + 1, vs.get(i));
                            }
                            return DhcpOption.relayAgentInformation(subs);
                        }),
                Combinators.combine(rawCode, rawValue).as(DhcpOption::of));
    }
}
