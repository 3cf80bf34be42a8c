package dev.dhcpembedded.robustness;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the seeds of {@link PacketPathFuzzTest} that are not copies of the codec's golden vectors and captures:
 * whole exchanges (datagrams joined by {@link PacketPathFuzzTest#SEPARATOR}) and the {@link HostileInputs}. Run
 * once from the module directory with the test classpath; the files are committed.
 */
final class SeedCorpus {

    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "src/test/resources/dev/dhcpembedded/robustness/PacketPathFuzzTestInputs/packetPath");
        Files.createDirectories(dir);
        String mac = "02:00:00:00:00:01";
        byte[] discover = DhcpCodec.encode(base(mac, 1, MessageType.DISCOVER).build());
        byte[] selecting = DhcpCodec.encode(base(mac, 1, MessageType.REQUEST)
                .option(DhcpOptions.requestedIpAddress("192.168.0.10"))
                .option(DhcpOptions.serverIdentifier("192.168.0.1")).build());
        byte[] renew = DhcpCodec.encode(base(mac, 2, MessageType.REQUEST).ciaddr("192.168.0.10").build());
        byte[] release = DhcpCodec.encode(base(mac, 3, MessageType.RELEASE).ciaddr("192.168.0.10")
                .option(DhcpOptions.serverIdentifier("192.168.0.1")).build());
        byte[] decline = DhcpCodec.encode(base(mac, 4, MessageType.DECLINE)
                .option(DhcpOptions.requestedIpAddress("192.168.0.10"))
                .option(DhcpOptions.serverIdentifier("192.168.0.1")).build());
        byte[] initReboot = DhcpCodec.encode(base("02:00:00:00:00:02", 5, MessageType.REQUEST)
                .option(DhcpOptions.requestedIpAddress("192.168.0.77")).build());
        byte[] inform = DhcpCodec.encode(base("02:00:00:00:00:03", 6, MessageType.INFORM).ciaddr("192.168.0.200")
                .build());
        byte[] relayed = DhcpCodec.encode(base("02:00:00:00:00:04", 7, MessageType.DISCOVER).giaddr("10.30.0.1")
                .option(DhcpOptions.maximumMessageSize(1500)).build());
        byte[] forgedRelay = DhcpCodec.encode(base("02:00:00:00:00:05", 8, MessageType.DISCOVER)
                .giaddr("203.0.113.9").build());
        write(dir, "exchange-dora-renew-release", join(discover, selecting, renew, release));
        write(dir, "exchange-dora-decline", join(discover, selecting, decline, discover));
        write(dir, "message-init-reboot-unknown", initReboot);
        write(dir, "message-inform", inform);
        write(dir, "message-relayed-discover", relayed);
        write(dir, "message-forged-giaddr", forgedRelay);
        byte[][] exhaust = new byte[12][];
        for (int i = 0; i < exhaust.length; i++) {
            exhaust[i] = DhcpCodec.encode(base(Wire.macText(100 + i), 100 + i, MessageType.DISCOVER).build());
        }
        write(dir, "exchange-exhaust-pool", join(exhaust));
        for (Map.Entry<String, byte[]> shape : HostileInputs.all(1).entrySet()) {
            write(dir, "hostile-" + shape.getKey(), shape.getValue());
        }
    }

    private static DhcpMessageBuilder base(String mac, int xid, MessageType type) {
        return DhcpMessage.builder().xid(xid).chaddr(mac).messageType(type)
                .option(DhcpOptions.parameterRequestList(1, 3, 6, 15, 119, 121));
    }

    private static byte[] join(byte[]... datagrams) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < datagrams.length; i++) {
            if (i > 0) {
                out.writeBytes(PacketPathFuzzTest.SEPARATOR);
            }
            out.writeBytes(datagrams[i]);
        }
        return out.toByteArray();
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }
}
