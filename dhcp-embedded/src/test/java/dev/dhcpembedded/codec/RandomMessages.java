package dev.dhcpembedded.codec;

import dev.dhcpembedded.internal.wire.Ipv4;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Valid messages with every field and typed option drawn from one seed: the same seed gives the same message. */
final class RandomMessages {

    /** Codes the decoder validates; raw options use the others. */
    private static final Set<Integer> TYPED = Set.of(1, 3, 6, 12, 15, 28, 42, 50, 51, 52, 53, 54, 55, 56, 57, 58,
            59, 60, 61, 66, 67, 81, 82, 119, 121);

    private final Random random;

    RandomMessages(long seed) {
        this.random = new Random(seed);
    }

    /** An int in [min, max]. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    DhcpMessage message() {
        byte[] chaddr = bytes(16, 16);
        DhcpMessageBuilder b = DhcpMessage.builder()
                .op(between(1, 2)).htype(between(0, 255)).hlen(between(0, 16))
                .hops(between(0, 255)).xid(random.nextInt()).secs(between(0, 0xFFFF)).flags(between(0, 0xFFFF))
                .ciaddr(random.nextInt()).yiaddr(random.nextInt()).siaddr(random.nextInt())
                .giaddr(random.nextInt()).chaddrBytes(chaddr);
        if (random.nextInt(3) == 0) {
            byte[] field = bytes(0, 64);
            b.snameBytes(field).fileBytes(field);
        }
        List<DhcpOption> options = new ArrayList<>();
        for (int i = between(0, 12); i > 0; i--) {
            options.add(option());
        }
        return b.options(options).build();
    }

    private DhcpOption option() {
        switch (random.nextInt(14)) {
            case 0:
                return DhcpOptions.messageType(MessageType.of(between(1, 8)));
            case 1:
                return DhcpOptions.hostname(text('!', '~', between(1, 80)));
            case 2:
                return DhcpOptions.domainName(name());
            case 3:
                return DhcpOptions.router(addresses(between(1, 80)));
            case 4:
                return DhcpOptions.serverIdentifier(address());
            case 5:
                return DhcpOptions.leaseTime(Duration.ofSeconds(random.nextLong() & 0xFFFFFFFFL));
            case 6:
                return DhcpOptions.maximumMessageSize(between(576, 65535));
            case 7:
                int[] codes = new int[between(1, 300)];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = between(1, 254);
                }
                return DhcpOptions.parameterRequestList(codes);
            case 8:
                String[] names = new String[between(1, 30)];
                for (int i = 0; i < names.length; i++) {
                    names[i] = name();
                }
                return DhcpOptions.domainSearch(names);
            case 9:
                ClasslessRoute[] routes = new ClasslessRoute[between(1, 40)];
                for (int i = 0; i < routes.length; i++) {
                    int prefix = between(0, 32);
                    int destination = prefix == 0 ? 0 : random.nextInt() & (-1 << (32 - prefix));
                    routes[i] = ClasslessRoute.route(Ipv4.toString(destination) + "/" + prefix, address());
                }
                return DhcpOptions.classlessStaticRoutes(routes);
            case 10:
                int[] flags = {0, 1, 2, 3, 8, 9};
                String fqdn = random.nextBoolean() ? name() + "." : name();
                return DhcpOptions.clientFqdn(ClientFqdn.of(flags[random.nextInt(flags.length)], fqdn));
            case 11:
                SubOption[] subs = new SubOption[between(1, 4)];
                for (int i = 0; i < subs.length; i++) {
                    subs[i] = SubOption.of(i + 1, bytes(0, 60));
                }
                return DhcpOptions.relayAgentInformation(subs);
            default:
                int code;
                do {
                    code = between(1, 254);
                } while (TYPED.contains(code));
                return DhcpOption.of(code, random.nextBoolean() ? bytes(0, 40) : bytes(250, 700));
        }
    }

    private String name() {
        List<String> labels = new ArrayList<>();
        for (int i = between(1, 3); i > 0; i--) {
            labels.add(label());
        }
        return String.join(".", labels);
    }

    private String label() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = between(1, 63); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private String text(char from, char to, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) between(from, to));
        }
        return out.toString();
    }

    private String address() {
        return Ipv4.toString(random.nextInt());
    }

    private String[] addresses(int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = address();
        }
        return out;
    }

    private byte[] bytes(int minLength, int maxLength) {
        byte[] out = new byte[between(minLength, maxLength)];
        random.nextBytes(out);
        return out;
    }
}
